package dev.userbench.advisor;

import dev.userbench.definition.SplitTable;
import dev.userbench.footprint.InnodbBufferPoolProbe;
import dev.userbench.footprint.PostgresStatioProbe;
import dev.userbench.schema.Engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The pages a candidate's calls touched (hit or read), per call, from the engine's own counters as the study's
 * working-set probes read them: PostgreSQL's {@code pg_statio_user_tables} of the candidate's tables, InnoDB's
 * server-wide {@code Innodb_buffer_pool_read_requests} (other clients of the server count too). SQLite counts only
 * its cache misses (read calls), not the pages a call touched, so nothing is measured there.
 */
final class PagesPerCall {

    /** The untimed pass whose pages are counted. */
    @FunctionalInterface
    interface Pass {
        void run() throws SQLException;
    }

    private PagesPerCall() {
    }

    static boolean measurable(Engine engine) {
        return engine != Engine.SQLITE;
    }

    static Double measure(Connection connection, Engine engine, SplitTable split, long calls, Pass pass)
            throws SQLException {
        switch (engine) {
            case POSTGRESQL -> {
                PostgresStatioProbe.flush(connection);
                PostgresStatioProbe.Blocks before = PostgresStatioProbe.read(connection, split.tableNames());
                pass.run();
                PostgresStatioProbe.flush(connection);
                PostgresStatioProbe.Blocks after = PostgresStatioProbe.read(connection, split.tableNames());
                return (double) (after.hit() + after.read() - before.hit() - before.read()) / calls;
            }
            case MYSQL -> {
                InnodbBufferPoolProbe.Pages before = InnodbBufferPoolProbe.read(connection);
                pass.run();
                InnodbBufferPoolProbe.Pages after = InnodbBufferPoolProbe.read(connection);
                connection.commit();
                return (double) (after.requests() - before.requests()) / calls;
            }
            default -> {
                return null;
            }
        }
    }
}
