package dev.userbench.footprint;

import dev.userbench.schema.Engine;
import dev.userbench.schema.Layout;

import java.sql.Connection;

/**
 * Reads an engine's page counters before and after a workload and reports the difference as a
 * {@link WorkingSet}. One implementation per engine, from {@link #forEngine(Engine)}:
 * <ul>
 * <li>PostgreSQL ({@link PostgresStatioProbe}): {@code pg_statio_user_tables} of the layout's tables —
 *     heap, index and TOAST blocks hit and read; only the layout's tables count.</li>
 * <li>MariaDB/MySQL ({@link InnodbBufferPoolProbe}): the server-wide
 *     {@code Innodb_buffer_pool_read_requests} / {@code Innodb_buffer_pool_reads}; any other activity on
 *     the server during the workload is counted too.</li>
 * <li>SQLite ({@link SqliteReadCallsProbe}): SQLite has no cache-miss counter reachable from sqlite-jdbc,
 *     so the figure is the read system calls of the measuring thread ({@code /proc/thread-self/io syscr},
 *     Linux only; the work must run on the calling thread):
 *     without mmap every page SQLite's cache misses is one {@code read}. Hits are not known.</li>
 * </ul>
 */
public interface WorkingSetProbe {

    /**
     * Runs the workload and returns the pages it touched.
     *
     * @param connection the connection the workload runs on (PostgreSQL flushes that backend's
     *                   counters through it); it must not be inside an open transaction afterwards,
     *                   i.e. the workload commits or rolls back
     */
    WorkingSet measure(Connection connection, Layout layout, String workload, long operations, SqlWork work)
            throws Exception;

    static WorkingSetProbe forEngine(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> new PostgresStatioProbe();
            case MYSQL -> new InnodbBufferPoolProbe();
            case SQLITE -> new SqliteReadCallsProbe();
        };
    }
}
