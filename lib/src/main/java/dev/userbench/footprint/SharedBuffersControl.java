package dev.userbench.footprint;

import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.EmbeddedServer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * PostgreSQL's {@code shared_buffers} on an embedded server this tool started: each size is a restart
 * (the setting takes effect at server start only), after which {@link #connection()} is a new connection.
 * Closing restores the size the server had and closes the connection.
 */
public final class SharedBuffersControl implements CacheControl {

    private final EmbeddedServer server;
    private final long original;
    private Connection connection;

    public SharedBuffersControl(EmbeddedServer server) throws SQLException {
        if (!server.embeddedUrl().contains("postgres")) {
            throw new IllegalArgumentException("shared_buffers is a PostgreSQL setting; the server is " + server.embeddedUrl());
        }
        this.server = server;
        this.connection = ConnectionSpec.of(server.jdbcUrl()).open();
        this.original = currentBytes();
    }

    @Override
    public String setting() {
        return "shared_buffers";
    }

    @Override
    public boolean restartsServer() {
        return true;
    }

    @Override
    public boolean adjustable() {
        return true;
    }

    @Override
    public long currentBytes() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT setting::bigint * pg_size_bytes(unit)"
                     + " FROM pg_settings WHERE name = 'shared_buffers'")) {
            row.next();
            long bytes = row.getLong(1);
            connection.commit();
            return bytes;
        }
    }

    @Override
    public long apply(long bytes) throws SQLException {
        if (bytes == currentBytes()) {
            return bytes;
        }
        connection.close();
        try {
            // PostgreSQL's minimum is 16 buffers of 8 kB
            server.restart(Map.of("shared_buffers", Math.max(128, bytes / 1024) + "kB"));
        } catch (IOException e) {
            throw new SQLException("PostgreSQL did not restart with shared_buffers=" + bytes + " bytes: " + e.getMessage(), e);
        } finally {
            connection = ConnectionSpec.of(server.jdbcUrl()).open();
        }
        return currentBytes();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            apply(original);
        } finally {
            connection.close();
        }
    }
}
