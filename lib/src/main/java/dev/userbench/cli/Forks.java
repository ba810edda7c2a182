package dev.userbench.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userbench.bench.Analysis;
import dev.userbench.bench.RunResult;
import dev.userbench.report.ResultsJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run --forks N}: the run's trials in N fresh JVMs, one after the other, as JMH forks do, merged into one
 * result whose intervals resample the forks too. The parent starts no measurement itself; it launches each fork
 * with the same options, gives it the connection through its environment (never its command line, which every
 * user of the machine can read), relays its progress, and watches it: a fork that fails ends the run with its
 * phase and the results finished so far; a fork that shows no sign of life for {@code silence} is stopped.
 */
final class Forks {

    /** The real JDBC URL (it may hold a password) for a fork, from its parent. */
    static final String URL_VARIABLE = "USERBENCH_FORK_JDBC_URL";
    /** A fork prints its phase on standard output behind this, one line per change. */
    static final String PHASE_PREFIX = "phase: ";
    /** A fork that fails prints its one-sentence reason on standard output behind this, for the parent to tell. */
    static final String FAILURE_PREFIX = "failure: ";

    private static final ObjectMapper READER = ResultsJson.mapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** How a fork ended when it did not end well. */
    static final class ForkFailed extends Exception {
        final int exitCode;
        final String phase;
        final RunResult partial;

        ForkFailed(String message, int exitCode, String phase, RunResult partial) {
            super(message);
            this.exitCode = exitCode;
            this.phase = phase;
            this.partial = partial;
        }

        /**
         * The reason results.json keeps: the fork's own, as a run in one JVM would have kept it, unless the parent
         * stopped the fork (then the parent's message says why).
         */
        String reason() {
            return !stoppedByParent && partial != null && partial.failure() != null ? partial.failure().reason()
                    : getMessage();
        }

        boolean stoppedByParent;
    }

    /** How long a silent fork gets to stop on SIGINT and write its partial results before it is killed. */
    private static final long GRACE_SECONDS = 20;

    private final List<String> arguments;
    private final String url;
    private final String password;
    private final int forks;
    private final Path folder;
    private final Duration silence;
    private final PrintWriter err;
    private volatile Process current;
    private volatile boolean cancelled;

    /**
     * @param arguments the fork's {@code run} options, without the connection's URL and password
     * @param url       the URL the forks connect to (an embedded server's, when the parent started one)
     * @param password  the password, or null
     */
    Forks(List<String> arguments, String url, String password, int forks, Path folder, Duration silence,
          PrintWriter err) {
        this.arguments = List.copyOf(arguments);
        this.url = url;
        this.password = password;
        this.forks = forks;
        this.folder = folder;
        this.silence = silence;
        this.err = err;
    }

    /** Runs every fork in turn and merges their results; the first fork that fails ends the run. */
    RunResult run(Analysis.Settings analysis) throws ForkFailed, IOException {
        List<RunResult> finished = new ArrayList<>();
        for (int fork = 1; fork <= forks; fork++) {
            Path out = folder.resolve("forks").resolve("fork-" + fork);
            try {
                finished.add(runFork(fork, out));
            } catch (ForkFailed failed) {
                List<RunResult> partial = new ArrayList<>(finished);
                if (failed.partial != null) {
                    partial.add(failed.partial);
                }
                RunResult merged = partial.isEmpty() ? null : RunResult.merge(partial, analysis,
                        new RunResult.Failure(failed.phase, failed.reason()));
                throw new ForkFailed(failed.getMessage(), failed.exitCode, failed.phase, merged);
            }
        }
        return RunResult.merge(finished, analysis, null);
    }

    /** Stops the running fork as Ctrl-C would (it keeps its partial results), and launches no other. */
    void cancel() {
        cancelled = true;
        Process process = current;
        if (process != null) {
            interrupt(process);
        }
    }

    /** Sends the fork SIGINT, which it answers as Ctrl-C: it stops its run and writes what it finished. */
    private static void interrupt(Process process) {
        if (process.isAlive()) {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            } catch (IOException e) {
                process.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
        }
    }

    private RunResult runFork(int fork, Path out) throws ForkFailed, IOException {
        String name = "fork " + fork + " of " + forks;
        if (cancelled) {
            throw new ForkFailed("interrupted (Ctrl-C)", ExitCode.INTERRUPTED.code(), name, null);
        }
        Files.createDirectories(out);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the parent's JVM flags, but not a debugger's agent: its port is the parent's and would stop the fork
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> !flag.startsWith("-agentlib:jdwp") && !flag.startsWith("-Xrunjdwp"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("run");
        command.addAll(arguments);
        command.add("--fork=" + fork);
        command.add("--out=" + out);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put(URL_VARIABLE, url);
        if (password != null) {
            builder.environment().put(ConnectionOptions.PASSWORD_VARIABLE, password);
        } else {
            builder.environment().remove(ConnectionOptions.PASSWORD_VARIABLE);
        }
        Process process = builder.start();
        current = process;
        process.getOutputStream().close();
        Watch watch = new Watch();
        Thread phases = pump("userbench-fork-phases", process.getInputStream(), watch, false);
        Thread errors = pump("userbench-fork-errors", process.getErrorStream(), watch, true);
        boolean hung = false;
        try {
            while (!process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (!hung && System.nanoTime() - watch.lastSign > silence.toNanos()) {
                    // stopped as Ctrl-C stops it, so it keeps what it finished; killed if even that does not end it
                    hung = true;
                    interrupt(process);
                    if (!process.waitFor(GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            }
            phases.join(2_000);
            errors.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ForkFailed("interrupted", ExitCode.INTERRUPTED.code(), watch.phase + " (" + name + ")", null);
        } finally {
            current = null;
        }
        RunResult result = read(out.resolve(ResultsJson.FILE));
        String phase = watch.phase + " (" + name + ")";
        if (hung) {
            ForkFailed silent = new ForkFailed("it gave no sign of life for " + silence.toSeconds() + " s and was "
                    + "stopped; check that the server still answers", ExitCode.RUN_FAILED.code(), phase, result);
            silent.stoppedByParent = true;
            throw silent;
        }
        int exit = process.exitValue();
        if (exit != 0 || result == null) {
            String message = watch.failure != null ? watch.failure : watch.error != null ? watch.error
                    : "it ended with exit code " + exit + (result == null ? " and wrote no results" : "");
            throw new ForkFailed(message, exit != 0 ? exit : ExitCode.RUN_FAILED.code(),
                    result != null && result.failure() != null ? result.failure().phase() + " (" + name + ")" : phase,
                    result);
        }
        return result;
    }

    private static RunResult read(Path json) {
        if (!Files.isRegularFile(json)) {
            return null;
        }
        try {
            return READER.readValue(json.toFile(), RunResult.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The last sign of life of a fork, its phase, and its own one-line error if it printed one. */
    private static final class Watch {
        volatile long lastSign = System.nanoTime();
        volatile String phase = "starting";
        volatile String error;
        volatile String failure;
    }

    /**
     * Reads one of the fork's streams. Standard output carries its phases; standard error its progress, passed on
     * as it comes (a fork's own {@code userbench: } error line is kept, to be told once, by the parent).
     */
    private Thread pump(String threadName, InputStream stream, Watch watch, boolean relay) {
        Thread thread = new Thread(() -> {
            StringBuilder line = new StringBuilder();
            try (InputStream in = stream) {
                byte[] buffer = new byte[4096];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    watch.lastSign = System.nanoTime();
                    String text = new String(buffer, 0, read, StandardCharsets.UTF_8);
                    for (char c : text.toCharArray()) {
                        if (c == '\n') {
                            take(line.toString(), watch, relay);
                            line.setLength(0);
                        } else {
                            line.append(c);
                            if (relay && c == '\r') {
                                err.print(line);
                                err.flush();
                                line.setLength(0);
                            }
                        }
                    }
                }
                if (line.length() > 0) {
                    take(line.toString(), watch, relay);
                }
            } catch (IOException e) {
                // the fork is gone; its exit code tells
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void take(String line, Watch watch, boolean relay) {
        if (!relay) {
            if (line.startsWith(PHASE_PREFIX)) {
                watch.phase = line.substring(PHASE_PREFIX.length());
            } else if (line.startsWith(FAILURE_PREFIX)) {
                watch.failure = line.substring(FAILURE_PREFIX.length());
            }
            return;
        }
        String own = "userbench: ";
        if (line.startsWith(own)) {
            watch.error = line.substring(own.length());
            return;
        }
        err.println(line);
        err.flush();
    }
}
