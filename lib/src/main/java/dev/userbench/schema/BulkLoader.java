package dev.userbench.schema;

import dev.userbench.model.User;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How an engine takes many users into a layout's empty tables fastest while staying honest: the same
 * rows, constraints and indexes as a plain INSERT, in the caller's transaction. Each dialect picks its
 * own through {@link Dialect#bulkLoader()}; every layout of that dialect goes through the same one, so
 * layouts are compared on equal terms.
 */
public interface BulkLoader {

    /** Prepared INSERTs sent in JDBC batches: the plain path every engine supports. */
    static BulkLoader batchedInserts() {
        return BatchedInsertLoader.INSTANCE;
    }

    /** A few words for people, e.g. {@code "COPY FROM STDIN (csv)"}. */
    String description();

    /** Starts a load into the (empty) tables of the layout; the caller commits or rolls back. */
    Load start(Connection connection, LayoutSql sql) throws SQLException;

    /** One load in progress: users go in, in the order written, to every table of the layout. */
    interface Load extends AutoCloseable {

        /** Sends these users (or buffers them, up to a bound that does not grow with the load). */
        void write(List<User> users) throws SQLException;

        /** Sends what is still buffered: afterwards every user written is in the tables, uncommitted. */
        void finish() throws SQLException;

        /** Frees statements and abandons anything unfinished; safe to call after a failure. */
        @Override
        void close() throws SQLException;
    }
}
