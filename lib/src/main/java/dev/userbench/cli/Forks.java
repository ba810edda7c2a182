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
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code run --forks N} and {@code advise --forks N}: a command's trials in N fresh JVMs, one after the other, as JMH
 * forks do, merged into one result whose intervals resample the forks too. The parent starts no measurement itself;
 * it launches each fork with the same options, gives it the connection through its environment (never its command
 * line, which every user of the machine can read), relays its progress, and watches it: a fork that fails ends the
 * command with its phase and what its {@link Kind} keeps of the forks finished so far; a fork that shows no sign of
 * life for {@code silence} is stopped. What a fork runs, what it writes and how the finished forks' results become
 * one is the {@link Kind}'s: one mechanism for every command that forks.
 *
 * @param <R> what a fork writes to its results.json
 */
final class Forks<R> {

    /**
     * What the forks of one command run and produce.
     *
     * @param command the subcommand a fork runs ({@code run}, {@code advise})
     * @param type    what a fork's results.json holds
     * @param failure where and why a fork's own results say it failed (null when they do not)
     * @param merge   the results of the forks (in fork order, from 1) as one; the failure is null when every fork
     *                finished, else the phase and reason of the one that did not (a kind may then keep nothing: null)
     */
    record Kind<R>(String command, Class<R> type, Function<R, RunResult.Failure> failure,
                   BiFunction<List<R>, RunResult.Failure, R> merge) {

        /** {@code run}'s forks: every fork's trials analysed together, the finished forks' results kept on a failure. */
        static Kind<RunResult> runs(Analysis.Settings analysis) {
            return new Kind<>("run", RunResult.class, RunResult::failure,
                    (forks, failure) -> RunResult.merge(forks, analysis, failure));
        }
    }

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
        /** What the kind kept of the forks finished so far (and of the failed one), or null; an {@code R}. */
        private final Object partial;
        /** The reason the fork's own results give, or null. */
        private final String ownReason;

        ForkFailed(String message, int exitCode, String phase, Object partial, String ownReason) {
            super(message);
            this.exitCode = exitCode;
            this.phase = phase;
            this.partial = partial;
            this.ownReason = ownReason;
        }

        /** What was kept of the forks finished so far, as the forks' kind produces it; null if nothing. */
        <R> R partial(Class<R> type) {
            return type.cast(partial);
        }

        /**
         * The reason results.json keeps: the fork's own, as a run in one JVM would have kept it, unless the parent
         * stopped the fork (then the parent's message says why).
         */
        String reason() {
            return !stoppedByParent && ownReason != null ? ownReason : getMessage();
        }

        boolean stoppedByParent;
    }

    /** How long a silent fork gets to stop on SIGINT and write its partial results before it is killed. */
    private static final long GRACE_SECONDS = 20;

    private final Kind<R> kind;
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
     * @param kind      what the forks run and how their results become one
     * @param arguments the fork's options of {@code kind.command()}, without the connection's URL and password
     * @param url       the URL the forks connect to (an embedded server's, when the parent started one)
     * @param password  the password, or null
     */
    Forks(Kind<R> kind, List<String> arguments, String url, String password, int forks, Path folder, Duration silence,
          PrintWriter err) {
        this.kind = kind;
        this.arguments = List.copyOf(arguments);
        this.url = url;
        this.password = password;
        this.forks = forks;
        this.folder = folder;
        this.silence = silence;
        this.err = err;
    }

    /** Runs every fork in turn and merges their results; the first fork that fails ends the command. */
    R run() throws ForkFailed, IOException {
        List<R> finished = new ArrayList<>();
        for (int fork = 1; fork <= forks; fork++) {
            Path out = folder.resolve("forks").resolve("fork-" + fork);
            try {
                finished.add(runFork(fork, out));
            } catch (ForkFailed failed) {
                List<R> partial = new ArrayList<>(finished);
                R own = failed.partial(kind.type());
                if (own != null) {
                    partial.add(own);
                }
                R merged = partial.isEmpty() ? null : kind.merge().apply(partial,
                        new RunResult.Failure(failed.phase, failed.reason()));
                throw new ForkFailed(failed.getMessage(), failed.exitCode, failed.phase, merged, failed.ownReason);
            }
        }
        return kind.merge().apply(finished, null);
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

    private R runFork(int fork, Path out) throws ForkFailed, IOException {
        String name = "fork " + fork + " of " + forks;
        if (cancelled) {
            throw new ForkFailed("interrupted (Ctrl-C)", ExitCode.INTERRUPTED.code(), name, null, null);
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
        command.add(kind.command());
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
            throw new ForkFailed("interrupted", ExitCode.INTERRUPTED.code(), watch.phase + " (" + name + ")", null, null);
        } finally {
            current = null;
        }
        R result = read(out.resolve(ResultsJson.FILE));
        RunResult.Failure own = result == null ? null : kind.failure().apply(result);
        String phase = watch.phase + " (" + name + ")";
        if (hung) {
            ForkFailed silent = new ForkFailed("it gave no sign of life for " + silence.toSeconds() + " s and was "
                    + "stopped; check that the server still answers", ExitCode.RUN_FAILED.code(), phase, result,
                    own == null ? null : own.reason());
            silent.stoppedByParent = true;
            throw silent;
        }
        int exit = process.exitValue();
        if (exit != 0 || result == null) {
            String message = watch.failure != null ? watch.failure : watch.error != null ? watch.error
                    : "it ended with exit code " + exit + (result == null ? " and wrote no results" : "");
            throw new ForkFailed(message, exit != 0 ? exit : ExitCode.RUN_FAILED.code(),
                    own != null ? own.phase() + " (" + name + ")" : phase, result, own == null ? null : own.reason());
        }
        return result;
    }

    private R read(Path json) {
        if (!Files.isRegularFile(json)) {
            return null;
        }
        try {
            return READER.readValue(json.toFile(), kind.type());
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

    /** In a fork: prints its phase to the parent behind {@link #PHASE_PREFIX} whenever it changes, until interrupted. */
    static Thread reportPhases(java.util.function.Supplier<String> phase, PrintWriter phases) {
        Thread thread = new Thread(() -> {
            String last = null;
            while (!Thread.currentThread().isInterrupted()) {
                String now = phase.get();
                if (!now.equals(last)) {
                    phases.println(PHASE_PREFIX + now);
                    phases.flush();
                    last = now;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "userbench-phases");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Stops a {@link #reportPhases} thread and waits for its last line. */
    static void stopReporting(Thread reporter) {
        reporter.interrupt();
        try {
            reporter.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The options the user gave a command, as a fork of it takes them ({@code --name=value}, flags bare), without
     * those only the parent acts on (the connection, the output folder, the forks, the inputs it read).
     */
    static List<String> forwardedOptions(picocli.CommandLine.Model.CommandSpec spec, java.util.Set<String> parentOnly) {
        List<String> arguments = new ArrayList<>();
        for (picocli.CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (parentOnly.contains(name)) {
                continue;
            }
            if (option.arity().max() == 0) {
                arguments.add(name);
            } else {
                option.originalStringValues().forEach(value -> arguments.add(name + "=" + value));
            }
        }
        return arguments;
    }
}
