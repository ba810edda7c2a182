package dev.userbench.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the shaded kernel jar and Debian's Jupyter tools for the *IT tests. */
final class ExternalTools {
    /** Debian's Python, which has Jupyter; the python3 on PATH may be another one without it. */
    static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    /** What a finished process said and how it ended. */
    record Outcome(int exitCode, String output) {
    }

    private ExternalTools() {
    }

    /** The jar that {@code package} built; failsafe passes its path, a plain IDE run falls back to target/. */
    static Path kernelJar() {
        Path jar = Path.of(System.getProperty("kernel.jar", "target/user-entity-bench-kernel.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the shaded kernel jar is missing; run mvn package first: " + jar);
        return jar;
    }

    /** Skips the calling test unless Debian's Python can import every one of {@code modules}. */
    static void assumePythonModules(String... modules) throws Exception {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " is not installed");
        Outcome probe = run(List.of(SYSTEM_PYTHON.toString(), "-c", "import " + String.join(", ", modules)),
                Path.of("."), Map.of(), Duration.ofSeconds(60));
        assumeTrue(probe.exitCode() == 0, "Python lacks " + String.join(", ", modules) + ": " + probe.output());
    }

    /** Installs the kernelspec {@code name} under {@code prefix}; returns the JUPYTER_PATH entry to use. */
    static Path installKernel(Path prefix, String name) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.createDirectories(prefix);
        Outcome install = run(List.of(java.toString(), "-jar", kernelJar().toString(), "install",
                "--prefix", prefix.toString(), "--name", name), prefix, Map.of(), Duration.ofSeconds(60));
        assertTrue(install.exitCode() == 0, "install failed: " + install.output());
        return prefix.resolve("share").resolve("jupyter");
    }

    /**
     * The environment for Jupyter clients: find kernels in {@code jupyterPath}, keep runtime files in
     * {@code temp}, and start the kernel ({@code java} from the PATH, as kernel.json says) on the JDK
     * that runs the tests, so a test run on Temurin 25 tests the kernel on Temurin 25.
     */
    static Map<String, String> jupyterEnvironment(Path jupyterPath, Path temp) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        return Map.of("JUPYTER_PATH", jupyterPath.toString(),
                "JUPYTER_RUNTIME_DIR", temp.resolve("runtime").toString(),
                "JUPYTER_PLATFORM_DIRS", "1",
                "PATH", javaBin + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
    }

    /**
     * Runs {@code command} in {@code workDir} with {@code extraEnv} added, output and errors merged. A
     * process still running after {@code limit} is killed with its children; that counts as a failure.
     */
    static Outcome run(List<String> command, Path workDir, Map<String, String> extraEnv, Duration limit)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("external-tool", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("PYTHONPATH"); // a pyenv's settings must not leak into Debian's Python
            builder.environment().remove("PYTHONHOME");
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Outcome(-1, "timed out after " + limit + ":\n" + Files.readString(log));
            }
            return new Outcome(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
