package dev.userbench.bench;

import dev.userbench.footprint.FootprintEntry;
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
            collected.heap = MemoryMeasurements.heap(generator);
            List<Workload> workloads = plan.create();
            for (long users : plan.userCounts()) {
                List<String> emails = LoginSample.emails(generator, users, options.logins(), options.seed());
                BenchContext context = new BenchContext(session, generator, users, options.batchSize(),
                        emails, progress);
                if (plan.study()) {
                    studyInserts(context, arms, collected);
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
                    studyLogins(context, dialect, arms, distinct, storage, collected);
                }
                workloads(context, workloads, arms, distinct, users, collected);
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
        }
    }

    /** The study's inserts, its way and batched; the last batched insert leaves the users the logins read. */
    private void studyInserts(BenchContext context, List<Harness.Arm> arms, Collected collected) throws SQLException {
        measuring();
        for (Benchmark insert : INSERTS) {
            collected.add(harness.measure(insert, arms, context));
        }
    }

    /** The study's logins, the pages they touch, and the cache sweep when one was asked for. */
    private void studyLogins(BenchContext context, Dialect dialect, List<Harness.Arm> arms,
                             Map<String, LayoutSql> distinct, List<FootprintEntry> storage, Collected collected)
            throws SQLException {
        measuring();
        for (Benchmark login : LOGINS) {
            collected.add(harness.measure(login, arms, context));
        }
        enter("counting the pages logins touch");
        collected.workingSet.addAll(MemoryMeasurements.loginWorkingSet(context, dialect, distinct.values(), LOGINS, null));
        if (!options.cacheFractions().isEmpty()) {
            enter("the cache sweep");
            collected.sweep = sweep(context, dialect, arms, distinct, storage, collected);
        }
    }

    /** The plan's workloads on the seeded users, re-seeding after a writing one, with a consistency check after it. */
    private void workloads(BenchContext context, List<Workload> workloads, List<Harness.Arm> arms,
                           Map<String, LayoutSql> distinct, long users, Collected collected) throws SQLException {
        boolean seeded = true;
        for (Workload workload : workloads) {
            if (!workload.mutates() && !seeded) {
                enter("seeding " + users + " users again for " + workload.operation());
                seed(context, distinct.values());
            }
            measuring();
            collected.add(harness.measure(workload, arms, context));
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
    }

    /**
     * Login (login columns only) under each cache size asked for, as fractions of the baseline's storage:
     * where the split's smaller hot table still fits and the monolith does not, the layouts part ways.
     * The engine's setting is restored afterwards, even when a step fails.
     */
    private MemoryMeasurements.Sweep sweep(BenchContext context, Dialect dialect, List<Harness.Arm> arms,
                                           Map<String, LayoutSql> distinct, List<FootprintEntry> footprint,
                                           Collected collected) throws SQLException {
        List<Long> sizes = MemoryMeasurements.sweepSizes(footprint, arms.get(0).sql().layout().name(),
                options.cacheFractions());
        Harness warm = new Harness(options.withCold(false).harness());
        Benchmark login = LoginBenchmark.projected();
        try (var control = MemoryMeasurements.cacheControl(context, dialect, server)) {
            long original = control.currentBytes();
            List<Long> applied = new ArrayList<>();
            for (long size : sizes) {
                long bytes = control.apply(size);
                if (control.restartsServer()) {
                    context.session().reopen();
                }
                applied.add(bytes);
                collected.add(warm.measure(login, arms, context).withCacheBytes(bytes));
                collected.workingSet.addAll(MemoryMeasurements.loginWorkingSet(context, dialect, distinct.values(),
                        List.of(login), bytes));
            }
            return new MemoryMeasurements.Sweep(control.setting(), control.adjustable(), original, applied);
        } finally {
            if (server != null && dialect.engine() == dev.userbench.schema.Engine.POSTGRESQL) {
                context.session().reopen();
            }
        }
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
