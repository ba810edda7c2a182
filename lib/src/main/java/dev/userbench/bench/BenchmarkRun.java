package dev.userbench.bench;

import dev.userbench.footprint.FootprintEntry;
import dev.userbench.orm.HibernateAccess;
import dev.userbench.orm.OrmArms;
import dev.userbench.bench.workload.Workload;
import dev.userbench.bench.workload.WorkloadPlan;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.EmbeddedServer;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.seed.DataCheck;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The study's benchmark, faithfully and fairly: insert every user into each layout (the study's way,
 * then batched), check that the layouts hold the same users, then log in with the same sample on
 * each layout (the study's query, then only the login columns). Every benchmark goes through the
 * {@link Harness}: warm-up, balanced trials, clean state per writing trial, bootstrap comparisons.
 * The last batched insert leaves the data the logins read. Then the plan's workloads run on the
 * seeded users, with a consistency check after each writing one; a plan with several user counts
 * repeats all of it per size.
 */
public final class BenchmarkRun {

    public static final List<Benchmark> INSERTS = List.of(InsertBenchmark.seed(), InsertBenchmark.batched());
    public static final List<Benchmark> LOGINS = List.of(LoginBenchmark.seed(), LoginBenchmark.projected());

    private final RunOptions options;
    private final WorkloadPlan plan;
    private final Progress progress;
    private final Harness harness;
    private final EmbeddedServer server;
    /** The live session, so that {@link #cancel} can cut it from another thread (a Ctrl-C handler). */
    private volatile Session session;
    private volatile String cancelReason;

    public BenchmarkRun(RunOptions options, Progress progress) {
        this(options, progress, Harness.Listener.NONE);
    }

    public BenchmarkRun(RunOptions options, Progress progress, Harness.Listener listener) {
        this(options, WorkloadPlan.studyOnly(options.users(), options.seed()), progress, listener, null);
    }

    /**
     * A run of the plan's workloads; {@code server} is a server this tool started (or null), which a
     * cache sweep may restart with other settings.
     */
    public BenchmarkRun(RunOptions options, WorkloadPlan plan, Progress progress, Harness.Listener listener,
                        EmbeddedServer server) {
        this.options = options;
        this.plan = plan;
        this.progress = progress;
        this.harness = new Harness(options.harness(), listener);
        this.server = server;
    }

    /** The arms of the comparison: one per layout asked for, the same layout twice labelled apart (A/A). */
    public static List<Harness.Arm> arms(Dialect dialect, List<Layout> layouts) {
        Map<String, Integer> seen = new HashMap<>();
        List<Harness.Arm> arms = new ArrayList<>();
        for (Layout layout : layouts) {
            int n = seen.merge(layout.name(), 1, Integer::sum);
            arms.add(new Harness.Arm(n == 1 ? layout.name() : layout.name() + "#" + n, dialect.sql(layout)));
        }
        return List.copyOf(arms);
    }

    /** Where the run is, as a value: a named step, or the harness's own step while it measures. */
    @FunctionalInterface
    private interface Phase {
        String describe();
    }

    /** What the run has finished so far; a failed run reports it as it stands. */
    private static final class Collected {
        Environment environment;
        RunResult.DataCheckResult dataCheck;
        final List<Trial> trials = new ArrayList<>();
        final List<Harness.Warmup> warmups = new ArrayList<>();
        final List<MemoryMeasurements.StorageEntry> footprint = new ArrayList<>();
        final List<MemoryMeasurements.WorkingSetEntry> workingSet = new ArrayList<>();
        MemoryMeasurements.Heap heap;
        MemoryMeasurements.Sweep sweep;
        final List<RunResult.WorkloadCheck> workloadChecks = new ArrayList<>();

        void add(Harness.Outcome outcome) {
            trials.addAll(outcome.trials());
            warmups.addAll(outcome.warmups());
        }

        RunResult result(String status, RunResult.Failure failure, Analysis.Settings analysis) {
            return RunResult.of(status, failure, environment, dataCheck, trials, analysis, warmups, footprint,
                    workingSet, heap, sweep, workloadChecks);
        }
    }

    private volatile Phase phase = () -> "starting";

    private void enter(String name) {
        phase = () -> name;
    }

    private void measuring() {
        phase = harness::phase;
    }

    /** What the run is doing now, e.g. {@code login/projected trial 3 of 6 on fragmented}. */
    public String phase() {
        return phase.describe();
    }

    /** Runs everything; on failure throws {@link RunFailedException} carrying what was finished. */
    public RunResult execute() {
        Instant startedAt = Instant.now();
        Dialect dialect = options.connection().dialect();
        UserGenerator generator = new UserGenerator(options.seed(), options.bioChars());
        List<Harness.Arm> arms = arms(dialect, options.layouts());
        List<Harness.Arm> ormArms = options.access().contains(HibernateAccess.NAME)
                ? OrmArms.of(options.connection(), arms) : List.of();
        Map<String, LayoutSql> distinct = new LinkedHashMap<>();
        arms.forEach(arm -> distinct.putIfAbsent(arm.sql().layout().name(), arm.sql()));
        Collected collected = new Collected();
        enter("connecting to " + options.connection().maskedUrl());
        try (Session session = new Session(options.connection())) {
            this.session = session;
            if (cancelReason != null) {
                session.abort();
            }
            enter("reading the environment");
            collected.environment = Environment.capture(session.connection(),
                    options.withUsers(plan.userCounts().get(0)), startedAt, plan.described());
            List<Workload> workloads = plan.create();
            for (long users : plan.userCounts()) {
                List<String> emails = LoginSample.emails(generator, users, options.logins(), options.seed());
                BenchContext context = new BenchContext(session, generator, users, options.batchSize(),
                        emails, progress);
                if (plan.study()) {
                    studyInserts(context, arms, distinct, collected);
                } else {
                    enter("seeding " + users + " users");
                    seed(context, distinct.values());
                }
                enter("data check");
                RunResult.DataCheckResult sized = dataCheck(session, generator, users, distinct.values());
                collected.dataCheck = collected.dataCheck != null && !collected.dataCheck.equal() ? collected.dataCheck : sized;
                enter("measuring storage");
                List<FootprintEntry> storage = MemoryMeasurements.storage(context, dialect, layoutsOf(distinct));
                storage.forEach(entry -> collected.footprint.add(MemoryMeasurements.StorageEntry.of(entry, users)));
                if (plan.study()) {
                    studyLogins(context, dialect, arms, distinct, collected);
                }
                boolean seeded = workloads(context, dialect, workloads, arms, ormArms, distinct, users, collected);
                if (collected.heap == null) {
                    // after the timed work, so a fault is named by the benchmark it hit; the seeded users are all
                    // still there after a writing workload (which edits or adds, never deletes)
                    enter("measuring the heap of fetched rows");
                    collected.heap = MemoryMeasurements.heap(context, distinct.values());
                }
                if (!options.cacheFractions().isEmpty()) {
                    enter("the cache sweep");
                    collected.sweep = sweep(context, dialect, arms, distinct, storage, workloads, seeded, collected);
                }
            }
            return collected.result(RunResult.COMPLETE, null, options.analysis());
        } catch (SQLException | RuntimeException e) {
            String where = phase.describe();
            // the reason goes into results.json: never with a password a driver may have quoted back
            String reason = cancelReason != null ? cancelReason : brief(options.connection().redact(String.valueOf(e.getMessage())));
            RunResult partial = collected.environment == null ? null
                    : collected.result(RunResult.FAILED, new RunResult.Failure(where, reason), options.analysis());
            throw new RunFailedException(where, partial, e);
        } finally {
            this.session = null;
            OrmArms.close(ormArms);
        }
    }

    /** The study's inserts, its way and batched; the last batched insert leaves the users the logins read. */
    private void studyInserts(BenchContext context, List<Harness.Arm> arms, Map<String, LayoutSql> distinct,
                              Collected collected) throws SQLException {
        measuring();
        for (Benchmark insert : INSERTS) {
            collected.add(harness.measure(insert, arms, context));
        }
        enter("settling the seeded tables");
        for (LayoutSql sql : distinct.values()) {
            Seeder.settle(context.connection(), sql);
        }
    }

    /** The study's logins and the pages they touch. */
    private void studyLogins(BenchContext context, Dialect dialect, List<Harness.Arm> arms,
                             Map<String, LayoutSql> distinct, Collected collected) throws SQLException {
        measuring();
        for (Benchmark login : LOGINS) {
            collected.add(harness.measure(login, arms, context));
        }
        enter("counting the pages logins touch");
        for (Benchmark login : LOGINS) {
            collected.workingSet.addAll(MemoryMeasurements.workingSet(context, dialect, login, distinct.values(), null));
        }
    }

    /**
     * The plan's workloads on the seeded users, re-seeding after a writing one, each followed by the pages it touches
     * and, after a writing one, a consistency check. Returns whether the tables still hold the seeded users untouched.
     */
    private boolean workloads(BenchContext context, Dialect dialect, List<Workload> workloads, List<Harness.Arm> arms,
                              List<Harness.Arm> ormArms, Map<String, LayoutSql> distinct, long users,
                              Collected collected) throws SQLException {
        boolean seeded = true;
        for (Workload workload : workloads) {
            if (!workload.mutates() && !seeded) {
                enter("seeding " + users + " users again for " + workload.operation());
                seed(context, distinct.values());
                seeded = true;
            }
            measuring();
            collected.add(harness.measure(workload, armsFor(workload, arms, ormArms), context));
            enter("counting the pages " + workload.operation() + " touches");
            collected.workingSet.addAll(MemoryMeasurements.workingSet(context, dialect, workload, distinct.values(), null));
            if (workload.mutates()) {
                seeded = false;
                enter("data check after " + workload.operation());
                List<DataCheck.Consistency> layouts = new ArrayList<>();
                for (LayoutSql sql : distinct.values()) {
                    layouts.add(DataCheck.consistency(context.connection(), sql));
                }
                collected.workloadChecks.add(RunResult.WorkloadCheck.of(workload.operation(), users, layouts));
            }
        }
        return seeded;
    }

    /**
     * The run's benchmarks again under each cache size asked for, as fractions of the baseline's storage (the
     * study's projected login when the study ran, then the plan's workloads): where the split's smaller hot table
     * still fits and the monolith does not, the layouts part ways. One memory path does it
     * ({@link MemoryMeasurements#sweep}); the engine's setting is restored afterwards, even when a step fails.
     */
    private MemoryMeasurements.Sweep sweep(BenchContext context, Dialect dialect, List<Harness.Arm> arms,
                                           Map<String, LayoutSql> distinct, List<FootprintEntry> footprint,
                                           List<Workload> workloads, boolean seeded, Collected collected)
            throws SQLException {
        // a fresh connection is a fresh SQLite cache_size: the sweep's trials stay on the session's connection
        Harness warm = new Harness(options.withCold(false).harness());
        List<Benchmark> benchmarks = new ArrayList<>();
        if (plan.study()) {
            benchmarks.add(LoginBenchmark.projected());
        }
        benchmarks.addAll(workloads);
        return MemoryMeasurements.sweep(context, dialect, server, warm, arms, distinct.values(), footprint,
                options.cacheFractions(), benchmarks, seeded,
                () -> seed(context, distinct.values()),
                new MemoryMeasurements.Sink(collected::add, collected.workingSet));
    }

    /** The plain-JDBC arms, then the ORM arms whose mapping does the workload on its layout. */
    private static List<Harness.Arm> armsFor(Workload workload, List<Harness.Arm> arms, List<Harness.Arm> ormArms) {
        List<Harness.Arm> all = new ArrayList<>(arms);
        ormArms.stream().filter(arm -> arm.access().supports(workload, arm.sql())).forEach(all::add);
        return all;
    }

    private static List<Layout> layoutsOf(Map<String, LayoutSql> distinct) {
        return distinct.values().stream().map(LayoutSql::layout).toList();
    }

    /**
     * Stops the run from another thread: its connection is cut, so the running step fails at once and the
     * run ends as a failed one (results so far kept) with this reason. The server rolls back the open
     * transaction, as it does for any dropped connection.
     */
    public void cancel(String reason) {
        cancelReason = reason;
        Session current = session;
        if (current != null) {
            current.abort();
        }
    }

    /** The first line, at most 500 characters: pgjdbc quotes a failed batch whole, every row's values included. */
    private static String brief(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() <= 500 ? first : first.substring(0, 497) + "...";
    }

    /** Seeds every layout with the context's users (the workloads' starting state without the study's inserts). */
    private static void seed(BenchContext context, Iterable<LayoutSql> layouts) throws SQLException {
        for (LayoutSql sql : layouts) {
            Seeder.recreate(context.connection(), sql);
            new Seeder(context.batchSize()).load(context.connection(), sql, context.generator(), context.users(),
                    context.progress());
            Seeder.settle(context.connection(), sql);
        }
    }

    private static RunResult.DataCheckResult dataCheck(Session session, UserGenerator generator, long users,
                                                       Iterable<LayoutSql> layouts) throws SQLException {
        List<DataCheck.Summary> summaries = new ArrayList<>();
        for (LayoutSql sql : layouts) {
            summaries.add(DataCheck.of(session.connection(), sql));
        }
        return RunResult.DataCheckResult.of(summaries, DataCheck.expected(generator, users), users);
    }
}
