package dev.userbench.cli;

import dev.userbench.testing.SilentServer;
import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input a user may give: one line that names the fix, the documented exit code, no stack
 * trace, and no wait longer than the connect bound. The faults are real: closed ports, a listener that
 * never answers, a wrong password on a real server, a deregistered driver, an SQLite file capped in size.
 */
@Tag("engine")
class BadInputTest {

    /** A test user on the MariaDB test server, for the wrong-password case; dropped after the class. */
    private static final String USER = "userbench_t_bad_input";
    private static final String PASSWORD = "right-Pa55word";

    /** The faults a case needs while it runs (a listener, a missing driver); closed after it. */
    interface Fault extends AutoCloseable {
        Fault NONE = () -> { };

        @Override
        void close() throws Exception;
    }

    record Case(String name, Function<Path, List<String>> arguments, ExitCode exit, String fix,
                FaultMaker fault) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface FaultMaker {
        Fault start(List<Integer> port) throws Exception;
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void createTestUser() throws SQLException {
        dropTestUser();
        for (String host : List.of("%", "localhost", "127.0.0.1")) {
            TestServers.admin(TestEngine.MARIADB, "CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void dropTestUser() throws SQLException {
        for (String host : List.of("%", "localhost", "127.0.0.1")) {
            TestServers.admin(TestEngine.MARIADB, "DROP USER IF EXISTS '" + USER + "'@'" + host + "'");
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                usage("malformed JDBC URL (no jdbc: prefix)", "write it as jdbc:",
                        "--jdbc-url", "mysql://127.0.0.1:3306/test"),
                usage("malformed JDBC URL (port not a number)", "numeric port",
                        "--jdbc-url", "jdbc:postgresql://127.0.0.1:port/test"),
                usage("unknown engine", "use a jdbc:sqlite:, jdbc:mysql:, jdbc:mariadb: or jdbc:postgresql: URL",
                        "--jdbc-url", "jdbc:oracle:thin:@127.0.0.1:1521:orcl"),
                onPort("host unreachable: closed port (mysql-connector-j)", ExitCode.CONNECTION,
                        "check that the server is running", "jdbc:mysql://127.0.0.1:%d/test", closedPort()),
                onPort("host unreachable: closed port (MariaDB Connector/J)", ExitCode.CONNECTION,
                        "check that the server is running", "jdbc:mariadb://127.0.0.1:%d/test", closedPort()),
                onPort("host unreachable: closed port (PostgreSQL)", ExitCode.CONNECTION,
                        "check that the server is running", "jdbc:postgresql://127.0.0.1:%d/test", closedPort()),
                onPort("host answers the connect and then never speaks (mysql-connector-j)", ExitCode.CONNECTION,
                        "within 10 s", "jdbc:mysql://127.0.0.1:%d/test", silentServer()),
                // pgjdbc gives up by itself after 5 s (its sslResponseTimeout); the tool's 10 s bound is the backstop
                onPort("host answers the connect and then never speaks (PostgreSQL)", ExitCode.CONNECTION,
                        "check that the server is running", "jdbc:postgresql://127.0.0.1:%d/test", silentServer()),
                new Case("wrong password", d -> List.of("--jdbc-url", mariadbServer(), "--user", USER,
                        "--password", "wrong-Pa55word"), ExitCode.CONNECTION,
                        "check --user and USERBENCH_PASSWORD (or --password)", ports -> Fault.NONE),
                new Case("database missing (MariaDB)", d -> List.of("--jdbc-url",
                        TestServers.withAddress(mariadbServer(), host(TestEngine.MARIADB), port(TestEngine.MARIADB))
                                .replaceFirst("/\\?", "/userbench_t_no_such_db?")), ExitCode.CONNECTION,
                        "name an existing one in the URL", ports -> Fault.NONE),
                new Case("database missing (PostgreSQL)", d -> List.of("--jdbc-url",
                        TestEngine.POSTGRESQL.url().replaceFirst("/[^/?]+\\?", "/userbench_t_no_such_db?")),
                        ExitCode.CONNECTION, "name an existing one in the URL", ports -> Fault.NONE),
                new Case("driver missing (PostgreSQL driver deregistered)", d -> List.of("--jdbc-url",
                        "jdbc:postgresql://127.0.0.1:5/test"), ExitCode.USAGE, "is not on the class path",
                        ports -> withoutDriver("org.postgresql.Driver")),
                usage("--users zero", "--users", "--users", "0"),
                usage("--users negative", "--users", "--users", "-5"),
                usage("--users not a number", "--users", "--users", "ten"),
                usage("--logins zero", "--logins", "--logins", "0"),
                usage("--logins not a number", "--logins", "--logins", "many"),
                usage("unknown layout name", "choose from monolith, fragmented", "--layouts", "monolith,sideways"),
                new Case("--out not writable (a file is in the way)", d -> List.of("--jdbc-url", sqlite(d),
                        "--out", d.resolve("a-file/results").toString()), ExitCode.USAGE,
                        "choose a writable folder with --out", ports -> Fault.NONE),
                new Case("--schema empty", d -> List.of("--jdbc-url", mariadbServer(), "--schema", ""),
                        ExitCode.USAGE, "give a name such as userbench", ports -> Fault.NONE),
                new Case("--schema too long", d -> List.of("--jdbc-url", mariadbServer(), "--schema", "s".repeat(64)),
                        ExitCode.USAGE, "give a shorter name", ports -> Fault.NONE),
                new Case("--schema with PostgreSQL's pg_ prefix (on MariaDB too)", d -> List.of("--jdbc-url",
                        mariadbServer(), "--schema", "pg_mine"), ExitCode.USAGE, "give a name without that prefix",
                        ports -> Fault.NONE),
                new Case("--schema too long as a MariaDB directory", d -> List.of("--jdbc-url",
                        TestEngine.POSTGRESQL.url(), "--schema", "my.schema." + ".".repeat(50)), ExitCode.USAGE,
                        "give a shorter or plainer name", ports -> Fault.NONE),
                usage("--schema on SQLite", "name a file of its own in --jdbc-url", "--schema", "mine"),
                new Case("disk full while seeding (SQLite file capped at 40 pages)", d -> List.of("--jdbc-url",
                        sqlite(d) + "?max_page_count=40", "--users", "3000"), ExitCode.RUN_FAILED,
                        "free disk space or use fewer --users", ports -> Fault.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadInputGivesOneLineNamingTheFixAndTheDocumentedExitCode(Case input) throws Exception {
        Files.writeString(dir.resolve("a-file"), "in the way of --out");
        List<Integer> ports = new ArrayList<>();
        try (Fault fault = input.fault().start(ports)) {
            List<String> args = new ArrayList<>(List.of("run", "--trials", "1", "--warmup", "0"));
            List<String> given = input.arguments().apply(dir);
            if (given.stream().noneMatch("--out"::equals)) {
                args.addAll(List.of("--out", dir.resolve("out").toString()));
            }
            if (given.stream().noneMatch("--jdbc-url"::equals)) {
                args.addAll(List.of("--jdbc-url", sqlite(dir)));
            }
            args.addAll(given.stream().map(a -> ports.isEmpty() ? a : a.replace("%d", String.valueOf(ports.get(0)))).toList());
            long start = System.nanoTime();
            Userbench.Outcome outcome = Userbench.run(args);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(input.exit().code());
            assertThat(outcome.err().strip()).as("one line").doesNotContain("\n").startsWith("userbench: ")
                    .contains(input.fix());
            assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(PASSWORD)
                    .doesNotContain("wrong-Pa55word");
            assertThat(took).as("bounded by the connect timeout").isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void moreLoginsThanUsersReusesUsersAsTheHelpSays() throws IOException {
        assertThat(Userbench.run("run", "--help").out().replaceAll("\\s+", " ")).contains("more logins than users reuse users");

        Userbench.Outcome outcome = Userbench.run("run", "--jdbc-url", sqlite(dir), "--users", "20", "--logins", "50",
                "--trials", "1", "--warmup", "0", "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/results.json"))).contains("\"ops\" : 50");
    }

    @Test
    void verboseShowsTheStackTraceAndStillNoPassword() {
        Userbench.Outcome outcome = Userbench.run("run", "--jdbc-url", mariadbServer(), "--user", USER,
                "--password", "wrong-Pa55word", "--verbose", "--out", dir.toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.CONNECTION.code());
        assertThat(outcome.err()).contains("\tat ").doesNotContain("wrong-Pa55word");
    }

    private static Case usage(String name, String fix, String... arguments) {
        return new Case(name, d -> List.of(arguments), ExitCode.USAGE, fix, ports -> Fault.NONE);
    }

    private static Case onPort(String name, ExitCode exit, String fix, String url, FaultMaker fault) {
        return new Case(name, d -> List.of("--jdbc-url", url), exit, fix, fault);
    }

    private static FaultMaker closedPort() {
        return ports -> {
            ports.add(SilentServer.closedPort());
            return Fault.NONE;
        };
    }

    private static FaultMaker silentServer() {
        return ports -> {
            SilentServer server = new SilentServer();
            ports.add(server.port());
            return server::close;
        };
    }

    /** Takes the engine's driver out of DriverManager for the case, as if its jar were missing. */
    private static Fault withoutDriver(String className) throws SQLException {
        List<Driver> removed = DriverManager.drivers().filter(d -> d.getClass().getName().equals(className)).toList();
        for (Driver driver : removed) {
            DriverManager.deregisterDriver(driver);
        }
        return () -> {
            for (Driver driver : removed) {
                DriverManager.registerDriver(driver);
            }
        };
    }

    /** The MariaDB test server's address with no database: where the tool's namespace gets created. */
    private static String mariadbServer() {
        return "jdbc:mysql://" + host(TestEngine.MARIADB) + ":" + port(TestEngine.MARIADB) + "/?connectTimeout=5000";
    }

    private static String host(TestEngine engine) {
        return TestServers.address(engine.url()).host();
    }

    private static int port(TestEngine engine) {
        return TestServers.address(engine.url()).port();
    }

    private static String sqlite(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("bench.db");
    }
}
