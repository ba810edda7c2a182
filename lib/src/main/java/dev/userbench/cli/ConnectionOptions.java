package dev.userbench.cli;

import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Namespace;
import picocli.CommandLine.Option;

/**
 * Where a command connects and which namespace it works in: the options every database command shares
 * (run, seed, clean), so they read and behave the same everywhere. The password is never echoed.
 */
final class ConnectionOptions {

    static final String PASSWORD_VARIABLE = "USERBENCH_PASSWORD";

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Database to work in: jdbc:sqlite:FILE, jdbc:mysql://HOST:PORT/DB (mysql-connector-j), "
                    + "jdbc:mariadb://HOST:PORT/DB (MariaDB Connector/J) or jdbc:postgresql://HOST:PORT/DB; for run also "
                    + "embedded:postgres / embedded:mariadb, a server the tool starts and stops itself, and "
                    + "cluster:postgres?shards=N / cluster:mariadb?shards=N, a local sharded cluster. "
                    + "Default: the SQLite file temp/db/benchmarking_user.db.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "Database user, if not in the URL.")
    String user;

    @Option(names = "--password", paramLabel = "SECRET",
            description = "Database password; prefer the environment variable " + PASSWORD_VARIABLE + ", which is "
                    + "read when this is absent. Never printed or stored.")
    String password;

    @Option(names = "--schema", paramLabel = "NAME",
            description = "The database (MySQL/MariaDB) or schema (PostgreSQL) that holds the tool's tables; created "
                    + "and marked as the tool's when absent. The URL's database is only where the tool connects. "
                    + "Not for SQLite, whose file is the tool's (default: " + Namespace.DEFAULT_NAME + ").")
    String schema;

    /** The URL asked for, or the default SQLite file. */
    String url() {
        return jdbcUrl != null ? jdbcUrl : defaultUrl();
    }

    ConnectionSpec spec(boolean allowExisting) {
        return spec(url(), allowExisting);
    }

    /** The connection to {@code url} (e.g. an embedded server's) in the namespace; --schema is refused on SQLite. */
    ConnectionSpec spec(String url, boolean allowExisting) {
        ConnectionSpec plain = new ConnectionSpec(url, user, password());
        if (schema != null && plain.dialect().namespaceKind().equals("file")) {
            throw new UsageException("--schema does not apply to SQLite, whose database file is the tool's: "
                    + "name a file of its own in --jdbc-url instead");
        }
        return plain.withNamespace(new Namespace(schema == null ? Namespace.DEFAULT_NAME : schema, allowExisting));
    }

    String password() {
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
