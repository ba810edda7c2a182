package dev.userbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code userbench render}: executes a notebook headless with Jupyter's nbconvert, with our Java kernel installed
 * on demand under temp/jupyter (or a kernelspec the user names), and writes the executed .ipynb and a
 * self-contained .html. Any error output or stderr text in a cell fails the command, naming the cell.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Executes the notebook headless with Jupyter (nbconvert) and writes the executed .ipynb and a "
                + "self-contained .html to temp/rendered/. Fails, naming the cell, on any error output.")
public final class RenderCommand implements Callable<Integer> {

    static final String DEFAULT_NOTEBOOK = "notebooks/user-entity-benchmark.ipynb";
    static final String KERNEL_JAR = "kernel/target/user-entity-bench-kernel.jar";
    /** The kernelspec name the notebook's metadata asks for, and the one we install ours under. */
    static final String KERNEL_NAME = "java";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NOTEBOOK",
            description = "The notebook to render (default: " + DEFAULT_NOTEBOOK + ").")
    Path notebook;

    @Option(names = "--kernel", paramLabel = "NAME",
            description = "Run with this installed kernelspec (e.g. IJava's) instead of installing ours under temp/jupyter.")
    String kernel;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the rendered files (default: temp/rendered/).")
    Path outDir;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Database the notebook measures in, handed to it as USERBENCH_JDBC_URL (credentials come from "
                    + "USERBENCH_USER and USERBENCH_PASSWORD in the environment). Default: the notebook's own SQLite file. "
                    + "cluster:postgres or cluster:mariadb picks the engine of the sharded notebook's clusters "
                    + "(USERBENCH_CLUSTER_ENGINE).")
    String jdbcUrl;

    @Option(names = "--cell-timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "Longest a single cell may run before the render fails (default: ${DEFAULT-VALUE}).")
    int cellTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return render(out, err);
        } catch (IOException e) {
            err.println("userbench: render failed: " + e.getMessage());
            return ExitCode.RUN_FAILED.code();
        } catch (IllegalArgumentException e) {
            // a cluster: URL naming no engine the tool knows
            err.println("userbench: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
    }

    private int render(PrintWriter out, PrintWriter err) throws IOException {
        Path home = Main.home();
        Path input = (notebook != null ? notebook : home.resolve(DEFAULT_NOTEBOOK)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(input) || !input.toString().endsWith(".ipynb")) {
            err.println("userbench: no notebook at " + input + ": name an existing .ipynb file");
            return ExitCode.USAGE.code();
        }
        Path folder = (outDir != null ? outDir : home.resolve("temp/rendered")).toAbsolutePath().normalize();
        Files.createDirectories(folder);
        Path jupyterHome = home.resolve("temp/jupyter");
        Map<String, String> environment = new java.util.HashMap<>();
        // silences jupyter_core's deprecation warning about platform folders
        environment.put("JUPYTER_PLATFORM_DIRS", "1");
        if (kernel == null) {
            environment.put("JUPYTER_PATH", jupyterHome.resolve("share/jupyter").toString());
            environment.put("JUPYTER_RUNTIME_DIR", jupyterHome.resolve("runtime").toString());
        }
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            environment.put("USERBENCH_JDBC_URL", jdbcUrl);
            if (dev.userbench.cluster.ClusterUrl.isCluster(jdbcUrl)) {
                // the sharded notebook starts its own clusters: of this engine
                environment.put("USERBENCH_CLUSTER_ENGINE", dev.userbench.cluster.ClusterUrl.parse(jdbcUrl).engine());
            }
        }
        Jupyter jupyter = new Jupyter(home, Map.copyOf(environment));

        Optional<String> python = jupyter.findPython();
        if (python.isEmpty()) {
            err.println("userbench: " + Jupyter.INSTALL_HINT);
            return ExitCode.MISSING_TOOL.code();
        }
        String kernelName = kernel != null ? kernel : KERNEL_NAME;
        if (kernel == null) {
            Optional<String> problem = installOurKernel(home, jupyterHome, jupyter, err);
            if (problem.isPresent()) {
                err.println("userbench: " + problem.get());
                return ExitCode.RUN_FAILED.code();
            }
        }

        String stem = input.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Path executed = folder.resolve(stem + ".ipynb");
        Path html = folder.resolve(stem + ".html");
        out.println("Executing " + home.relativize(input) + " with kernel '" + kernelName + "' ...");
        out.flush();
        long started = System.nanoTime();
        // --allow-errors keeps the executed notebook even when a cell fails, so we can name the cell and show it
        Jupyter.Outcome execution = jupyter.run(List.of(python.get(), "-m", "nbconvert", "--to", "notebook",
                "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=" + kernelName,
                "--ExecutePreprocessor.timeout=" + cellTimeoutSeconds, "--ExecutePreprocessor.startup_timeout=120",
                "--output-dir", folder.toString(), "--output", executed.getFileName().toString(), input.toString()),
                Duration.ofHours(2));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!execution.ok() || !Files.isRegularFile(executed)) {
            err.println("userbench: nbconvert could not execute " + input.getFileName() + ": "
                    + (execution.timedOut() ? "it did not finish in time" : execution.lastLine()));
            return ExitCode.RUN_FAILED.code();
        }
        Jupyter.Outcome conversion = jupyter.run(List.of(python.get(), "-m", "nbconvert", "--to", "html",
                "--output-dir", folder.toString(), "--output", html.getFileName().toString(), executed.toString()),
                Duration.ofMinutes(10));
        if (!conversion.ok()) {
            err.println("userbench: nbconvert could not export " + executed.getFileName() + " as HTML: "
                    + conversion.lastLine());
            return ExitCode.RUN_FAILED.code();
        }

        ExecutedNotebook result = ExecutedNotebook.read(executed);
        List<ExecutedNotebook.Problem> problems = result.problems();
        if (!problems.isEmpty()) {
            err.println("userbench: " + input.getFileName() + " failed in " + problems.get(0).oneLine()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more; see " + executed + ")" : ""));
            return ExitCode.RUN_FAILED.code();
        }
        out.println(String.format(Locale.ROOT, "Executed %d code cells in %.1f s (kernel start included); slowest: %s",
                result.codeCells(), took.toMillis() / 1000.0, slowest(result)));
        out.println("Wrote " + executed + " and " + html.getFileName());
        return ExitCode.OK.code();
    }

    /** Builds the kernel jar when it is missing and installs its kernelspec; empty when all went well. */
    private static Optional<String> installOurKernel(Path home, Path jupyterHome, Jupyter jupyter, PrintWriter err)
            throws IOException {
        Path jar = home.resolve(KERNEL_JAR);
        if (!Files.isRegularFile(jar)) {
            err.println("userbench: building the kernel jar (mvn package)...");
            err.flush();
            Jupyter.Outcome build = jupyter.run(List.of("mvn", "-B", "-q", "-pl", "kernel", "-am", "package",
                    "-DskipTests"), Duration.ofMinutes(20));
            if (!build.ok() || !Files.isRegularFile(jar)) {
                return Optional.of("could not build " + KERNEL_JAR + " with Maven: " + build.lastLine());
            }
        }
        Jupyter.Outcome install = jupyter.run(List.of(Jupyter.currentJava(), "-jar", jar.toString(), "install",
                "--prefix", jupyterHome.toString(), "--name", KERNEL_NAME, "--force"), Duration.ofMinutes(2));
        return install.ok() ? Optional.empty()
                : Optional.of("could not install the kernelspec under " + jupyterHome + ": " + install.lastLine());
    }

    private static String slowest(ExecutedNotebook result) {
        List<String> parts = new ArrayList<>();
        for (ExecutedNotebook.CodeCell cell : result.slowest(3)) {
            parts.add(String.format(Locale.ROOT, "%s %.1f s", cell.name(), cell.took().orElseThrow().toMillis() / 1000.0));
        }
        return parts.isEmpty() ? "no timings recorded" : String.join(", ", parts);
    }
}
