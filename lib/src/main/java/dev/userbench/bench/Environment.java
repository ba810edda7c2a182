package dev.userbench.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;

/** Where and with what a run was measured; the JDBC URL is always masked. */
public record Environment(String engine, String engineVersion, String driver, String driverVersion, String jdbcUrl,
                          String jvm, String os, int cpus, long users, int logins, long seed, String startedAt) {

    public static Environment capture(Connection connection, RunOptions options, Instant startedAt) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return new Environment(
                options.connection().dialect().engine().label(),
                meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(),
                meta.getDriverName(),
                meta.getDriverVersion(),
                options.connection().maskedUrl(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                options.users(), options.logins(), options.seed(), startedAt.toString());
    }
}
