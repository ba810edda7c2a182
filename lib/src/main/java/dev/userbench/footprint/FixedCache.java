package dev.userbench.footprint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A cache this run cannot resize, e.g. PostgreSQL's {@code shared_buffers} on a server the tool did not
 * start (changing it takes a restart). Requests are ignored and every sweep point reports the fixed size,
 * so the results say plainly that the size did not vary.
 */
public final class FixedCache implements CacheControl {

    private final String setting;
    private final long bytes;
    private final Connection connection;

    public FixedCache(String setting, long bytes, Connection connection) {
        this.setting = setting;
        this.bytes = bytes;
        this.connection = connection;
    }

    /** PostgreSQL's shared_buffers as the server runs with it. */
    public static FixedCache postgres(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT setting::bigint * pg_size_bytes(unit)"
                     + " FROM pg_settings WHERE name = 'shared_buffers'")) {
            row.next();
            return new FixedCache("shared_buffers", row.getLong(1), connection);
        }
    }

    @Override
    public String setting() {
        return setting;
    }

    @Override
    public boolean adjustable() {
        return false;
    }

    @Override
    public long currentBytes() {
        return bytes;
    }

    @Override
    public long apply(long requested) {
        return bytes;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        // nothing was changed
    }
}
