package dev.userbench.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connect with an upper bound on its whole length. The drivers' connectTimeout covers the TCP connect
 * only: a server (or anything else on that port) that accepts and then never speaks would hold
 * mysql-connector-j or pgjdbc forever. The attempt runs on a daemon thread; one that gives up late closes
 * the connection it finally got, so nothing leaks on the server.
 */
final class BoundedConnect {

    @FunctionalInterface
    interface Attempt {
        Connection connect() throws SQLException;
    }

    private BoundedConnect() {
    }

    static Connection within(Duration limit, String maskedUrl, Attempt attempt) throws SQLException {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(attempt.connect());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "userbench-connect");
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(result);
            throw new SQLTimeoutException("no answer from " + maskedUrl + " within " + limit.toSeconds()
                    + " s (is that the database's host and port?)", "08001");
        } catch (InterruptedException e) {
            abandon(result);
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while connecting to " + maskedUrl, "08001", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SQLException(cause);
        }
    }

    private static void abandon(CompletableFuture<Connection> result) {
        result.thenAccept(connection -> {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nobody is waiting for this connection any more; closing is a courtesy to the server
            }
        });
    }
}
