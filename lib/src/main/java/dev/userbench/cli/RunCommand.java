package dev.userbench.cli;

import dev.userbench.bench.BenchmarkRun;
import dev.userbench.bench.Harness;
import dev.userbench.bench.RunFailedException;
import dev.userbench.bench.RunOptions;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.workload.KeyDistribution;
import dev.userbench.bench.workload.Mix;
import dev.userbench.bench.workload.WorkloadPlan;
import dev.userbench.bench.workload.WorkloadSettings;
import dev.userbench.report.HistogramExport;
import dev.userbench.report.ResultTables;
import dev.userbench.report.ResultsCsv;
import dev.userbench.report.ResultsJson;
import dev.userbench.report.RunReport;
import dev.userbench.report.VerdictRule;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.EmbeddedServer;
import dev.userbench.cluster.Cluster;
import dev.userbench.cluster.ClusterResults;
import dev.userbench.cluster.ClusterState;
import dev.userbench.cluster.ClusterUrl;
import dev.userbench.cluster.ShardEndpoint;
import dev.userbench.schema.Layout;
import dev.userbench.schema.Layouts;
import dev.userbench.schema.Namespace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code userbench run}: the study's benchmark, headless. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates the layouts, inserts the users (the study's way, then batched), checks that every "
                + "layout holds the same users, logs in with the same sample on each, and writes results.json "
                + "and results.csv.")
public final class RunCommand implements Callable<Integer> {

    static final DateTimeFormatter OUT_FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions = new ConnectionOptions();

    @Option(names = "--allow-existing",
            description = "Adopt a database or schema (or SQLite file) that already holds other tables: the tool then "
                    + "marks it and creates and drops its own tables there, never the others. Without it, such a "
                    + "namespace is refused.")
    boolean allowExisting;

    @Option(names = "--users", paramLabel = "N[,N...]", defaultValue = "10000", split = ",",
            description = "How many fake users to insert into each layout; several sizes (e.g. 10000,100000) run "
                    + "everything once per size, in one results file (default: ${DEFAULT-VALUE}).")
    List<Long> users;

    @Option(names = "--logins", paramLabel = "N", defaultValue = "1000",
            description = "How many logins to time on each layout, with the same sampled users everywhere; more "
                    + "logins than users reuse users (default: ${DEFAULT-VALUE}).")
    int logins;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the fake users and the login sample: the same seed, the same data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--layouts", paramLabel = "A,B", defaultValue = "monolith,fragmented",
            description = "Layouts to compare, the first as baseline: monolith, fragmented, monolith_covering, "
                    + "fragmented_hot_touch; on a cluster monolith@uid, monolith@uid+email_lookup, fragmented@uid, "
                    + "fragmented@email (default: ${DEFAULT-VALUE}; on a cluster all four sharded ones).")
    String layouts;

    @Option(names = "--access", paramLabel = "A,B", defaultValue = "jdbc", split = ",",
            description = "How the workloads reach the tables: jdbc (the tool's own SQL, the default) or jdbc,hibernate "
                    + "(also through Hibernate ORM, every mapping of each layout, each compared with plain JDBC on its "
                    + "layout). The study's inserts and logins run on jdbc only.")
    List<String> access;

    @Option(names = "--workloads", paramLabel = "A,B", defaultValue = WorkloadPlan.STUDY,
            description = "What to run: study (the study's insert and login benchmarks), signup, login, login_touch, "
                    + "profile_view, profile_edit, mixed, or all (the study and every workload) (default: ${DEFAULT-VALUE}).")
    String workloads;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Client threads of each workload, each with its own connection (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "2000",
            description = "Operations per thread in each workload trial, the same on every layout (default: ${DEFAULT-VALUE}).")
    long ops;

    @Option(names = "--distribution", paramLabel = "NAME", defaultValue = "zipfian",
            description = "How workloads pick existing users: uniform, or zipfian (YCSB's scrambled zipfian) "
                    + "(default: ${DEFAULT-VALUE}).")
    String distribution;

    @Option(names = "--zipf-constant", paramLabel = "THETA", defaultValue = "0.99",
            description = "Skew of the zipfian distribution, above 0 and below 1 (default: ${DEFAULT-VALUE}, YCSB's).")
    double zipfConstant;

    @Option(names = "--mix", paramLabel = "NAME=W,...",
            defaultValue = "login=70,profile_view=15,login_touch=10,profile_edit=4,signup=1",
            description = "Weights of the mixed workload's operations (default: ${DEFAULT-VALUE}).")
    String mix;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Rows per JDBC batch in batched inserts (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = {"--bio-chars", "--bio-bytes"}, paramLabel = "N", defaultValue = "200",
            description = "Longest bio in characters (ASCII: bytes); the study's fake.text() gave at most 200. Wide rows "
                    + "are where the split matters; very wide values go off-page on every engine (default: ${DEFAULT-VALUE}).")
    int bioChars;

    @Mixin
    TrialOptions measuring = new TrialOptions();

    /** Set by the parent on the command line of each fork it launches: which fork this process is. */
    @Option(names = "--fork", hidden = true, paramLabel = "N", defaultValue = "0")
    int fork;

    @Option(names = "--cold", description = "Start every login trial from a fresh connection and page cache where the "
            + "engine allows it (SQLite); on a server the results say warm only.")
    boolean cold;

    @Option(names = "--cache-sweep", paramLabel = "F,F", split = ",",
            description = "Measure login again with the engine's cache set to these fractions of the baseline layout's "
                    + "storage, e.g. 0.25,1 (SQLite cache_size; MariaDB innodb_buffer_pool_size, restored afterwards; "
                    + "PostgreSQL's shared_buffers needs a restart, so it is reported as fixed).")
    List<Double> cacheSweep = new ArrayList<>();

    @Option(names = "--engine-setting", paramLabel = "KEY=VALUE",
            description = "A server setting for an embedded:postgres or embedded:mariadb server the tool starts, by the "
                    + "engine's own name, e.g. shared_buffers=256MB or innodb_buffer_pool_size=256M (repeatable).")
    Map<String, String> engineSettings = new LinkedHashMap<>();

    @Option(names = "--shards", paramLabel = "N[,N...]", split = ",",
            description = "With --jdbc-url cluster:postgres: run everything once per shard count, e.g. 1,2,4, each on a "
                    + "fresh local cluster, results in a folder per count and the sweep in shards-sweep.csv beside them "
                    + "(default: the URL's shards=N).")
    List<Integer> shardCounts = new ArrayList<>();

    @Option(names = "--shard-url", paramLabel = "URL",
            description = "With --jdbc-url cluster:postgres: an existing server to use as a shard instead of a local one "
                    + "(repeatable, one per shard; --user and the password apply unless the URL names its own).")
    List<String> shardUrls = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for results.json and results.csv. Default: temp/results/<UTC time>/.")
    Path outDir;

    @Option(names = "--verbose", description = "Show the full error with its stack trace when something fails.")
    boolean verbose;

    /** A shard sweep's summary, in the sweep's results folder beside {@code shards-N/}. */
    static final String SHARD_SWEEP_FILE = "shards-sweep.csv";

    /** What a cluster runs unless --workloads says otherwise: the benchmark. */
    static final String CLUSTER_WORKLOADS = "login,profile_view,mixed";

    /** Set when a cluster run chose the layouts and workloads: its forks are told them, not their own defaults. */
    private boolean clusterDefaults;

    /** The cluster the run goes through, if any: a failed run names the shard that went away, not the head. */
    private Cluster runCluster;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionSpec connection = null;
        EmbeddedServer server = null;
        boolean isFork = fork > 0;
        try {
            String url = isFork ? forkUrl() : connectionOptions.url();
            if (!isFork && ClusterUrl.isCluster(url)) {
                return clusterRuns(ClusterUrl.parse(url), out, err);
            }
            // a cluster left up by `userbench cluster up`, when this is its head: its shards count what each operation touched
            Cluster attached = isFork ? null : ClusterState.read(Main.home().resolve("temp"))
                    .filter(state -> state.headUrl().equals(url) && state.running()).map(ClusterState::attached).orElse(null);
            if (!isFork && attached == null && Layouts.parse(layouts).stream().anyMatch(Layout::sharded)) {
                throw new UsageException("sharded layouts (" + layouts + ") run through a cluster's head: use --jdbc-url "
                        + "cluster:postgres?shards=2, or the head URL that userbench cluster up printed");
            }
            runCluster = attached;
            if (!isFork && EmbeddedServer.isEmbedded(url)) {
                out.println("Starting " + url + " ...");
                server = EmbeddedServer.start(url, engineSettings);
            }
            connection = connectionOptions.spec(server != null ? server.jdbcUrl() : url, allowExisting);
            WorkloadPlan plan = WorkloadPlan.parse(workloads, users, new WorkloadSettings(threads, ops,
                    KeyDistribution.parse(distribution), zipfConstant, Mix.parse(mix), seed));
            RunOptions options = new RunOptions(connection, Layouts.parse(layouts), users.get(0), logins, seed, batchSize,
                    bioChars, measuring.trials, measuring.warmupTrials, measuring.warmupMaxTrials, measuring.threshold,
                    cold, cacheSweep, measuring.forks,
                    isFork ? fork : 1, access.stream().map(String::trim).map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList());
            measuring.check();
            Path folder = resultsFolder(outDir);
            if (!isFork) {
                out.println("Measuring " + options.layouts().stream().map(l -> l.name()).toList() + " with "
                        + plan.userCounts() + " users and " + options.logins() + " logins on " + connection.maskedUrl()
                        + (connection.dialect().namespaceKind().equals("file") ? ""
                        : " in " + connection.namespace().describe(connection.dialect()))
                        + (options.forks() > 1 ? ", " + options.forks() + " forks of " + options.trials() + " trials each" : ""));
            }
            RunResult result = options.forks() > 1 && !isFork
                    ? forked(connection, options, folder, err)
                    : inProcess(connection, options, plan, server, folder, err, isFork ? out : null);
            if (isFork) {
                ResultsJson.write(result, folder);
                return ExitCode.OK.code();
            }
            if (attached != null) {
                result = ClusterResults.of(result, attached, options, plan);
            }
            show(result, out);
            if (attached != null) {
                out.println(ResultTables.console(dev.userbench.cluster.ClusterTables.shardsTouched(result)));
            }
            Path json = ResultsJson.write(result, folder);
            Path csv = ResultsCsv.write(result, folder);
            HistogramExport.write(result, folder);
            Path report = RunReport.write(result, folder);
            out.println("Wrote " + json + ", " + csv.getFileName() + ", " + report.getFileName() + " and "
                    + HistogramExport.FOLDER + "/");
            return result.dataCheck().equal() && result.workloadChecksHold() ? ExitCode.OK.code() : ExitCode.RUN_FAILED.code();
        } catch (Ended ended) {
            return ended.exitCode;
        } catch (Exception | Error e) {
            Failure failure = Failure.of(e, connection);
            err.println("userbench: " + failure.message());
            if (verbose) {
                err.println(Failure.stackTrace(e, connection));
            }
            return failure.exitCode().code();
        } finally {
            stop(server, err);
        }
    }

    /**
     * The run on a cluster the tool starts (a head and local shards, or the {@code --shard-url} servers), once per shard
     * count of {@code --shards}: the same workloads and trials through the head, then the shards each operation touched
     * counted by the shards. Every cluster is stopped and its files removed before the next starts, and at the end
     * whatever happens.
     */
    private int clusterRuns(ClusterUrl url, PrintWriter out, PrintWriter err) throws Exception {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--layouts")) {
            layouts = Layouts.sharded().stream().map(Layout::name).collect(java.util.stream.Collectors.joining(","));
            clusterDefaults = true;
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--workloads")) {
            workloads = CLUSTER_WORKLOADS;
            clusterDefaults = true;
        }
        List<Layout> chosen = Layouts.parse(layouts);
        if (chosen.stream().anyMatch(l -> !l.sharded())) {
            throw new UsageException("a cluster runs the sharded layouts (" + Layouts.sharded().stream().map(Layout::name)
                    .collect(java.util.stream.Collectors.joining(", ")) + "), not " + layouts);
        }
        List<ShardEndpoint> external = shardUrls.stream()
                .map(u -> ShardEndpoint.parse(u, connectionOptions.user, connectionOptions.password())).toList();
        List<Integer> counts = !external.isEmpty() ? List.of(external.size())
                : shardCounts.isEmpty() ? List.of(url.shards()) : List.copyOf(shardCounts);
        for (int count : counts) {
            url.withShards(count); // every count is checked before the first cluster starts
        }
        Path base = resultsFolder(outDir);
        int exit = ExitCode.OK.code();
        List<RunResult> sweep = new ArrayList<>();
        for (int count : counts) {
            ClusterUrl sized = url.withShards(count);
            out.println("Starting " + sized + (external.isEmpty() ? "" : " on " + external) + " ...");
            try (Cluster cluster = Cluster.start(sized, external)) {
                runCluster = cluster;
                out.println("Head: " + cluster.headUrl());
                ConnectionSpec connection = new ConnectionSpec(cluster.headUrl(), null, null).withNamespace(
                        new Namespace(connectionOptions.schema == null ? Namespace.DEFAULT_NAME : connectionOptions.schema,
                                allowExisting));
                WorkloadPlan plan = WorkloadPlan.parse(workloads, users, new WorkloadSettings(threads, ops,
                        KeyDistribution.parse(distribution), zipfConstant, Mix.parse(mix), seed));
                RunOptions options = new RunOptions(connection, chosen, users.get(0), logins, seed, batchSize, bioChars,
                        measuring.trials, measuring.warmupTrials, measuring.warmupMaxTrials, measuring.threshold, cold,
                        cacheSweep, measuring.forks, 1);
                measuring.check();
                Path folder = counts.size() > 1 ? base.resolve("shards-" + count) : base;
                out.println("Measuring " + chosen.stream().map(Layout::name).toList() + " with " + plan.userCounts()
                        + " users on " + count + " shard" + (count == 1 ? "" : "s") + " through the head"
                        + (options.forks() > 1 ? ", " + options.forks() + " forks of " + options.trials() + " trials each" : ""));
                RunResult result = options.forks() > 1
                        ? forked(connection, options, folder, err)
                        : inProcess(connection, options, plan, null, folder, err, null);
                out.println("Counting the shards each operation touches ...");
                result = ClusterResults.of(result, cluster, options, plan);
                show(result, out);
                out.println(ResultTables.console(dev.userbench.cluster.ClusterTables.shardsTouched(result)));
                Path json = ResultsJson.write(result, folder);
                ResultsCsv.write(result, folder);
                HistogramExport.write(result, folder);
                RunReport.write(result, folder);
                out.println("Wrote " + json + " and its report");
                if (!(result.dataCheck().equal() && result.workloadChecksHold())) {
                    exit = ExitCode.RUN_FAILED.code();
                }
                sweep.add(result);
            }
        }
        if (counts.size() > 1) {
            // the sweep in one table: latency, shards touched and the verdicts against the baseline, by shard count
            tech.tablesaw.api.Table summary = dev.userbench.cluster.ClusterTables.sweep(sweep);
            out.println(ResultTables.console(summary));
            Path csv = base.resolve(SHARD_SWEEP_FILE);
            summary.write().csv(csv.toFile());
            out.println("Wrote " + csv);
        }
        return exit;
    }

    /** On a cluster with a shard gone, the failure names that shard and its port (the head's error names the head). */
    private Failure lostShard(Failure failure) {
        if (runCluster == null) {
            return failure;
        }
        return dev.userbench.cluster.LostShards.sentence(runCluster)
                .map(sentence -> new Failure(sentence, failure.exitCode())).orElse(failure);
    }

    /** The trials in this JVM; a fork also tells its parent every phase it enters, on standard output. */
    private RunResult inProcess(ConnectionSpec connection, RunOptions options, WorkloadPlan plan, EmbeddedServer server,
                                Path folder, PrintWriter err, PrintWriter phases) throws IOException {
        BenchmarkRun run = new BenchmarkRun(options, plan, new ConsoleProgress(err), Harness.Listener.NONE, server);
        Thread reporter = phases == null ? null : Forks.reportPhases(run::phase, phases);
        try (Interruption interruption = Interruption.onSignal(() -> run.cancel("interrupted (Ctrl-C)"))) {
            try {
                return run.execute();
            } catch (RunFailedException failed) {
                String kept = "";
                if (failed.partial() != null) {
                    Path json = ResultsJson.write(failed.partial(), folder);
                    kept = "; kept the results finished so far in " + json + " (status failed)";
                }
                if (interruption.happened()) {
                    err.println("userbench: interrupted during " + failed.phase() + kept);
                    throw new Ended(ExitCode.INTERRUPTED.code());
                }
                Failure failure = lostShard(Failure.ofRun(failed, connection));
                String where = failed.partial() == null && failed.phase().startsWith("connecting") ? ""
                        : "during " + failed.phase() + ": ";
                if (phases != null) {
                    phases.println(Forks.FAILURE_PREFIX + failure.message());
                    phases.flush();
                }
                err.println("userbench: " + where + failure.message() + kept);
                if (verbose) {
                    err.println(Failure.stackTrace(failed, connection));
                }
                throw new Ended(failure.exitCode().code());
            }
        } finally {
            if (reporter != null) {
                reporter.interrupt();
            }
        }
    }

    /** The trials in {@code forks} fresh JVMs, merged; a fork's failure ends the run with what was finished. */
    private RunResult forked(ConnectionSpec connection, RunOptions options, Path folder, PrintWriter err)
            throws IOException, java.sql.SQLException {
        // what the user can get wrong about the connection is told once, here, as a run in one JVM tells it
        connection.open().close();
        Forks<RunResult> launcher = new Forks<>(Forks.Kind.runs(options.analysis()), forkArguments(), connection.url(), connection.password(),
                options.forks(), folder, Duration.ofSeconds(measuring.forkTimeoutSeconds), err);
        try (Interruption interruption = Interruption.onSignal(launcher::cancel)) {
            try {
                return launcher.run();
            } catch (Forks.ForkFailed failed) {
                String kept = "";
                RunResult partial = failed.partial(RunResult.class);
                if (partial != null) {
                    Path json = ResultsJson.write(partial, folder);
                    kept = "; kept the results finished so far in " + json + " (status failed)";
                }
                if (interruption.happened() || failed.exitCode == ExitCode.INTERRUPTED.code()) {
                    err.println("userbench: interrupted during " + failed.phase + kept);
                    throw new Ended(ExitCode.INTERRUPTED.code());
                }
                String message = runCluster == null ? failed.getMessage()
                        : dev.userbench.cluster.LostShards.sentence(runCluster).orElse(failed.getMessage());
                err.println("userbench: " + connection.redact("during " + failed.phase + ": " + message) + kept);
                throw new Ended(failed.exitCode);
            }
        }
    }

    /** This command's options as the user gave them, for a fork: without the connection, --out and the forks. */
    private List<String> forkArguments() {
        Set<String> parentOnly = Set.of("--jdbc-url", "--password", "--out", "--forks", "--fork", "--engine-setting",
                "--shards", "--shard-url");
        List<String> arguments = Forks.forwardedOptions(spec, parentOnly);
        arguments.add("--forks=" + measuring.forks);
        if (clusterDefaults) {
            arguments.removeIf(a -> a.startsWith("--layouts=") || a.startsWith("--workloads="));
            arguments.add("--layouts=" + layouts);
            arguments.add("--workloads=" + workloads);
        }
        return arguments;
    }

    private static String forkUrl() {
        String url = System.getenv(Forks.URL_VARIABLE);
        if (url == null || url.isEmpty()) {
            throw new UsageException("--fork is for the forks a run launches itself: leave it out");
        }
        return url;
    }

    private static void show(RunResult result, PrintWriter out) {
        out.println();
        out.println(ResultTables.console(ResultTables.measurements(result)));
        tech.tablesaw.api.Table counted = ResultTables.statementsPerOperation(result.measurements());
        if (!counted.isEmpty()) {
            out.println(ResultTables.console(counted));
        }
        if (!result.comparisons().isEmpty()) {
            out.println(ResultTables.console(ResultTables.comparisons(result)));
        }
        RunResult.DataCheckResult check = result.dataCheck();
        out.println("Data check: " + (check.equal() ? "every layout holds the same " + check.monolithCount()
                + " users (checksum " + check.monolithChecksum() + ")" : "LAYOUTS DIFFER " + check.layouts()));
        for (RunResult.WorkloadCheck after : result.workloadChecks()) {
            out.println("Data check after " + after.workload() + " (" + after.users() + " users seeded): "
                    + (after.consistent() ? "every table of every layout has the same rows, none orphaned"
                    : "INCONSISTENT " + after.layouts()));
        }
    }

    /** {@code --out}, or a new folder under temp/results named for the UTC time; checked writable before any work. */
    static Path resultsFolder(Path outDir) {
        Path folder = outDir != null ? outDir : Main.home().resolve("temp/results")
                .resolve(OUT_FOLDER.format(ZonedDateTime.now(ZoneOffset.UTC)));
        checkWritable(folder);
        return folder;
    }

    /** Stops an embedded server the command started, if any, saying so when it does not stop cleanly. */
    static void stop(EmbeddedServer server, PrintWriter err) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            err.println("userbench: the embedded server did not stop cleanly: " + e.getMessage());
        }
    }

    /** Finds an unwritable --out before the run rather than after its last minute. */
    static void checkWritable(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".userbench-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
            throw new UsageException("cannot write the results to " + folder + " (" + reason
                    + "): choose a writable folder with --out");
        }
    }

}
