package dev.userbench.footprint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite's page cache of one connection, set in whole pages ({@code PRAGMA cache_size = N}), so that the size in
 * effect is exactly pages times {@code page_size} and reads back as set (a size in KiB would be divided by the
 * page size plus SQLite's per-page overhead). At least one page. The setting belongs to the connection, so
 * measurements must run on {@link #connection()}. A smaller setting takes effect at once (SQLite trims the cache
 * on its next use).
 */
public final class SqliteCacheSize implements CacheControl {

    private final Connection connection;
    /** As SQLite reported it: pages when positive, -KiB when negative. */
    private final long original;

    public SqliteCacheSize(Connection connection) throws SQLException {
        this.connection = connection;
        this.original = pragma("PRAGMA cache_size");
    }

    @Override
    public String setting() {
        return "PRAGMA cache_size";
    }

    @Override
    public boolean adjustable() {
        return true;
    }

    @Override
    public long currentBytes() throws SQLException {
        long value = pragma("PRAGMA cache_size");
        return value < 0 ? -value * 1024 : value * pragma("PRAGMA page_size");
    }

    @Override
    public long apply(long bytes) throws SQLException {
        long pages = Math.max(1, bytes / pragma("PRAGMA page_size"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA cache_size = " + pages);
        }
        return currentBytes();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA cache_size = " + original);
        }
    }

    private long pragma(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
