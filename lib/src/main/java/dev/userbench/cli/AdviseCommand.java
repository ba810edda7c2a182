package dev.userbench.cli;

import dev.userbench.advisor.AdviceReport;
import dev.userbench.advisor.AdviceRun;
import dev.userbench.advisor.AdviceText;
import dev.userbench.advisor.Advisor;
import dev.userbench.advisor.QueryFile;
import dev.userbench.advisor.WorkloadQuery;
import dev.userbench.bench.workload.KeyDistribution;
import dev.userbench.advisor.StatementStatistics;
import dev.userbench.definition.CatalogReader;
import dev.userbench.definition.DdlParser;
import dev.userbench.definition.TableDefinition;
import dev.userbench.report.ResultsJson;
import dev.userbench.schema.ConnectionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code userbench advise}: proposes vertical splits of the user's table for the user's queries, then measures them. */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reads a CREATE TABLE and a weighted list of queries, proposes the best vertical splits of the table by "
                + "a cost model (bytes touched per call), then seeds each candidate and the single table, runs the queries "
                + "rewritten for each through the harness and ranks them by measured verdicts: 'keep one table' when no "
                + "split is measured faster. Writes results.json with an 'advice' section.")
public final class AdviseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions = new ConnectionOptions();

    @Option(names = "--table", paramLabel = "FILE.sql",
            description = "A file holding one CREATE TABLE (SQLite, MySQL/MariaDB or PostgreSQL dialect) with a primary key.")
    Path tableFile;

    @Option(names = "--table-name", paramLabel = "NAME",
            description = "Instead of --table: read the table from the catalog of the database the URL names (its columns, "
                    + "keys, and widths from pg_stats or a sample of its rows). The table itself is only read.")
    String tableName;

    @Option(names = "--queries", paramLabel = "FILE",
            description = "The workload: SQL statements on that table with ? parameters, each ending with ';' and preceded "
                    + "by a line '-- weight: N' (optionally '-- name: NAME').")
    Path queriesFile;

    @Option(names = "--queries-from-engine",
            description = "Instead of --queries: the statements on the table from the engine's statistics of the database "
                    + "the URL names (PostgreSQL pg_stat_statements, MySQL/MariaDB performance_schema), weighted by calls.")
    boolean queriesFromEngine;

    @Option(names = "--users", paramLabel = "N", defaultValue = "10000",
            description = "Rows to seed in each candidate layout (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "2000",
            description = "Calls per trial, the same on every layout (default: ${DEFAULT-VALUE}).")
    long ops;

    @Option(names = "--candidates", paramLabel = "K", defaultValue = "3",
            description = "Layouts to propose and measure at most, besides the single table (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--propose-only", description = "Print the proposals and the model's costs; measure nothing.")
    boolean proposeOnly;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "6",
            description = "Measured trials per layout in each fork, in a balanced order (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "1",
            description = "Fresh JVMs to run the proof in, one after the other, as run --forks does: each seeds and "
                    + "measures every candidate, their trials are merged and the intervals resample the forks too, so "
                    + "one JVM's JIT decisions cannot pass for a difference between layouts; 1 measures in this JVM "
                    + "(default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--fork-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "With --forks above 1: stop a fork that shows no sign of life (no progress, no new phase) for "
                    + "this long and end the advise naming its phase (default: ${DEFAULT-VALUE}).")
    long forkTimeoutSeconds;

    /** Set by the parent on the command line of each fork it launches: which fork this process is. */
    @Option(names = "--fork", hidden = true, paramLabel = "N", defaultValue = "0")
    int fork;

    /** Set by the parent for its forks: the table and queries it read, so that every fork proves the same ones. */
    @Option(names = "--fork-input", hidden = true, paramLabel = "FILE")
    Path forkInput;

    @Option(names = "--warmup", paramLabel = "TRIALS", defaultValue = "2",
            description = "Discarded warm-up trials at least; 0 turns warm-up off (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-max", paramLabel = "TRIALS", defaultValue = "5",
            description = "Discarded warm-up trials at most (default: ${DEFAULT-VALUE}).")
    int warmupMax;

    @Option(names = "--threshold", paramLabel = "FRACTION", defaultValue = "0.05",
            description = "Differences within 1 ± this are negligible (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the rows and of the calls: the same seed, the same data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--distribution", paramLabel = "NAME", defaultValue = "zipfian",
            description = "How calls pick existing rows: uniform or zipfian (default: ${DEFAULT-VALUE}).")
    String distribution;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Rows per JDBC batch when seeding (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--keep-tables", description = "Keep the candidates' tables after the run, to look at them with SQL; ./userbench clean removes them.")
    boolean keepTables;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for results.json (default: temp/results/<UTC time>-advise).")
    Path out;

    @Option(names = "--verbose", description = "Show the full error with its stack trace when something fails.")
    boolean verbose;

    /** What a parent gives its forks: the table and the workload it read (a file, a catalog, statement statistics). */
    record ForkInput(TableDefinition table, List<WorkloadQuery> queries) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (fork > 0) {
            return asFork(out, err);
        }
        ConnectionSpec connection = null;
        try {
            if ((tableFile == null) == (tableName == null)) {
                throw new UsageException("give the table with --table FILE.sql or --table-name NAME (one of them)");
            }
            if ((queriesFile == null) == !queriesFromEngine) {
                throw new UsageException("give the workload with --queries FILE or --queries-from-engine (one of them)");
            }
            AdviceRun.Settings settings = settings(keepTables);
            connection = connectionOptions.spec(false);
            // files are read before anything connects: a wrong path must not create a database file
            TableDefinition table = tableFile == null ? null : DdlParser.parse(read(tableFile, "--table"));
            List<WorkloadQuery> queries = queriesFile == null ? null : QueryFile.parse(read(queriesFile, "--queries"));
            if (table == null || queries == null) {
                try (Connection user = connection.openOutsideNamespace()) {
                    if (table == null) {
                        table = CatalogReader.read(user, connection.dialect().engine(), tableName);
                    }
                    if (queries == null) {
                        StatementStatistics.Imported imported =
                                StatementStatistics.read(user, connection.dialect().engine(), table);
                        out.println("Imported " + imported.queries().size() + " statements on " + table.name() + " from "
                                + imported.source() + " (" + imported.skipped() + " skipped: not readable by the advisor).");
                        queries = imported.queries();
                    }
                }
            }
            var engine = connection.dialect().engine();
            var analyzed = AdviceRun.analyze(table, queries);
            out.println("Table " + table.name() + ": " + table.columns().size() + " columns, key "
                    + String.join(", ", table.primaryKey()) + "; " + queries.size() + " queries.");
            out.print(AdviceText.usage(table, analyzed));
            List<Advisor.Candidate> proposals = AdviceRun.propose(table, queries, engine, settings);
            out.println();
            out.println("Proposed (the model's cost on " + engine.label() + " at " + rows + " rows):");
            out.print(AdviceText.candidates(proposals));
            out.flush();
            if (proposeOnly) {
                return ExitCode.OK.code();
            }
            Path folder = this.out != null ? this.out : Main.home().resolve("temp/results")
                    .resolve(RunCommand.OUT_FOLDER.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-advise");
            RunCommand.checkWritable(folder);
            AdviceRun.Result result = forks > 1 ? forked(connection, table, queries, proposals, settings, folder, err)
                    : inProcess(connection, table, queries, settings, err);
            out.println();
            out.println("Measured on " + connection.maskedUrl() + " (" + (forks > 1 ? trials * forks
                    + " trials per layout, " + forks + " forks" : trials + " trials per layout, one fork") + "):");
            out.print(AdviceText.advice(result.advice()));
            Files.createDirectories(folder);
            Path file = folder.resolve(ResultsJson.FILE);
            Files.writeString(file, ResultsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            Path report = AdviceReport.write(result, threshold, folder);
            out.println("Wrote " + file + " and " + report);
            if (keepTables) {
                out.println("Kept the candidates' tables (" + result.advice().candidates().stream()
                        .flatMap(c -> c.tables().stream()).collect(java.util.stream.Collectors.joining(", "))
                        + ") in " + connection.namespace().describe(connection.dialect()) + "; ./userbench clean "
                        + "with the same connection removes them.");
            }
            out.flush();
            return ExitCode.OK.code();
        } catch (Ended ended) {
            return ended.exitCode;
        } catch (Exception | Error e) {
            return failed(e, connection, err, null);
        }
    }

    /** The proof's settings from the options, checked; {@code keep} whether this process keeps the tables. */
    private AdviceRun.Settings settings(boolean keep) {
        if (rows < 1 || ops < 1 || trials < 2 || candidates < 1) {
            throw new UsageException("--users, --ops and --candidates must be at least 1 and --trials at least 2");
        }
        if (forks < 1) {
            throw new UsageException("--forks must be at least 1 (1 measures in this JVM), got " + forks);
        }
        if (forkTimeoutSeconds < 1) {
            throw new UsageException("--fork-timeout must be at least 1 second, got " + forkTimeoutSeconds);
        }
        return new AdviceRun.Settings(rows, ops, candidates, trials, warmup, warmupMax, threshold, seed, batchSize,
                KeyDistribution.parse(distribution), 0.99, keep);
    }

    /**
     * Tells a failure in one sentence (and, in a fork, to the parent behind {@link Forks#FAILURE_PREFIX}) and returns
     * its exit code.
     */
    private int failed(Throwable e, ConnectionSpec connection, PrintWriter err, PrintWriter parent) {
        Failure failure = Failure.ofSession(e, connection);
        boolean left = !(e instanceof AdviceRun.TablesLeft) && AdviceRun.TablesLeft.in(e);
        String message = failure.message()
                + (left ? "; the candidates' tables could not be dropped either: ./userbench clean removes them" : "");
        if (parent != null) {
            parent.println(Forks.FAILURE_PREFIX + message);
            parent.flush();
        }
        err.println("userbench: " + message);
        if (verbose) {
            err.println(Failure.stackTrace(e, connection));
        }
        return failure.exitCode().code();
    }

    /** What became of the candidates' tables when a proof was interrupted. */
    private String tablesAfter(Throwable e) {
        return keepTables ? "kept the candidates' tables (--keep-tables)"
                : AdviceRun.TablesLeft.in(e) ? "the candidates' tables could not be dropped: ./userbench clean removes them"
                : "dropped the candidates' tables";
    }

    /** The proof in this JVM; Ctrl-C stops it, drops the candidates' tables and writes nothing. */
    private AdviceRun.Result inProcess(ConnectionSpec connection, TableDefinition table, List<WorkloadQuery> queries,
                                       AdviceRun.Settings settings, PrintWriter err) throws java.sql.SQLException {
        AdviceRun.Cancellation cancellation = new AdviceRun.Cancellation();
        try (Interruption interruption = Interruption.onSignal(cancellation::cancel)) {
            try {
                return AdviceRun.prove(connection, table, queries, settings, new ConsoleProgress(err), cancellation);
            } catch (Exception | Error e) {
                if (!interruption.happened()) {
                    throw e;
                }
                // nothing is measured until every candidate is: an interrupted proof has no partial results
                err.println("userbench: interrupted during " + cancellation.phase() + "; " + tablesAfter(e)
                        + "; no results written");
                throw new Ended(ExitCode.INTERRUPTED.code());
            }
        }
    }

    /**
     * The proof in {@code forks} fresh JVMs, one after the other, merged: each fork proposes the same candidates
     * from the table and queries this process read, seeds and measures them and drops its tables; this process
     * analyses every fork's trials together. A fork that fails ends the advise with its phase; nothing is written.
     */
    private AdviceRun.Result forked(ConnectionSpec connection, TableDefinition table, List<WorkloadQuery> queries,
                                    List<Advisor.Candidate> proposals, AdviceRun.Settings settings, Path folder,
                                    PrintWriter err) throws IOException, java.sql.SQLException {
        // what the user can get wrong about the connection is told once, here, as an advise in one JVM tells it
        connection.open().close();
        Path input = folder.resolve("forks").resolve("input.json");
        Files.createDirectories(input.getParent());
        ResultsJson.mapper().writeValue(input.toFile(), new ForkInput(table, queries));
        Forks.Kind<AdviceRun.Result> kind = new Forks.Kind<>("advise", AdviceRun.Result.class, result -> null,
                // a proof that did not finish in every fork is not advice: nothing is kept
                (results, failure) -> failure != null ? null : AdviceRun.merge(table, settings, proposals, results));
        Forks<AdviceRun.Result> launcher = new Forks<>(kind, forkArguments(input), connection.url(),
                connection.password(), forks, folder, Duration.ofSeconds(forkTimeoutSeconds), err);
        try (Interruption interruption = Interruption.onSignal(launcher::cancel)) {
            try {
                return launcher.run();
            } catch (Forks.ForkFailed failed) {
                if (interruption.happened() || failed.exitCode == ExitCode.INTERRUPTED.code()) {
                    String told = failed.getMessage();
                    // the fork says what became of its tables; one stopped before it began, or between forks, has none
                    String tables = told.startsWith("interrupted") ? tablesAfter(failed)
                            : told.contains("tables") ? told
                            : told + "; its candidates' tables may be left: ./userbench clean removes them";
                    err.println("userbench: " + connection.redact("interrupted during " + failed.phase + "; " + tables)
                            + "; no results written");
                    throw new Ended(ExitCode.INTERRUPTED.code());
                }
                err.println("userbench: " + connection.redact("during " + failed.phase + ": " + failed.getMessage())
                        + "; no results written");
                throw new Ended(failed.exitCode);
            }
        }
    }

    /** This command's options as the user gave them, for a fork: without the connection, the inputs and the forks. */
    private List<String> forkArguments(Path input) {
        Set<String> parentOnly = Set.of("--jdbc-url", "--password", "--out", "--forks", "--fork", "--fork-timeout",
                "--fork-input", "--table", "--table-name", "--queries", "--queries-from-engine", "--propose-only");
        List<String> arguments = Forks.forwardedOptions(spec, parentOnly);
        arguments.add("--forks=" + forks);
        arguments.add("--fork-input=" + input);
        return arguments;
    }

    /**
     * One fork of a forked advise: the parent's table and queries, proposed and proved in this JVM; its results (the
     * trials) to {@code --out}; its phases, and its failure in one sentence, to the parent on standard output.
     */
    private int asFork(PrintWriter phases, PrintWriter err) {
        String url = System.getenv(Forks.URL_VARIABLE);
        if (url == null || url.isEmpty() || forkInput == null || out == null) {
            err.println("userbench: --fork is for the forks advise launches itself: leave it out");
            return ExitCode.USAGE.code();
        }
        ConnectionSpec connection = null;
        try {
            // the tables stay after the last fork only, when the user asked to keep them
            AdviceRun.Settings settings = settings(keepTables && fork == forks);
            connection = connectionOptions.spec(url, false);
            ForkInput input = ResultsJson.mapper().readValue(forkInput.toFile(), ForkInput.class);
            AdviceRun.Cancellation cancellation = new AdviceRun.Cancellation();
            Thread reporter = Forks.reportPhases(cancellation::phase, phases);
            try (Interruption interruption = Interruption.onSignal(cancellation::cancel)) {
                AdviceRun.Result result;
                try {
                    result = AdviceRun.prove(connection, input.table(), input.queries(), settings,
                            new ConsoleProgress(err), cancellation);
                } catch (Exception | Error e) {
                    // the phase it failed in, told before the failure: the reporter may not have told it yet
                    Forks.stopReporting(reporter);
                    phases.println(Forks.PHASE_PREFIX + cancellation.phase());
                    phases.flush();
                    if (!interruption.happened()) {
                        throw e;
                    }
                    String tables = keepTables && fork == forks ? "kept the candidates' tables (--keep-tables)"
                            : AdviceRun.TablesLeft.in(e)
                            ? "the candidates' tables could not be dropped: ./userbench clean removes them"
                            : "dropped the candidates' tables";
                    phases.println(Forks.FAILURE_PREFIX + tables);
                    phases.flush();
                    err.println("userbench: interrupted during " + cancellation.phase() + "; " + tables
                            + "; no results written");
                    return ExitCode.INTERRUPTED.code();
                } finally {
                    Forks.stopReporting(reporter);
                }
                Files.createDirectories(out);
                Files.writeString(out.resolve(ResultsJson.FILE),
                        ResultsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
                return ExitCode.OK.code();
            }
        } catch (Exception | Error e) {
            return failed(e, connection, err, phases);
        }
    }

    private static String read(Path file, String option) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(option + " names " + file + ", which does not exist");
        }
    }
}
