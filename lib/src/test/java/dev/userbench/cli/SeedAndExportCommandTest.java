package dev.userbench.cli;

import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.model.UserRole;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.CsvRows;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.DataCheck;
import dev.userbench.seed.UserGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SeedAndExportCommandTest {

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome userbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void seedFillsBothLayoutsOnSqliteWithTheSeededUsersAndReportsItsSpeed(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("db/seeded.db");
        Outcome outcome = userbench("seed", "--users", "2500", "--seed", "9", "--threads", "2", "--jdbc-url", url,
                "--password", "not-a-secret-to-show", "--check");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("monolith: 2500 users in", "fragmented: 2500 users in", "users/s",
                "generating", "inserting", "Data check monolith: holds the 2500 seeded users", "Peak heap used");
        assertThat(outcome.out() + outcome.err()).doesNotContain("not-a-secret-to-show");
        ConnectionSpec spec = ConnectionSpec.of(url);
        String expected = DataCheck.expected(new UserGenerator(9), 2500);
        try (Connection connection = spec.open()) {
            for (var layout : List.of(Layouts.MONOLITH, Layouts.FRAGMENTED)) {
                DataCheck.Summary summary = DataCheck.of(connection, spec.dialect().sql(layout));
                assertThat(summary.users()).isEqualTo(2500);
                assertThat(summary.checksum()).isEqualTo(expected);
            }
        }
    }

    @Test
    void seedingAgainReplacesTheTablesInsteadOfAddingToThem(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("again.db");
        assertThat(userbench("seed", "--users", "300", "--layouts", "monolith", "--jdbc-url", url).exitCode()).isZero();
        assertThat(userbench("seed", "--users", "200", "--layouts", "monolith", "--jdbc-url", url).exitCode()).isZero();
        try (Connection connection = ConnectionSpec.of(url).open()) {
            assertThat(DataCheck.of(connection, ConnectionSpec.of(url).dialect().sql(Layouts.MONOLITH)).users()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "1e3"})
    void aBadUserCountForSeedGivesOneClearLineAndAUsageExit(String users, @TempDir Path dir) {
        Outcome outcome = userbench("seed", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("x.db"), "--users", users);
        assertOneUsageLine(outcome, "--users");
        assertThat(Files.exists(dir.resolve("x.db"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "1e3"})
    void aBadUserCountForExportGivesOneClearLineAndAUsageExit(String users, @TempDir Path dir) {
        Outcome outcome = userbench("export", "--users", users, "--out", dir.resolve("x.csv").toString());
        assertOneUsageLine(outcome, "--users");
    }

    @Test
    void anUnknownExportFormatGivesOneClearLineAndAUsageExit() {
        assertOneUsageLine(userbench("export", "--users", "10", "--format", "parquet"), "--format");
    }

    @Test
    void anUnknownLayoutForSeedGivesOneClearLineAndAUsageExit(@TempDir Path dir) {
        assertOneUsageLine(userbench("seed", "--users", "10", "--layouts", "wide",
                "--jdbc-url", "jdbc:sqlite:" + dir.resolve("x.db")), "wide");
    }

    @Test
    void exportWritesAHeaderInTheMonolithsColumnOrderAndOneLinePerUser(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/users.csv");
        Outcome outcome = userbench("export", "--users", "1200", "--seed", "5", "--format", "csv", "--out", file.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1201);
        assertThat(lines.get(0)).isEqualTo(String.join(",",
                Layouts.MONOLITH.root().columns().stream().map(Field::column).toList()));
        User first = new UserGenerator(5).user(0);
        assertThat(lines.get(1)).startsWith(first.uid() + "," + first.email() + "," + first.passwordHash() + ","
                + first.role() + "," + (first.verified() ? "1" : "0") + ",")
                .endsWith("," + first.createdAt() + "," + first.lastActive());
    }

    @Test
    void exportToStandardOutputWritesTheSameLinesAsExportToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.csv");
        assertThat(userbench("export", "--users", "50", "--threads", "3", "--out", file.toString()).exitCode()).isZero();
        Outcome toStdout = userbench("export", "--users", "50", "--out", "-");
        assertThat(toStdout.exitCode()).isZero();
        assertThat(toStdout.out()).isEqualTo(Files.readString(file));
    }

    @Test
    void csvQuotesOnlyWhatNeedsQuotingAndTellsAbsentFromEmpty() {
        User user = new User(UUID.fromString("123e4567-e89b-42d3-a456-426614174000"), "a@b.c", "f".repeat(64),
                UserRole.ADMIN, true, "O'Hara, \"Jo\"", null, "", "line one\nline two", "C:\\img",
                Instant.parse("2025-03-01T12:34:56Z"), Instant.parse("2025-04-01T00:00:00Z"));
        StringBuilder line = new StringBuilder();
        CsvRows.append(line, Field.ALL, user);
        assertThat(line.toString()).isEqualTo("123e4567-e89b-42d3-a456-426614174000,a@b.c," + "f".repeat(64)
                + ",ADMIN,1,\"O'Hara, \"\"Jo\"\"\",,\"\",\"line one\nline two\",\"C:\\img\","
                + "2025-03-01T12:34:56Z,2025-04-01T00:00:00Z\n");
    }

    @Test
    void helpExplainsEveryOptionOfSeedAndExport() {
        Outcome seed = userbench("seed", "--help");
        assertThat(seed.exitCode()).isZero();
        assertThat(seed.out()).contains("--users", "--layouts", "--jdbc-url", "--user", "--password", "--seed", "--threads");
        Outcome export = userbench("export", "--help");
        assertThat(export.exitCode()).isZero();
        assertThat(export.out()).contains("--users", "--seed", "--format", "--out", "ISO-8601");
    }

    private static void assertOneUsageLine(Outcome outcome, String names) {
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err().strip()).doesNotContain("\n").contains(names).startsWith("userbench: ");
        assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
