package dev.userbench.bench;

import dev.userbench.schema.ConnectionSpec;

import java.sql.Connection;
import java.sql.SQLException;

/** The run's connection, which a cold measurement replaces by a fresh one (and a fresh page cache). */
public final class Session implements AutoCloseable {

    private final ConnectionSpec spec;
    private Connection connection;

    public Session(ConnectionSpec spec) throws SQLException {
        this.spec = spec;
        this.connection = spec.open();
    }

    public ConnectionSpec spec() {
        return spec;
    }

    public Connection connection() {
        return connection;
    }

    public Connection reopen() throws SQLException {
        connection.close();
        connection = spec.open();
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
