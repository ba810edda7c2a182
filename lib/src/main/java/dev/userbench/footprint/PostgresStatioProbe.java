package dev.userbench.footprint;

import dev.userbench.schema.Layout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL buffer hits and reads of a layout's tables, their indexes and TOAST, from
 * {@code pg_statio_user_tables} deltas. Statistics are not live: a backend keeps its counts to itself
 * until it flushes them, at transaction end but at most once a second (PostgreSQL 15+), or through the
 * stats collector with half a second of lag (14 and older). So after the workload this probe asks the
 * workload's backend to flush ({@code pg_stat_force_next_flush()}, 15+, which takes effect when that
 * backend next goes idle, i.e. at the commit that follows), and drops any cached snapshot
 * ({@code pg_stat_clear_snapshot()}) before reading. On 14 and older it waits for the collector instead.
 * A "read" is a block PostgreSQL asked the OS for: the OS page cache may still have served it.
 * Other sessions using the same tables at the same time are counted too.
 */
public final class PostgresStatioProbe implements WorkingSetProbe {

    static final String COUNTER = "pg_statio_user_tables (heap+index+toast blocks)";
    /** PostgreSQL 14's collector sends at most every 500 ms; wait a little longer. */
    private static final long COLLECTOR_WAIT_MILLIS = 700;

    /** Blocks hit and read, summed over tables. */
    public record Blocks(long hit, long read) {
    }

    @Override
    public WorkingSet measure(Connection connection, Layout layout, String workload, long operations, SqlWork work)
            throws Exception {
        flush(connection);
        Blocks before = read(connection, layout);
        work.run();
        flush(connection);
        Blocks after = read(connection, layout);
        return new WorkingSet(layout.name(), workload, operations, after.hit() - before.hit(),
                after.read() - before.read(), COUNTER);
    }

    /** Pushes this backend's pending counters into the shared statistics. */
    public static void flush(Connection connection) throws SQLException {
        boolean forced;
        try (Statement statement = connection.createStatement()) {
            forced = hasForceFlush(statement);
            if (forced) {
                statement.execute("SELECT pg_stat_force_next_flush()");
            }
        }
        // the flush happens when the backend goes idle after this commit
        connection.commit();
        if (!forced) {
            try {
                Thread.sleep(COLLECTOR_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the statistics collector", e);
            }
        }
    }

    private static boolean hasForceFlush(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT current_setting('server_version_num')::int >= 150000")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    static Blocks read(Connection connection, Layout layout) throws SQLException {
        return read(connection, layout.tableNames());
    }

    /** Blocks hit and read so far in the named tables (of the session's search path), their indexes and TOAST. */
    public static Blocks read(Connection connection, java.util.List<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
        }
        String sql = "SELECT COALESCE(SUM(COALESCE(heap_blks_hit, 0) + COALESCE(idx_blks_hit, 0)"
                + " + COALESCE(toast_blks_hit, 0) + COALESCE(tidx_blks_hit, 0)), 0),"
                + " COALESCE(SUM(COALESCE(heap_blks_read, 0) + COALESCE(idx_blks_read, 0)"
                + " + COALESCE(toast_blks_read, 0) + COALESCE(tidx_blks_read, 0)), 0)"
                + " FROM pg_statio_user_tables WHERE relid = ANY (SELECT to_regclass(n) FROM unnest(?::text[]) n)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                Blocks blocks = new Blocks(row.getLong(1), row.getLong(2));
                connection.commit();
                return blocks;
            }
        }
    }
}
