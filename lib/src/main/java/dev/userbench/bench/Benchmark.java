package dev.userbench.bench;

import dev.userbench.schema.LayoutSql;

import java.sql.SQLException;

/** One timed operation in one variant; runs the same way on every layout. */
public interface Benchmark {

    String operation();

    String variant();

    /** True when it writes, so every trial must start from the same clean state (empty tables). */
    boolean mutates();

    /** How many calls a measured trial makes at the run's settings. */
    long calls(BenchContext context);

    /**
     * Makes {@code calls} timed calls against the layout, recording each call's latency and the
     * measured wall time; anything outside the timed sections (making users, preparing) is not recorded.
     */
    void run(BenchContext context, LayoutSql sql, long calls, LatencyRecorder recorder) throws SQLException;
}
