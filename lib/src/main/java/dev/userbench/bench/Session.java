package dev.userbench.bench;

import dev.userbench.schema.ConnectionSpec;

import java.sql.Connection;
import java.sql.SQLException;

/** The run's connection, which a cold measurement replaces by a fresh one (and a fresh page cache). */
public final class Session implements AutoCloseable {

    private final ConnectionSpec spec;
    private volatile Connection connection;

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

    /**
     * Cuts the connection from another thread. {@link Connection#abort} closes the socket under a running
     * statement; SQLite's driver does nothing on abort, so close it, which waits for the current step.
     */
    public void abort() {
        Connection current = connection;
        try {
            current.abort(Runnable::run);
            if (!current.isClosed()) {
                current.close();
            }
        } catch (SQLException | RuntimeException ignored) {
            // already broken: that is what was wanted
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
