package dev.userbench.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.bench.stats.BalancedOrder;
import dev.userbench.bench.stats.Comparison;
import dev.userbench.bench.stats.RatioEstimate;
import dev.userbench.bench.stats.SampleSet;
import dev.userbench.schema.LayoutSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one benchmark on several arms (layouts) the way JMH would: a warm-up per arm first,
 * reported apart; then trials in which the arms run interleaved in a balanced order (A B, B A, ...)
 * so drift of the machine cancels; every trial of a writing benchmark starts from the same state (its
 * {@link Benchmark#prepare}: empty tables, or the seeded users for a workload);
 * cold reads start from a fresh connection. Each arm's per-call samples feed a bootstrap of the
 * ratio of medians against the first arm, the baseline.
 */
public final class Harness {

    /** One side of a comparison: a layout under a label (the same layout twice makes an A/A check). */
    public record Arm(String label, LayoutSql sql) {
    }

    /** How a benchmark is measured. {@code warmupSeconds} > 0 repeats the warm-up until that much time passed. */
    public record Settings(int trials, long warmupCalls, double warmupSeconds, Comparison comparison, long seed,
                           boolean cold) {
        public Settings {
            if (trials < 1) {
                throw new IllegalArgumentException("--trials must be at least 1, got " + trials);
            }
            if (warmupCalls < 0 || warmupSeconds < 0) {
                throw new IllegalArgumentException("a warm-up cannot be negative");
            }
        }
    }

    /** What the warm-up of one arm did; never part of the measured figures. */
    public record Warmup(String layout, String operation, String variant, long ops, double totalSeconds) {
    }

    /**
     * The ratio candidate/baseline of median per-call latency, its 95 % interval and the verdict, at
     * the load it was measured under (a run may sweep user counts, so {@code users} tells them apart;
     * a cache sweep, cache sizes, so {@code cacheBytes}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComparisonResult(String operation, String variant, String baseline, String candidate,
                                   double ratio, double ciLow, double ciHigh, String verdict,
                                   int threads, String distribution, long users, Long cacheBytes) {

        public ComparisonResult withCacheBytes(long bytes) {
            return new ComparisonResult(operation, variant, baseline, candidate, ratio, ciLow, ciHigh, verdict,
                    threads, distribution, users, bytes);
        }
    }

    public record Outcome(List<Measurement> measurements, List<ComparisonResult> comparisons, List<Warmup> warmups) {
    }

    /** Told before each measured trial of an arm, with the connection it will use. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (benchmark, trial, arm, connection) -> { };

        void trialStarting(Benchmark benchmark, int trial, Arm arm, Connection connection) throws SQLException;
    }

    private final Settings settings;
    private final Listener listener;
    private volatile String phase = "starting";

    public Harness(Settings settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    public Harness(Settings settings) {
        this(settings, Listener.NONE);
    }

    /** What the harness is doing now, e.g. {@code login/projected trial 3 of 5 on fragmented}: named when a run fails. */
    public String phase() {
        return phase;
    }

    public Outcome measure(Benchmark benchmark, List<Arm> arms, BenchContext context) throws SQLException {
        String name = benchmark.operation() + "/" + benchmark.variant();
        List<Warmup> warmups = new ArrayList<>();
        for (Arm arm : arms) {
            phase = "warm-up of " + name + " on " + arm.label();
            warmups.add(warmUp(benchmark, arm, context));
        }
        List<SampleSet> samples = new ArrayList<>();
        List<List<LatencyRecorder>> trials = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            samples.add(new SampleSet(settings.seed() + 31L * a));
            trials.add(new ArrayList<>());
        }
        BalancedOrder order = BalancedOrder.of(arms, settings.trials());
        long calls = benchmark.calls(context);
        for (int trial = 0; trial < settings.trials(); trial++) {
            for (int a : order.armsInTrial(trial)) {
                Arm arm = arms.get(a);
                phase = name + " trial " + (trial + 1) + " of " + settings.trials() + " on " + arm.label();
                prepare(benchmark, arm, context);
                listener.trialStarting(benchmark, trial, arm, context.connection());
                LatencyRecorder recorder = new LatencyRecorder(samples.get(a), trial);
                benchmark.run(context, arm.sql(), calls, recorder);
                trials.get(a).add(recorder);
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            measurements.add(Measurement.of(arms.get(a).label(), benchmark.operation(), benchmark.variant(),
                    benchmark.threads(), benchmark.distribution(), context.users(), trials.get(a)));
        }
        phase = "statistics of " + name;
        List<ComparisonResult> comparisons = new ArrayList<>();
        for (int a = 1; a < arms.size(); a++) {
            RatioEstimate estimate = settings.comparison().compare(samples.get(0), samples.get(a),
                    settings.seed() ^ (name.hashCode() * 0x9E3779B97F4A7C15L) ^ a);
            comparisons.add(new ComparisonResult(benchmark.operation(), benchmark.variant(), arms.get(0).label(),
                    arms.get(a).label(), estimate.ratio(), estimate.ciLow(), estimate.ciHigh(), estimate.verdict().label(),
                    benchmark.threads(), benchmark.distribution(), context.users(), null));
        }
        return new Outcome(measurements, comparisons, warmups);
    }

    private Warmup warmUp(Benchmark benchmark, Arm arm, BenchContext context) throws SQLException {
        long calls = Math.min(settings.warmupCalls(), benchmark.mutates() ? context.users() : Long.MAX_VALUE);
        long ops = 0;
        long wall = 0;
        long deadline = System.nanoTime() + (long) (settings.warmupSeconds() * 1e9);
        do {
            if (calls == 0) {
                break;
            }
            if (benchmark.mutates()) {
                benchmark.prepare(context, arm.sql());
            }
            LatencyRecorder recorder = LatencyRecorder.discarding();
            benchmark.run(context, arm.sql(), calls, recorder);
            ops += recorder.histogram().getTotalCount();
            wall += recorder.wallNanos();
        } while (System.nanoTime() < deadline);
        return new Warmup(arm.label(), benchmark.operation(), benchmark.variant(), ops, wall / 1e9);
    }

    private void prepare(Benchmark benchmark, Arm arm, BenchContext context) throws SQLException {
        if (benchmark.mutates()) {
            benchmark.prepare(context, arm.sql());
        } else if (settings.cold()) {
            context.session().reopen();
        }
    }
}
