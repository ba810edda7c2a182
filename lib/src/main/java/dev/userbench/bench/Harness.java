package dev.userbench.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.bench.stats.BalancedOrder;
import dev.userbench.bench.stats.Statistic;
import dev.userbench.bench.stats.Verdict;
import dev.userbench.bench.workload.Access;
import dev.userbench.schema.LayoutSql;
import dev.userbench.seed.Progress;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one benchmark on several arms (layouts) the way JMH would, inside one JVM (a fork): warm-up rounds
 * first, discarded, until the arms' time per operation is steady; then measured rounds in which the arms run
 * interleaved in a balanced order (A B, B A, ...) so drift of the machine cancels. Every trial of a writing
 * benchmark, warm-up included, starts from the same state (its {@link Benchmark#prepare}: empty tables, or the
 * seeded users for a workload); cold reads start from a fresh connection. The trials are returned as they ran;
 * {@link Analysis} turns a run's trials into measurements and comparisons.
 */
public final class Harness {

    /**
     * One side of a comparison: a layout under a label (the same layout twice makes an A/A check), reached through
     * an access path: plain JDBC, or an ORM's mapping.
     */
    public record Arm(String label, LayoutSql sql, Access access) {
        public Arm(String label, LayoutSql sql) {
            this(label, sql, Access.JDBC);
        }

        /** Whether it runs the tool's own SQL over JDBC. */
        public boolean jdbc() {
            return access == Access.JDBC;
        }
    }

    /**
     * The arms each arm is compared with. A plain-JDBC arm: arm 0, the baseline. An ORM arm: plain JDBC on its own
     * layout (the ORM's overhead), and, on another layout than the baseline's, the ORM arm of the same mapping name on
     * the baseline's layout, else its first ORM arm there (whether the layout still pays through the ORM).
     */
    public static List<Integer> baselinesOf(List<Arm> arms, int arm) {
        Arm candidate = arms.get(arm);
        if (candidate.jdbc()) {
            return List.of(0);
        }
        List<Integer> baselines = new ArrayList<>();
        String layout = candidate.sql().layout().name();
        String baseLayout = arms.get(0).sql().layout().name();
        for (int a = 0; a < arms.size(); a++) {
            if (arms.get(a).jdbc() && arms.get(a).sql().layout().name().equals(layout)) {
                baselines.add(a);
                break;
            }
        }
        if (!layout.equals(baseLayout)) {
            int sameMapping = -1;
            int firstOrm = -1;
            for (int a = 0; a < arms.size(); a++) {
                Arm other = arms.get(a);
                if (!other.jdbc() && other.sql().layout().name().equals(baseLayout)) {
                    firstOrm = firstOrm < 0 ? a : firstOrm;
                    if (sameMapping < 0 && other.access().mapping().equals(candidate.access().mapping())) {
                        sameMapping = a;
                    }
                }
            }
            int across = sameMapping >= 0 ? sameMapping : firstOrm;
            if (across >= 0) {
                baselines.add(across);
            }
        }
        return baselines.isEmpty() ? List.of(0) : List.copyOf(baselines);
    }

    /**
     * How a benchmark is measured.
     *
     * @param trials         measured rounds (every arm once per round)
     * @param warmupTrials   discarded warm-up rounds at least
     * @param warmupMaxTrials discarded warm-up rounds at most: warm-up stops earlier once two in a row agree
     * @param cold           reads start every trial from a fresh connection
     * @param fork           the fork (JVM) this harness runs in, from 1
     */
    public record Settings(int trials, int warmupTrials, int warmupMaxTrials, boolean cold, int fork) {
    }

    /**
     * Two consecutive warm-up rounds whose time per operation differs by at most this much on every arm are
     * steady: the JIT, the engine's caches and the file system have settled to within the noise of this machine.
     */
    public static final double STEADY_TOLERANCE = 0.10;

    /**
     * What the warm-up of one arm did, never part of the measured figures: how many discarded trials it took,
     * whether the last two agreed within {@link #STEADY_TOLERANCE} ({@code steady}), and by how much
     * ({@code lastChange}, the relative change of time per operation; null after a single warm-up trial).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Warmup(int fork, String layout, String operation, String variant, int trials, long ops,
                         double totalSeconds, boolean steady, Double lastChange) {
    }

    /**
     * The ratio candidate/baseline of one statistic's cost with its interval and verdict, at the load it was
     * measured under (a run may sweep user counts, so {@code users} tells them apart; a cache sweep, cache sizes,
     * so {@code cacheBytes}). The interval is read at {@code confidence} = 1 - {@code alphaAdjusted}, the level
     * Holm's procedure gave this comparison among all of the run's; the verdict is that interval's and nothing else.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComparisonResult(String operation, String variant, String baseline, String candidate,
                                   Statistic statistic, double ratio, double ciLow, double ciHigh, double confidence,
                                   double pValue, double alphaAdjusted, Verdict verdict, int pairs, int forks,
                                   int threads, String distribution, long users, Long cacheBytes, String access,
                                   String mapping, String baselineAccess, String baselineMapping) {

        public ComparisonResult(String operation, String variant, String baseline, String candidate,
                                Statistic statistic, double ratio, double ciLow, double ciHigh, double confidence,
                                double pValue, double alphaAdjusted, Verdict verdict, int pairs, int forks,
                                int threads, String distribution, long users, Long cacheBytes) {
            this(operation, variant, baseline, candidate, statistic, ratio, ciLow, ciHigh, confidence, pValue,
                    alphaAdjusted, verdict, pairs, forks, threads, distribution, users, cacheBytes, null, null, null, null);
        }

        /** Whether the verdict is a difference beyond the threshold: faster or slower. */
        public boolean decided() {
            return verdict == Verdict.FASTER || verdict == Verdict.SLOWER;
        }
    }

    /** The trials of one benchmark as they ran, and the warm-ups before them. */
    public record Outcome(List<Trial> trials, List<Warmup> warmups) {
        public Outcome {
            trials = List.copyOf(trials);
            warmups = List.copyOf(warmups);
        }

        /** The trials merged per arm. */
        public List<Measurement> measurements() {
            return Analysis.measurements(trials);
        }

        /** The same outcome, its trials marked as run with the engine's cache at {@code bytes}. */
        public Outcome withCacheBytes(long bytes) {
            return new Outcome(trials.stream().map(t -> t.withCacheBytes(bytes)).toList(), warmups);
        }
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

    /** What the harness is doing now, e.g. {@code login/projected trial 3 of 6 on fragmented}: named when a run fails. */
    public String phase() {
        return phase;
    }

    public Outcome measure(Benchmark benchmark, List<Arm> arms, BenchContext context) throws SQLException {
        refuseBesideARunaway();
        String name = benchmark.operation() + "/" + benchmark.variant();
        long calls = benchmark.calls(context);
        List<Warmup> warmups = warmUp(benchmark, arms, context, name, calls);
        List<Trial> trials = new ArrayList<>();
        BalancedOrder order = BalancedOrder.of(arms, settings.trials());
        for (int round = 0; round < settings.trials(); round++) {
            int position = 0;
            for (int a : order.armsInTrial(round)) {
                checkInterrupt();
                Arm arm = arms.get(a);
                phase = name + " trial " + (round + 1) + " of " + settings.trials() + " on " + arm.label();
                prepare(benchmark, arm, context);
                listener.trialStarting(benchmark, round, arm, context.connection());
                LatencyRecorder recorder = LatencyRecorder.forTrial(round);
                benchmark.run(context, arm, calls, recorder);
                trials.add(Trial.of(settings.fork(), round, position++, a, arm.label(), benchmark,
                        benchmark.callUnit(arm.sql()), context.users(), recorder)
                        .onArm(arm.access().name(), arm.access().mapping(), baselinesOf(arms, a)));
            }
        }
        return new Outcome(counted(benchmark, arms, context, trials), warmups);
    }

    /**
     * Discarded rounds of full trials in the same alternating order as the measured ones, at least
     * {@code warmupTrials} and until the last two agree on every arm within {@link #STEADY_TOLERANCE}, at most
     * {@code warmupMaxTrials}; none when {@code warmupTrials} is 0. Full trials, because a write's first costs (the JIT's compilation of the batch path,
     * the engine's file growth) show only at full size.
     */
    private List<Warmup> warmUp(Benchmark benchmark, List<Arm> arms, BenchContext context, String name, long calls)
            throws SQLException {
        // --warmup 0 turns warm-up off; otherwise it is a least, and --warmup-max a most
        int most = settings.warmupTrials() == 0 ? 0 : Math.max(settings.warmupTrials(), settings.warmupMaxTrials());
        double[][] nanosPerOp = new double[arms.size()][most];
        long[] ops = new long[arms.size()];
        long[] nanos = new long[arms.size()];
        BenchContext warming = context.withProgress(labelled(context.progress(), "warm-up: "));
        int rounds = 0;
        boolean steady = false;
        while (rounds < most && !(rounds >= settings.warmupTrials() && steady)) {
            for (int a : new BalancedOrder(arms.size(), rounds + 1).armsInTrial(rounds)) {
                checkInterrupt();
                Arm arm = arms.get(a);
                phase = "warm-up " + (rounds + 1) + " of " + name + " on " + arm.label();
                prepare(benchmark, arm, warming);
                LatencyRecorder recorder = LatencyRecorder.discarding();
                benchmark.run(warming, arm, calls, recorder);
                ops[a] += recorder.ops();
                nanos[a] += recorder.wallNanos();
                nanosPerOp[a][rounds] = (double) recorder.wallNanos() / Math.max(1, recorder.ops());
            }
            rounds++;
            steady = rounds >= 2 && maxChange(nanosPerOp, rounds) <= STEADY_TOLERANCE;
        }
        List<Warmup> warmups = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            Double change = rounds >= 2 ? change(nanosPerOp[a], rounds) : null;
            warmups.add(new Warmup(settings.fork(), arms.get(a).label(), benchmark.operation(), benchmark.variant(),
                    rounds, ops[a], nanos[a] / 1e9, change != null && change <= STEADY_TOLERANCE, change));
        }
        return warmups;
    }

    /**
     * The trials, each stamped with its arm's heap per operation from an untimed heap pass on the bare connection and
     * its statements and rows per operation from an untimed counting pass. Every arm's heap pass runs before any
     * counting pass, so the code the trials ran is still compiled as they ran it, not yet for datasource-proxy's
     * wrappers (whose other classes at the same call sites could change what escape analysis spares the heap).
     */
    private List<Trial> counted(Benchmark benchmark, List<Arm> arms, BenchContext context, List<Trial> trials)
            throws SQLException {
        List<Double> heapPerArm = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            checkInterrupt();
            phase = "counting the heap of " + benchmark.operation() + " on " + arms.get(a).label();
            heapPerArm.add(benchmark.heapPerOp(context, arms.get(a), a));
        }
        List<StatementCounter.PerOp> perArm = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            checkInterrupt();
            phase = "counting the statements of " + benchmark.operation() + " on " + arms.get(a).label();
            perArm.add(benchmark.countPerOp(context, arms.get(a), a));
        }
        return trials.stream().map(t -> t.withCounts(perArm.get(t.arm())).withBytesPerOp(heapPerArm.get(t.arm())))
                .toList();
    }

    private static double maxChange(double[][] nanosPerOp, int rounds) {
        double worst = 0;
        for (double[] arm : nanosPerOp) {
            worst = Math.max(worst, change(arm, rounds));
        }
        return worst;
    }

    /** Relative change of time per operation from the second-last warm-up trial to the last. */
    private static double change(double[] nanosPerOp, int rounds) {
        double before = nanosPerOp[rounds - 2];
        double last = nanosPerOp[rounds - 1];
        return before > 0 ? Math.abs(last / before - 1) : Double.POSITIVE_INFINITY;
    }

    private static Progress labelled(Progress progress, String prefix) {
        Progress inner = progress == null ? Progress.NONE : progress;
        return (label, done, total) -> inner.update(prefix + label, done, total);
    }

    /**
     * The thread-name prefix our Jupyter kernel gives a cell's thread that ignored an interrupt and could not be
     * stopped (JDK 20 and later have no Thread.stop): kernel/README.md documents it.
     */
    public static final String RUNAWAY_THREAD_PREFIX = "userbench-runaway-cell-";

    /**
     * Refuses to measure while a runaway cell spins beside the harness: on a 2-core machine it would take a core
     * from every trial, silently.
     */
    static void refuseBesideARunaway() {
        List<String> runaways = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(RUNAWAY_THREAD_PREFIX)).map(Thread::getName).toList();
        if (!runaways.isEmpty()) {
            throw new IllegalStateException("an interrupted cell is still running (" + String.join(", ", runaways)
                    + ") and would distort every measurement: restart the kernel, then run this cell again");
        }
    }

    /** A benchmark may run for a while: an interrupted thread (Ctrl-C in a notebook) stops between trials. */
    private static void checkInterrupt() throws SQLException {
        if (Thread.currentThread().isInterrupted()) {
            throw new SQLException("interrupted");
        }
    }

    private void prepare(Benchmark benchmark, Arm arm, BenchContext context) throws SQLException {
        if (benchmark.mutates()) {
            benchmark.prepare(context, arm.sql());
        } else if (settings.cold()) {
            context.session().reopen();
        }
    }
}
