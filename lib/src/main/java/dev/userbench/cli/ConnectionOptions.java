package dev.userbench.cli;

import dev.userbench.schema.ConnectionSpec;
import picocli.CommandLine.Option;

/** Where a command connects: the options every database command shares, the password never echoed. */
final class ConnectionOptions {

    static final String PASSWORD_VARIABLE = "USERBENCH_PASSWORD";

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Database to work in: jdbc:sqlite:FILE, jdbc:mysql://HOST:PORT/DB (mysql-connector-j), "
                    + "jdbc:mariadb://HOST:PORT/DB (MariaDB Connector/J) or jdbc:postgresql://HOST:PORT/DB. "
                    + "Default: the SQLite file temp/db/benchmarking_user.db.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "Database user, if not in the URL.")
    String user;

    @Option(names = "--password", paramLabel = "SECRET",
            description = "Database password; prefer the environment variable " + PASSWORD_VARIABLE + ", which is "
                    + "read when this is absent. Never printed or stored.")
    String password;

    ConnectionSpec spec() {
        return new ConnectionSpec(jdbcUrl != null ? jdbcUrl : defaultUrl(), user, password());
    }

    private String password() {
        if (password != null) {
            return password;
        }
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    static String defaultUrl() {
        return "jdbc:sqlite:" + Main.home().resolve("temp/db/benchmarking_user.db");
    }
}
