package dev.userbench.cli;

import dev.userbench.bench.Calibration;
import dev.userbench.bench.InsertBenchmark;
import dev.userbench.bench.RunOptions;
import dev.userbench.bench.RunResult;
import dev.userbench.report.ResultTables;
import dev.userbench.report.ResultsJson;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.EmbeddedServer;
import dev.userbench.schema.Layouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code userbench calibrate}: what this machine can tell apart at a run's settings. Runs the study's benchmarks
 * with the monolith against itself (A/A) {@code --runs} times, where every verdict of a difference is false, and
 * the monolith against {@code monolith_covering} {@code --planted-runs} times, whose extra index is known to cost
 * on the batched insert; prints the false-positive rate, the typical interval and the minimum detectable effect.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs A/A comparisons (the monolith against itself) and a planted difference (an extra index on "
                + "batched insert) with the run's settings, and prints what this machine can tell apart: the verdicts' "
                + "false-positive rate, the typical interval, and the minimum detectable effect. Writes calibration.json.")
public final class CalibrateCommand implements Callable<Integer> {

    public static final String FILE = "calibration.json";

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions = new ConnectionOptions();

    @Option(names = "--allow-existing", description = "Adopt a namespace that already holds other tables (see run --help).")
    boolean allowExisting;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
            description = "A/A runs, the monolith against itself (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--planted-runs", paramLabel = "N", defaultValue = "3",
            description = "Runs of the monolith against monolith_covering, whose extra index costs on insert "
                    + "(default: ${DEFAULT-VALUE}).")
    int plantedRuns;

    @Option(names = "--users", paramLabel = "N", defaultValue = "10000", description = "As for run (default: ${DEFAULT-VALUE}).")
    long users;

    @Option(names = "--logins", paramLabel = "N", defaultValue = "1000", description = "As for run (default: ${DEFAULT-VALUE}).")
    int logins;

    @Mixin
    TrialOptions measuring = new TrialOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for calibration.json and each run's results. "
            + "Default: temp/results/<UTC time>/.")
    Path outDir;

    @Option(names = "--verbose", description = "Show the full error with its stack trace when something fails.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionSpec connection = null;
        EmbeddedServer server = null;
        AtomicReference<Forks<RunResult>> running = new AtomicReference<>();
        try {
            if (runs < 1 || plantedRuns < 0) {
                throw new UsageException("--runs must be at least 1 and --planted-runs at least 0");
            }
            String url = connectionOptions.url();
            if (EmbeddedServer.isEmbedded(url)) {
                out.println("Starting " + url + " ...");
                server = EmbeddedServer.start(url, new LinkedHashMap<>());
            }
            connection = connectionOptions.spec(server != null ? server.jdbcUrl() : url, allowExisting);
            measuring.check();
            RunOptions options = RunOptions.defaults(connection).with(b -> {
                b.users = users;
                b.logins = logins;
                b.trials = measuring.trials;
                b.forks = measuring.forks;
                b.warmupTrials = measuring.warmupTrials;
                b.warmupMaxTrials = measuring.warmupMaxTrials;
                b.threshold = measuring.threshold;
            });
            Path folder = RunCommand.resultsFolder(outDir);
            out.println("Calibrating on " + connection.maskedUrl() + ": " + runs + " A/A runs (monolith against itself) and "
                    + plantedRuns + " with a planted difference (monolith against monolith_covering), each "
                    + options.forks() + " forks of " + options.trials() + " trials, " + users + " users");
            List<RunResult> aa = new ArrayList<>();
            List<RunResult> planted = new ArrayList<>();
            try (Interruption interruption = Interruption.onSignal(() -> {
                Forks<RunResult> current = running.get();
                if (current != null) {
                    current.cancel();
                }
            })) {
                for (int i = 1; i <= runs + plantedRuns; i++) {
                    boolean isPlanted = i > runs;
                    String layouts = isPlanted ? Layouts.MONOLITH.name() + "," + Layouts.MONOLITH_COVERING.name()
                            : Layouts.MONOLITH.name() + "," + Layouts.MONOLITH.name();
                    String name = (isPlanted ? "planted run " + (i - runs) + " of " + plantedRuns : "A/A run " + i + " of " + runs);
                    Forks<RunResult> launcher = new Forks<>(Forks.Kind.runs(options.analysis()), arguments(layouts), connection.url(), connection.password(),
                            options.forks(), folder.resolve(isPlanted ? "planted-" + (i - runs) : "aa-" + i),
                            Duration.ofSeconds(measuring.forkTimeoutSeconds), err);
                    running.set(launcher);
                    RunResult result;
                    try {
                        result = launcher.run();
                    } catch (Forks.ForkFailed failed) {
                        boolean interrupted = interruption.happened() || failed.exitCode == ExitCode.INTERRUPTED.code();
                        err.println("userbench: " + (interrupted ? "interrupted during " : "") + name + ", "
                                + connection.redact(failed.phase + (interrupted ? "" : ": " + failed.getMessage())));
                        return interrupted ? ExitCode.INTERRUPTED.code() : failed.exitCode;
                    }
                    (isPlanted ? planted : aa).add(result);
                    long differences = result.comparisons().stream().filter(c -> c.decided()).count();
                    out.println(name + ": " + differences + " of " + result.comparisons().size()
                            + " verdicts faster or slower");
                }
            }
            Calibration calibration = Calibration.of(aa, planted, InsertBenchmark.OPERATION, InsertBenchmark.BATCHED);
            Files.createDirectories(folder);
            Path file = folder.resolve(FILE);
            ResultsJson.mapper().writeValue(file.toFile(), calibration);
            out.println();
            out.println(tables(calibration));
            out.println("Wrote " + file);
            return ExitCode.OK.code();
        } catch (Exception | Error e) {
            Failure failure = Failure.of(e, connection);
            err.println("userbench: " + failure.message());
            if (verbose) {
                err.println(Failure.stackTrace(e, connection));
            }
            return failure.exitCode().code();
        } finally {
            RunCommand.stop(server, err);
        }
    }

    /** A run's options for one calibration run: the same settings, these layouts. */
    private List<String> arguments(String layouts) {
        List<String> arguments = new ArrayList<>(List.of("--layouts=" + layouts, "--users=" + users, "--logins=" + logins));
        arguments.addAll(measuring.asArguments());
        if (connectionOptions.user != null) {
            arguments.add("--user=" + connectionOptions.user);
        }
        if (connectionOptions.schema != null) {
            arguments.add("--schema=" + connectionOptions.schema);
        }
        if (allowExisting) {
            arguments.add("--allow-existing");
        }
        return arguments;
    }

    /** The two tables calibrate prints. */
    static String tables(Calibration calibration) {
        Table aa = Table.create("A/A: the monolith against itself, " + calibration.aaRuns() + " runs",
                StringColumn.create("operation"), StringColumn.create("variant"), StringColumn.create("statistic"),
                IntColumn.create("verdicts"), IntColumn.create("false_positives"), DoubleColumn.create("false_positive_rate"),
                StringColumn.create("typical_interval"), StringColumn.create("minimum_detectable_effect"));
        for (Calibration.AaRow row : calibration.aa()) {
            aa.stringColumn("operation").append(row.operation());
            aa.stringColumn("variant").append(row.variant());
            aa.stringColumn("statistic").append(row.statistic());
            aa.intColumn("verdicts").append(row.comparisons());
            aa.intColumn("false_positives").append(row.falsePositives());
            aa.doubleColumn("false_positive_rate").append(row.falsePositiveRate());
            aa.stringColumn("typical_interval").append(String.format(Locale.ROOT, "±%.1f %%", 100 * row.medianIntervalWidth()));
            aa.stringColumn("minimum_detectable_effect").append(String.format(Locale.ROOT, "%.2f×",
                    row.minimumDetectableEffect()));
        }
        StringBuilder text = new StringBuilder(ResultTables.console(aa));
        if (!calibration.planted().isEmpty()) {
            Table planted = Table.create("Planted difference, " + calibration.plantedRuns() + " runs",
                    StringColumn.create("operation"), StringColumn.create("variant"), StringColumn.create("statistic"),
                    StringColumn.create("candidate"), StringColumn.create("found_slower"), StringColumn.create("median_ratio"),
                    StringColumn.create("median_interval"));
            for (Calibration.PlantedRow row : calibration.planted()) {
                planted.stringColumn("operation").append(row.operation());
                planted.stringColumn("variant").append(row.variant());
                planted.stringColumn("statistic").append(row.statistic());
                planted.stringColumn("candidate").append(row.candidate());
                planted.stringColumn("found_slower").append(row.detected() + " of " + row.comparisons());
                planted.stringColumn("median_ratio").append(String.format(Locale.ROOT, "%.2f×", row.medianRatio()));
                planted.stringColumn("median_interval").append(String.format(Locale.ROOT, "%.2f–%.2f",
                        row.medianCiLow(), row.medianCiHigh()));
            }
            text.append('\n').append(ResultTables.console(planted));
        }
        return text.toString();
    }
}
