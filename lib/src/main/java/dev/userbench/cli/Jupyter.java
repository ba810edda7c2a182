package dev.userbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The outside programs {@code render} drives: a Python with nbconvert and nbclient (Debian's first, then the one
 * on PATH), Maven to build the kernel jar when it is missing, and our kernel's installer. Every program runs with
 * its output captured in a log file, bounded in time, and killed with its children when the time is up.
 */
final class Jupyter {

    /** The one line that says what to install when no Python has Jupyter's tools. */
    static final String INSTALL_HINT = "Jupyter's nbconvert is missing: install it with "
            + "`apt-get install jupyter-client python3-nbclient python3-nbconvert jupyter-notebook` "
            + "or `pip install nbconvert nbclient`";

    /** Debian's Python comes first: a pyenv or virtualenv python3 on PATH often lacks Jupyter. */
    static final List<String> PYTHON_CANDIDATES = List.of("/usr/bin/python3", "python3");

    /** How a finished program ended and what it printed (output and errors merged). */
    record Outcome(int exitCode, String output, boolean timedOut) {
        boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        /** The last non-blank line, which is where Python and Maven put the reason they stopped. */
        String lastLine() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
        }
    }

    private final Path workDirectory;
    private final Map<String, String> environment;

    Jupyter(Path workDirectory, Map<String, String> environment) {
        this.workDirectory = workDirectory;
        this.environment = Map.copyOf(environment);
    }

    /** The first candidate Python that can import nbconvert and nbclient. */
    Optional<String> findPython() {
        for (String python : PYTHON_CANDIDATES) {
            if (python.startsWith("/") && !Files.isExecutable(Path.of(python))) {
                continue;
            }
            try {
                if (run(List.of(python, "-c", "import nbconvert, nbclient, jupyter_client"), Duration.ofSeconds(60)).ok()) {
                    return Optional.of(python);
                }
            } catch (IOException e) {
                // not installed under this name: try the next
            }
        }
        return Optional.empty();
    }

    /** The java running this command, so the kernel installer runs on the same JDK. */
    static String currentJava() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /**
     * Runs {@code command} in the work directory with the extra environment. Python's own settings from a pyenv are
     * removed, so they cannot leak into Debian's Python.
     */
    Outcome run(List<String> command, Duration limit) throws IOException {
        Path log = Files.createTempFile("userbench-render", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("PYTHONPATH");
            builder.environment().remove("PYTHONHOME");
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Outcome(-1, Files.readString(log), true);
            }
            return new Outcome(process.exitValue(), Files.readString(log), false);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
