package dev.userbench.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How an engine takes many rows into empty tables fastest while staying honest: the same rows, constraints and
 * indexes as a plain INSERT, in the caller's transaction. Each dialect picks its own through
 * {@link Dialect#bulkLoader()}; every layout of that dialect, and every part of a table definition the advisor
 * splits, goes through the same one, so layouts are compared on equal terms and any table loads as fast as users.
 */
public interface BulkLoader {

    /** Prepared INSERTs sent in JDBC batches: the plain path every engine supports. */
    static BulkLoader batchedInserts() {
        return BatchedInsertLoader.INSTANCE;
    }

    /** A few words for people, e.g. {@code "COPY FROM STDIN (csv)"}. */
    String description();

    /**
     * Starts a load into the (empty) tables, in the order given (a referenced table first); the caller commits or
     * rolls back.
     */
    <R> Load<R> start(Connection connection, Dialect dialect, List<LoadTable<R>> tables) throws SQLException;

    /** One load in progress: rows go in, in the order written, to every table. */
    interface Load<R> extends AutoCloseable {

        /** Sends these rows (or buffers them, up to a bound that does not grow with the load). */
        void write(List<R> rows) throws SQLException;

        /** Sends what is still buffered: afterwards every row written is in the tables, uncommitted. */
        void finish() throws SQLException;

        /** Frees statements and abandons anything unfinished; safe to call after a failure. */
        @Override
        void close() throws SQLException;
    }
}
