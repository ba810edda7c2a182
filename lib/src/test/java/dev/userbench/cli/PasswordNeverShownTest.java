package dev.userbench.cli;

import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs as a MariaDB user with a real password, given every way the tool accepts it, and finds that
 * password nowhere: not on the console, not in results.json, results.csv or any other file written.
 */
@Tag("engine")
class PasswordNeverShownTest {

    private static final String USER = "userbench_t_secret";
    private static final String NAMESPACE = "userbench_t_secret_ns";
    /** Odd characters on purpose: they are where URL masking tends to leak. */
    private static final String PASSWORD = "Zq7-s3cr&t;@:/%x=Pw";
    private static final List<String> HOSTS = List.of("%", "localhost", "127.0.0.1");
    private static final List<String> SMALL = List.of("--schema", NAMESPACE, "--users", "200", "--logins", "50",
            "--trials", "1", "--warmup", "10");

    @TempDir
    Path dir;

    @BeforeAll
    static void createUser() throws SQLException {
        dropUser();
        for (String host : HOSTS) {
            TestServers.admin(TestEngine.MARIADB,
                    "CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'",
                    "GRANT ALL PRIVILEGES ON `" + NAMESPACE + "`.* TO '" + USER + "'@'" + host + "'");
        }
    }

    @AfterAll
    static void dropUser() throws SQLException {
        for (String host : HOSTS) {
            TestServers.admin(TestEngine.MARIADB, "DROP USER IF EXISTS '" + USER + "'@'" + host + "'");
        }
        TestServers.dropNamespace(TestEngine.MARIADB, NAMESPACE);
    }

    private static String server() {
        TestServers.Address address = TestServers.address(TestEngine.MARIADB.url());
        return "jdbc:mysql://" + address.host() + ":" + address.port() + "/";
    }

    @Test
    void givenWithPasswordTheRunSucceedsAndWritesItNowhere() throws Exception {
        Path out = dir.resolve("option");
        Userbench.Outcome outcome = Userbench.run(Userbench.args(List.of("run", "--jdbc-url", server(), "--user", USER,
                "--password", PASSWORD, "--out", out.toString()), SMALL.toArray(String[]::new)));

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(Files.exists(out.resolve("results.json"))).isTrue();
        assertNowhere(outcome.console() + Userbench.filesUnder(out));
    }

    @Test
    void givenInTheUrlTheRunSucceedsAndShowsTheUrlMasked() throws Exception {
        Path out = dir.resolve("url");
        String url = server() + "?user=" + USER + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        Userbench.Outcome outcome = Userbench.run(Userbench.args(List.of("run", "--jdbc-url", url,
                "--out", out.toString()), SMALL.toArray(String[]::new)));

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(Files.readString(out.resolve("results.json"))).contains("password=***");
        assertNowhere(outcome.console() + Userbench.filesUnder(out));
    }

    @Test
    void givenInUserbenchPasswordTheRunSucceedsAndWritesItNowhere() throws Exception {
        Path out = dir.resolve("environment");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = JavaProcess.start(Map.of("USERBENCH_PASSWORD", PASSWORD), stdout, stderr,
                Userbench.args(List.of("run", "--jdbc-url", server(), "--user", USER, "--out", out.toString()),
                        SMALL.toArray(String[]::new)));
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
        assertNowhere(Files.readString(stdout) + Files.readString(stderr) + Userbench.filesUnder(out));
    }

    @Test
    void aFailingRunWithThePasswordDoesNotShowItEither() throws Exception {
        Path out = dir.resolve("failing");
        String url = server() + "?user=" + USER + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        // a mistyped option echoes its value back in picocli's message, a namespace the user may not create fails
        Userbench.Outcome mistyped = Userbench.run("run", "--jdbc-url", server(), "--pasword", PASSWORD);
        Userbench.Outcome forbidden = Userbench.run("run", "--jdbc-url", url, "--schema", "userbench_t_not_granted",
                "--verbose", "--out", out.toString());

        assertThat(mistyped.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(forbidden.exitCode()).isNotZero();
        assertThat(forbidden.err()).contains("userbench_t_not_granted");
        assertNowhere(mistyped.console() + forbidden.console() + Userbench.filesUnder(out));
    }

    private static void assertNowhere(String everything) {
        assertThat(everything).isNotBlank()
                .doesNotContain(PASSWORD)
                .doesNotContain(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))
                .doesNotContain("s3cr&t");
    }
}
