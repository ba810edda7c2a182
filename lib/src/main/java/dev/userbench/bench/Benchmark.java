package dev.userbench.bench;

import dev.userbench.schema.LayoutSql;

import java.sql.SQLException;

/** One timed operation in one variant; runs the same way on every layout. */
public interface Benchmark {

    String operation();

    String variant();

    /** True when it writes, so each run must start from the same clean state. */
    boolean mutates();

    Measurement run(BenchContext context, LayoutSql sql) throws SQLException;
}
