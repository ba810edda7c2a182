package dev.userbench.footprint;

import dev.userbench.bench.BenchmarkRun;
import dev.userbench.bench.Harness;
import dev.userbench.bench.MemoryMeasurements;
import dev.userbench.bench.RunOptions;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.workload.WorkloadPlan;
import dev.userbench.bench.workload.WorkloadSettings;
import dev.userbench.report.CheckTables;
import dev.userbench.report.Findings;
import dev.userbench.report.ResultsJson;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.EmbeddedServer;
import dev.userbench.seed.Progress;
import dev.userbench.seed.UserGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The memory half of the claim on one engine, as a rerunnable benchmark (not a test). It is a run of the tool with
 * the memory options set, so it measures exactly what {@code ./userbench run} measures, through the same classes
 * ({@link MemoryMeasurements}, {@link BenchmarkRun}) and the same preparation: seeding, tables settled, storage,
 * pages per call for every benchmark and workload, heap of fetched rows, then a cache sweep in which each size
 * runs the harness's trials (so every point has its interval). Prints the memory tables and the memory verdict,
 * writes results.json under {@code temp/footprint/<engine>-<time>/}.
 *
 * <pre>java -cp lib/target/user-entity-bench.jar dev.userbench.footprint.FootprintBenchmark JDBC_URL [USERS] [LOGINS] [BIO_CHARS] [FRACTIONS] [WORKLOADS] [TRIALS]</pre>
 *
 * FRACTIONS are the sweep's cache sizes as fractions of the monolith's storage (default
 * {@code 0.1,0.25,0.5,0.75,1,1.25}); WORKLOADS as {@code --workloads} (default {@code study,login,mixed}). The
 * engine's cache is restored when the run ends, also on failure. PostgreSQL's shared_buffers is fixed unless the
 * run is on an embedded server (module {@code embedded}, {@code dev.userbench.embedded.EmbeddedFootprintBenchmark}).
 */
public final class FootprintBenchmark {

    public record Options(long users, int logins, int bioChars, List<Double> fractions, String workloads, int trials) {
    }

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FootprintBenchmark JDBC_URL [USERS=1000000] [LOGINS=10000] [BIO_CHARS=200]"
                    + " [FRACTIONS=0.1,0.25,0.5,0.75,1,1.25] [WORKLOADS=study,login,mixed] [TRIALS=3]");
            System.exit(2);
        }
        RunResult result = run(ConnectionSpec.of(args[0]), options(args, 1), null);
        print(result);
        write(result);
    }

    public static Options options(String[] args, int from) {
        long users = args.length > from ? Long.parseLong(args[from]) : 1_000_000;
        int logins = args.length > from + 1 ? Integer.parseInt(args[from + 1]) : 10_000;
        int bio = args.length > from + 2 ? Integer.parseInt(args[from + 2]) : UserGenerator.DEFAULT_BIO_CHARS;
        List<Double> fractions = Arrays.stream((args.length > from + 3 ? args[from + 3] : "0.1,0.25,0.5,0.75,1,1.25")
                .split(",")).map(String::trim).map(Double::parseDouble).toList();
        String workloads = args.length > from + 4 ? args[from + 4] : "study,login,mixed";
        int trials = args.length > from + 5 ? Integer.parseInt(args[from + 5]) : 3;
        return new Options(users, logins, bio, fractions, workloads, trials);
    }

    /** Runs the memory measurements; {@code server} is a server this tool started (a sweep may restart it), or null. */
    public static RunResult run(ConnectionSpec spec, Options options, EmbeddedServer server) {
        RunOptions run = RunOptions.defaults(spec).withUsers(options.users()).withLogins(options.logins())
                .withBioChars(options.bioChars()).withTrials(options.trials()).withCacheSweep(options.fractions());
        WorkloadPlan plan = WorkloadPlan.parse(options.workloads(), List.of(options.users()),
                WorkloadSettings.defaults(run.seed()));
        return new BenchmarkRun(run, plan, Progress.NONE, Harness.Listener.NONE, server).execute();
    }

    public static void print(RunResult result) {
        System.out.println(CheckTables.hotAndCold(result.footprint()).printAll());
        System.out.println(CheckTables.workingSet(result.workingSet()).printAll());
        System.out.println(CheckTables.heapPerQuery(result.heap()).printAll());
        System.out.println(CheckTables.cacheSweep(result).printAll());
        System.out.println(Findings.memoryVerdict(result));
    }

    public static Path write(RunResult result) throws IOException {
        String engine = result.environment() == null ? "run" : result.environment().engine();
        Path dir = Path.of("temp", "footprint",
                engine + "-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-'));
        Files.createDirectories(dir);
        Path file = ResultsJson.write(result, dir);
        System.err.println("wrote " + file.toAbsolutePath());
        return file;
    }
}
