package dev.userbench.bench.workload;

import java.sql.SQLException;

/** One kind of operation bound to one client's connection and statements. */
public interface Step extends AutoCloseable {

    /**
     * Does the operation once: picks its user and makes its values untimed, then times the database
     * work up to and including the commit.
     *
     * @return the timed nanoseconds
     */
    long perform() throws SQLException;

    @Override
    void close() throws SQLException;
}
