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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
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
            description = "Measured trials per layout, in a balanced order (default: ${DEFAULT-VALUE}).")
    int trials;

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionSpec connection = null;
        try {
            if ((tableFile == null) == (tableName == null)) {
                throw new UsageException("give the table with --table FILE.sql or --table-name NAME (one of them)");
            }
            if ((queriesFile == null) == !queriesFromEngine) {
                throw new UsageException("give the workload with --queries FILE or --queries-from-engine (one of them)");
            }
            if (rows < 1 || ops < 1 || trials < 2 || candidates < 1) {
                throw new UsageException("--users, --ops and --candidates must be at least 1 and --trials at least 2");
            }
            AdviceRun.Settings settings = new AdviceRun.Settings(rows, ops, candidates, trials, warmup, warmupMax,
                    threshold, seed, batchSize, KeyDistribution.parse(distribution), 0.99, keepTables);
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
            AdviceRun.Result result;
            AdviceRun.Cancellation cancellation = new AdviceRun.Cancellation();
            try (Interruption interruption = Interruption.onSignal(cancellation::cancel)) {
                try {
                    result = AdviceRun.prove(connection, table, queries, settings, new ConsoleProgress(err), cancellation);
                } catch (Exception | Error e) {
                    if (!interruption.happened()) {
                        throw e;
                    }
                    // nothing is measured until every candidate is: an interrupted proof has no partial results
                    err.println("userbench: interrupted during " + cancellation.phase() + "; "
                            + (keepTables ? "kept the candidates' tables (--keep-tables)"
                            : AdviceRun.TablesLeft.in(e) ? "the candidates' tables could not be dropped: ./userbench clean removes them"
                            : "dropped the candidates' tables") + "; no results written");
                    return ExitCode.INTERRUPTED.code();
                }
            }
            out.println();
            out.println("Measured on " + connection.maskedUrl() + " (" + trials + " trials per layout, one fork):");
            out.print(AdviceText.advice(result.advice()));
            Path folder = this.out != null ? this.out : Main.home().resolve("temp/results")
                    .resolve(RunCommand.OUT_FOLDER.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-advise");
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
        } catch (Exception | Error e) {
            Failure failure = Failure.ofSession(e, connection);
            boolean left = !(e instanceof AdviceRun.TablesLeft) && AdviceRun.TablesLeft.in(e);
            err.println("userbench: " + failure.message()
                    + (left ? "; the candidates' tables could not be dropped either: ./userbench clean removes them" : ""));
            if (verbose) {
                err.println(Failure.stackTrace(e, connection));
            }
            return failure.exitCode().code();
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
