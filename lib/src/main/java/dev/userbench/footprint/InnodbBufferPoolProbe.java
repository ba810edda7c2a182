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
 */
public final class InnodbBufferPoolProbe implements WorkingSetProbe {

    static final String COUNTER = "Innodb_buffer_pool_read_requests/reads (server-wide)";

    record Pages(long requests, long reads) {
    }

    @Override
    public WorkingSet measure(Connection connection, Layout layout, String workload, long operations, SqlWork work)
            throws Exception {
        Pages before = read(connection);
        work.run();
        Pages after = read(connection);
        long requests = after.requests() - before.requests();
        long reads = after.reads() - before.reads();
        return new WorkingSet(layout.name(), workload, operations, Math.max(0, requests - reads), reads, COUNTER);
    }

    static Pages read(Connection connection) throws SQLException {
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
