package dev.userbench.bench;

import dev.userbench.schema.LayoutSql;
import dev.userbench.seed.Seeder;

import java.sql.SQLException;

/** One timed operation in one variant; runs the same way on every layout. */
public interface Benchmark {

    String operation();

    String variant();

    /** True when it writes, so every trial must start from the same clean state (see {@link #prepare}). */
    boolean mutates();

    /**
     * Brings the layout to the state every trial (and warm-up) of a writing benchmark starts from.
     * By default that is empty tables, which an insert benchmark needs; a workload that reads and
     * writes existing users restores the seeded users instead.
     */
    default void prepare(BenchContext context, LayoutSql sql) throws SQLException {
        Seeder.recreate(context.connection(), sql);
    }

    /** How many client threads run it at once, each with its own connection. */
    default int threads() {
        return 1;
    }

    /** How it picks the users it works on, as recorded in the results (e.g. {@code zipfian}). */
    String distribution();

    /**
     * What one timed call is on this layout: {@code call} (one operation), {@code row}, or {@code batch} (many rows
     * timed as one), which is what the latency figures are per.
     */
    default String callUnit(LayoutSql sql) {
        return "call";
    }

    /** How many calls a measured trial makes at the run's settings. */
    long calls(BenchContext context);

    /**
     * Makes {@code calls} timed calls against the layout, recording each call's latency and the
     * measured wall time; anything outside the timed sections (making users, preparing) is not recorded.
     */
    void run(BenchContext context, LayoutSql sql, long calls, LatencyRecorder recorder) throws SQLException;

    /** The same on an arm: its layout, through its access path (plain JDBC unless the benchmark knows others). */
    default void run(BenchContext context, Harness.Arm arm, long calls, LatencyRecorder recorder) throws SQLException {
        run(context, arm.sql(), calls, recorder);
    }

    /**
     * Statements the driver received and rows it returned per operation on the arm (number {@code armIndex} of the
     * comparison), counted in an untimed pass after the measured trials; null when the benchmark does not count them.
     */
    default StatementCounter.PerOp countPerOp(BenchContext context, Harness.Arm arm, int armIndex) throws SQLException {
        return null;
    }

    /**
     * Heap allocated per operation on the arm (number {@code armIndex}), counted by the calling thread's allocation
     * counter ({@link HeapCounter}) in an untimed pass on the bare connection after the measured trials, so that no
     * measured call reads the counter; null when the benchmark does not count it or the JVM cannot.
     */
    default Double heapPerOp(BenchContext context, Harness.Arm arm, int armIndex) throws SQLException {
        return null;
    }
}
