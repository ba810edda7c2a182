package dev.userbench.bench;

import dev.userbench.bench.workload.Workload;
import dev.userbench.bench.workload.WorkloadPlan;
import dev.userbench.schema.Dialect;
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

    public BenchmarkRun(RunOptions options, Progress progress) {
        this(options, progress, Harness.Listener.NONE);
    }

    public BenchmarkRun(RunOptions options, Progress progress, Harness.Listener listener) {
        this(options, WorkloadPlan.studyOnly(options.users(), options.seed()), progress, listener);
    }

    public BenchmarkRun(RunOptions options, WorkloadPlan plan, Progress progress, Harness.Listener listener) {
        this.options = options;
        this.plan = plan;
        this.progress = progress;
        this.harness = new Harness(options.harness(), listener);
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

    /** Runs everything; on failure throws {@link RunFailedException} carrying what was finished. */
    public RunResult execute() {
        Instant startedAt = Instant.now();
        Dialect dialect = options.connection().dialect();
        UserGenerator generator = new UserGenerator(options.seed(), options.bioChars());
        List<Harness.Arm> arms = arms(dialect, options.layouts());
        Map<String, LayoutSql> distinct = new LinkedHashMap<>();
        arms.forEach(arm -> distinct.putIfAbsent(arm.sql().layout().name(), arm.sql()));

        Environment environment = null;
        RunResult.DataCheckResult dataCheck = null;
        List<Measurement> measurements = new ArrayList<>();
        List<Harness.ComparisonResult> comparisons = new ArrayList<>();
        List<Harness.Warmup> warmups = new ArrayList<>();
        List<RunResult.WorkloadCheck> workloadChecks = new ArrayList<>();
        String phase = "connecting to " + options.connection().maskedUrl();
        try (Session session = new Session(options.connection())) {
            phase = "reading the environment";
            environment = Environment.capture(session.connection(), options.withUsers(plan.userCounts().get(0)),
                    startedAt, plan.described());
            List<Workload> workloads = plan.create();
            for (long users : plan.userCounts()) {
                List<String> emails = LoginSample.emails(generator, users, options.logins(), options.seed());
                BenchContext context = new BenchContext(session, generator, users, options.batchSize(),
                        emails, progress);
                if (plan.study()) {
                    phase = "measuring";
                    for (Benchmark insert : INSERTS) {
                        collect(harness.measure(insert, arms, context), measurements, comparisons, warmups);
                    }
                } else {
                    phase = "seeding " + users + " users";
                    seed(context, distinct.values());
                }
                phase = "data check";
                RunResult.DataCheckResult sized = dataCheck(session, generator, users, distinct.values());
                dataCheck = dataCheck != null && !dataCheck.equal() ? dataCheck : sized;
                if (plan.study()) {
                    phase = "measuring";
                    for (Benchmark login : LOGINS) {
                        collect(harness.measure(login, arms, context), measurements, comparisons, warmups);
                    }
                }
                boolean seeded = true;
                for (Workload workload : workloads) {
                    if (!workload.mutates() && !seeded) {
                        phase = "seeding " + users + " users again for " + workload.operation();
                        seed(context, distinct.values());
                    }
                    phase = "measuring";
                    collect(harness.measure(workload, arms, context), measurements, comparisons, warmups);
                    if (workload.mutates()) {
                        seeded = false;
                        phase = "data check after " + workload.operation();
                        List<DataCheck.Consistency> layouts = new ArrayList<>();
                        for (LayoutSql sql : distinct.values()) {
                            layouts.add(DataCheck.consistency(session.connection(), sql));
                        }
                        workloadChecks.add(RunResult.WorkloadCheck.of(workload.operation(), users, layouts));
                    }
                }
            }
            return new RunResult(RunResult.COMPLETE, null, environment, dataCheck, measurements, comparisons, warmups,
                    workloadChecks);
        } catch (SQLException | RuntimeException e) {
            String where = phase.startsWith("data check") || phase.startsWith("connecting") || phase.startsWith("reading")
                    || phase.startsWith("seeding") ? phase : harness.phase();
            RunResult partial = environment == null ? null : new RunResult(RunResult.FAILED,
                    new RunResult.Failure(where, String.valueOf(e.getMessage())), environment, dataCheck,
                    measurements, comparisons, warmups, workloadChecks);
            throw new RunFailedException(where, partial, e);
        }
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

    private static void collect(Harness.Outcome outcome, List<Measurement> measurements,
                                List<Harness.ComparisonResult> comparisons, List<Harness.Warmup> warmups) {
        measurements.addAll(outcome.measurements());
        comparisons.addAll(outcome.comparisons());
        warmups.addAll(outcome.warmups());
    }
}
