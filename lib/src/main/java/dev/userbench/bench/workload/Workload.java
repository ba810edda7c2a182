package dev.userbench.bench.workload;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.Benchmark;
import dev.userbench.bench.Harness;
import dev.userbench.bench.HeapCounter;
import dev.userbench.bench.LatencyRecorder;
import dev.userbench.bench.StatementCounter;
import dev.userbench.schema.LayoutSql;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A workload over the seeded users: {@code threads} clients, each on its own connection, each making
 * its share of the calls one {@link Step} at a time. Per-thread recorders are merged into the trial's,
 * so every call is counted once; the trial's wall time is from the moment all clients start together
 * until the last finishes. A writing workload's trials start from the seeded users, re-seeded.
 */
public abstract class Workload implements Benchmark {

    /** The variant of a single-operation workload; a mix's variant is its mix. */
    public static final String SINGLE_VARIANT = "workload";

    private final WorkloadSettings settings;

    protected Workload(WorkloadSettings settings) {
        this.settings = settings;
    }

    public WorkloadSettings settings() {
        return settings;
    }

    @Override
    public String variant() {
        return SINGLE_VARIANT;
    }

    @Override
    public int threads() {
        return settings.threads();
    }

    @Override
    public String distribution() {
        return settings.distributionLabel();
    }

    @Override
    public long calls(BenchContext context) {
        return settings.threads() * settings.opsPerThread();
    }

    /** Opens this workload's statements for one client, on plain JDBC ({@link Access#JDBC}). */
    protected abstract Step open(Client client, LayoutSql sql) throws SQLException;

    /** Calls a counting pass makes per arm to count statements and rows per operation, and a heap pass its heap. */
    static final long COUNTED_CALLS = 100;

    /**
     * Re-creates the tables, seeds the run's users and settles them ({@link Seeder#settle}): the state every trial of
     * a writing workload starts from.
     */
    @Override
    public void prepare(BenchContext context, LayoutSql sql) throws SQLException {
        Seeder.recreate(context.connection(), sql);
        new Seeder(context.batchSize()).load(context.connection(), sql, context.generator(), context.users(),
                context.progress() == null ? Progress.NONE : context.progress());
        Seeder.settle(context.connection(), sql);
    }

    @Override
    public void run(BenchContext context, LayoutSql sql, long calls, LatencyRecorder recorder) throws SQLException {
        run(context, sql, Access.JDBC, calls, recorder);
    }

    @Override
    public void run(BenchContext context, Harness.Arm arm, long calls, LatencyRecorder recorder) throws SQLException {
        run(context, arm.sql(), arm.access(), calls, recorder);
    }

    /**
     * An untimed pass of {@link #COUNTED_CALLS} calls on the run's connection wrapped by a {@link StatementCounter}: the
     * statements and rows per operation of the arm. It writes as the workload does, on the state the trials left;
     * the users it signs up are numbered far past any other pass's, each arm in a range of its own, so neither two
     * arms on one layout nor the working-set pass after it collide with them, and no re-seeding is needed. Each arm
     * draws its own users and values, so an ORM's dirty checking never finds the values another arm's pass just wrote
     * on the same tables (and skips the update).
     */
    @Override
    public StatementCounter.PerOp countPerOp(BenchContext context, Harness.Arm arm, int armIndex) throws SQLException {
        StatementCounter counter = StatementCounter.over(context.connection());
        runOnThisThread(context, arm.sql(), arm.access(), counter.connection(), 0, COUNTED_CALLS,
                COUNTED_SIGNUPS_FROM + armIndex * SIGNUPS_PER_ARM, armIndex + 1, false);
        return counter.perOp(COUNTED_CALLS);
    }

    /**
     * Heap allocated per operation on the arm: an untimed pass on the run's bare connection (no datasource-proxy,
     * whose own allocations would count) of {@link #HEAP_WARM_CALLS} calls not counted, then {@link #COUNTED_CALLS}
     * whose timed sections add up what this thread allocated. Only the operation's own work counts, as in a timed
     * call: picking the user and making its values stay outside. It writes as the workload does, like the counting
     * pass, with users and values of its own (numbered past the counting pass's, drawn from another stream), so it
     * collides with no other pass and an ORM's dirty checking finds every edit new. Null when the JVM cannot count
     * a thread's allocations.
     */
    @Override
    public Double heapPerOp(BenchContext context, Harness.Arm arm, int armIndex) throws SQLException {
        if (!HeapCounter.available()) {
            return null;
        }
        long bytes = runOnThisThread(context, arm.sql(), arm.access(), context.connection(), HEAP_WARM_CALLS,
                COUNTED_CALLS, HEAP_SIGNUPS_FROM + armIndex * SIGNUPS_PER_ARM, -(armIndex + 1), true);
        return bytes / (double) COUNTED_CALLS;
    }

    /** Calls a heap pass makes before it counts: the new statements' and session's first costs are no operation's. */
    static final long HEAP_WARM_CALLS = 10;

    /** Where a counting pass's sign-ups are numbered from: below the donors of profile_edit (from Long.MAX_VALUE / 2). */
    private static final long COUNTED_SIGNUPS_FROM = Long.MAX_VALUE / 4;
    /** Where a heap pass's sign-ups are numbered from: past the counting pass's, below the donors. */
    private static final long HEAP_SIGNUPS_FROM = COUNTED_SIGNUPS_FROM + Long.MAX_VALUE / 8;
    private static final long SIGNUPS_PER_ARM = 1L << 32;

    /** Makes {@code calls} timed calls through {@code access} with the settings' client threads. */
    public void run(BenchContext context, LayoutSql sql, Access access, long calls, LatencyRecorder recorder)
            throws SQLException {
        int threads = (int) Math.max(1, Math.min(settings.threads(), calls));
        KeyChooser keys = settings.keys(context.users());
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "userbench-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<LatencyRecorder>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                long share = calls / threads + (t < calls % threads ? 1 : 0);
                SplittableRandom random = new SplittableRandom(streamSeed(recorder, thread));
                clients.add(pool.submit(() -> runClient(context, sql, access, keys, random, thread, threads, share,
                        recorder.forThread(thread), start)));
            }
            awaitStart(start, clients);
            long begin = System.nanoTime();
            List<LatencyRecorder> finished = new ArrayList<>();
            SQLException failure = null;
            for (Future<LatencyRecorder> client : clients) {
                try {
                    finished.add(client.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? asSql(e.getCause()) : failure;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while the clients ran", e);
                }
            }
            recorder.addWall(System.nanoTime() - begin);
            if (failure != null) {
                throw failure;
            }
            finished.forEach(recorder::absorb);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Makes {@code calls} calls as one client on the calling thread and on {@code connection}, untimed: the pass
     * in which the memory measurements count the pages a workload touches (SQLite's counter is the calling
     * thread's, PostgreSQL's is flushed through this connection). Its users come from a stream of its own; users
     * it signs up are numbered past any a trial signed up, so they never collide with the state a trial left.
     */
    public void runOnThisThread(BenchContext context, LayoutSql sql, Connection connection, long calls)
            throws SQLException {
        runOnThisThread(context, sql, Access.JDBC, connection, calls);
    }

    /** The same through {@code access}. */
    public void runOnThisThread(BenchContext context, LayoutSql sql, Access access, Connection connection, long calls)
            throws SQLException {
        runOnThisThread(context, sql, access, connection, 0, calls, context.users() + Math.max(calls, calls(context)), 0,
                false);
    }

    /**
     * The same, after {@code warmCalls} calls first, signing up users from index {@code firstNewUser} on, its stream of
     * users moved by {@code salt}; when {@code countsHeap}, returns the heap the timed sections of the {@code calls}
     * calls after the warm ones allocated (else 0).
     */
    private long runOnThisThread(BenchContext context, LayoutSql sql, Access access, Connection connection,
                                 long warmCalls, long calls, long firstNewUser, long salt, boolean countsHeap)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L - operation().hashCode()
                + salt * 0xBF58476D1CE4E5B9L);
        Client client = new Client(connection, random, settings.keys(context.users()), context.generator(),
                firstNewUser, 0, 1, countsHeap);
        try (Step step = access.open(this, client, sql)) {
            for (long call = 0; call < warmCalls; call++) {
                step.perform();
            }
            long warm = client.heapBytes();
            for (long call = 0; call < calls; call++) {
                step.perform();
            }
            return client.heapBytes() - warm;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private LatencyRecorder runClient(BenchContext context, LayoutSql sql, Access access, KeyChooser keys,
                                      SplittableRandom random,
                                      int thread, int threads, long calls, LatencyRecorder recorder,
                                      CyclicBarrier start) throws Exception {
        try (Connection connection = context.session().spec().open()) {
            Client client = new Client(connection, random, keys, context.generator(), context.users(), thread, threads);
            try (Step step = access.open(this, client, sql)) {
                start.await();
                for (long call = 0; call < calls; call++) {
                    recorder.record(step.perform());
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (Exception e) {
            // a client that failed before the start must not leave the others waiting at the barrier
            start.reset();
            throw e;
        }
        return recorder;
    }

    /** The same stream for a (trial, thread) on every layout; warm-up draws its own. */
    private long streamSeed(LatencyRecorder recorder, int thread) {
        long trial = recorder.measured() ? recorder.trial() : -1;
        return settings.seed() * 0x9E3779B97F4A7C15L + (trial + 2) * 0xBF58476D1CE4E5B9L + thread * 0x94D049BB133111EBL
                + operation().hashCode();
    }

    private static void awaitStart(CyclicBarrier start, List<Future<LatencyRecorder>> clients) throws SQLException {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the clients connected", e);
        } catch (java.util.concurrent.BrokenBarrierException e) {
            // the barrier breaks for every waiting client too: report the client that failed first-hand
            Throwable cause = null;
            for (Future<LatencyRecorder> client : clients) {
                try {
                    client.get();
                } catch (ExecutionException failed) {
                    boolean secondHand = failed.getCause() instanceof java.util.concurrent.BrokenBarrierException;
                    if (cause == null || (!secondHand && cause instanceof java.util.concurrent.BrokenBarrierException)) {
                        cause = failed.getCause();
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw cause == null ? new SQLException("a client could not start", e) : asSql(cause);
        }
    }

    private static SQLException asSql(Throwable cause) {
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        return new SQLException(String.valueOf(cause.getMessage()), cause);
    }
}
