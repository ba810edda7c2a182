package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userbench.schema.Engine;
import dev.userbench.testing.KeywordTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code advise} from the command line: proposals, the proof, and advice in results.json. */
class AdviseCommandTest {

    private static final String DEFINITIONS = "src/main/resources/dev/userbench/definition/";

    @Test
    void adviseWritesTheCandidatesTheirVerdictsAndARecommendation(@TempDir Path dir) throws Exception {
        Userbench.Outcome outcome = Userbench.run("advise", "--table", DEFINITIONS + "users.sql",
                "--queries", DEFINITIONS + "users.queries.sql", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("a.db"),
                "--users", "300", "--ops", "200", "--trials", "2", "--warmup", "1", "--warmup-max", "1",
                "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("Proposed", "single_table", "Recommended:");
        JsonNode advice = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).path("advice");
        assertThat(advice.path("candidates").size()).isGreaterThan(1);
        assertThat(advice.path("candidates").get(0).path("name").asText()).isEqualTo("single_table");
        List<JsonNode> proposed = new ArrayList<>();
        advice.path("candidates").forEach(proposed::add);
        proposed.remove(0);
        assertThat(proposed).anySatisfy(c -> assertThat(c.path("column_groups").size()).isGreaterThan(1));
        assertThat(proposed).anySatisfy(c -> assertThat(c.path("covering_index").get(0).asText()).isEqualTo("email"));
        assertThat(proposed).allSatisfy(c -> assertThat(c.path("verdict").asText()).isNotEmpty());
        String recommended = advice.path("recommended").asText();
        assertThat(recommended).isIn(advice.path("candidates").findValuesAsText("name"));
    }

    @Test
    void adviseWritesAReportWithEachCandidatesGroupsVerdictAndTheRecommendation(@TempDir Path dir) throws Exception {
        Userbench.Outcome outcome = Userbench.run("advise", "--table", DEFINITIONS + "products.sql",
                "--queries", DEFINITIONS + "products.queries.sql", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("a.db"),
                "--users", "300", "--ops", "200", "--trials", "2", "--warmup", "0", "--warmup-max", "0",
                "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("report.html");
        JsonNode advice = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).path("advice");
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("Recommended: " + advice.path("recommended").asText(), "How verdicts are decided");
        for (JsonNode candidate : advice.path("candidates")) {
            List<String> firstGroup = new ArrayList<>();
            candidate.path("column_groups").get(0).forEach(column -> firstGroup.add(column.asText()));
            assertThat(html).contains(candidate.path("name").asText(), "{" + String.join(", ", firstGroup) + "}");
            if (candidate.has("verdict")) {
                assertThat(html).contains(candidate.path("verdict").asText());
            }
        }
    }

    @Test
    void aTableWhoseColumnsAreKeywordsGetsProposalsQuotedAsItsDialectQuotesThem(@TempDir Path dir) throws Exception {
        Path table = Files.writeString(dir.resolve("t.sql"), KeywordTable.ddl(Engine.POSTGRESQL) + ";\n");
        Path queries = Files.writeString(dir.resolve("q.sql"), KeywordTable.queries(Engine.POSTGRESQL));

        Userbench.Outcome outcome = Userbench.run("advise", "--table", table.toString(), "--queries", queries.toString(),
                "--jdbc-url", "jdbc:sqlite:" + dir.resolve("a.db"), "--propose-only");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("Proposed", "single_table", "order", "desc", "group");
    }

    @Test
    void aTableWhoseColumnsAreKeywordsIsSeededMeasuredAndAdvised(@TempDir Path dir) throws Exception {
        Path table = Files.writeString(dir.resolve("t.sql"), KeywordTable.ddl(Engine.SQLITE) + ";\n");
        Path queries = Files.writeString(dir.resolve("q.sql"), KeywordTable.queries(Engine.SQLITE));

        Userbench.Outcome outcome = Userbench.run("advise", "--table", table.toString(), "--queries", queries.toString(),
                "--jdbc-url", "jdbc:sqlite:" + dir.resolve("a.db"), "--users", "200", "--ops", "50", "--trials", "2",
                "--warmup", "0", "--warmup-max", "0", "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode advice = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).path("advice");
        assertThat(advice.path("candidates").size()).isGreaterThan(1);
        assertThat(advice.path("candidates").findValuesAsText("name")).contains(advice.path("recommended").asText());
    }

    @Test
    void aTableFileThatDoesNotExistIsAUsageErrorNamingTheOption(@TempDir Path dir) {
        Userbench.Outcome outcome = Userbench.run("advise", "--table", dir.resolve("none.sql").toString(),
                "--queries", DEFINITIONS + "users.queries.sql", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("a.db"));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--table").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("a.db"))).isFalse();
    }

    @Test
    void aMisspelledQueryIsOneSentenceNamingItWithoutTheParsersInternals(@TempDir Path dir) throws Exception {
        Path queries = Files.writeString(dir.resolve("q.sql"), "-- weight: 1\nSELEC title FROM products WHERE product_id = ?;\n");

        Userbench.Outcome outcome = Userbench.run("advise", "--table", DEFINITIONS + "products.sql",
                "--queries", queries.toString(), "--jdbc-url", "jdbc:sqlite:" + dir.resolve("a.db"));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().strip()).doesNotContain("\n").contains("q1", "SELEC")
                .doesNotContain("Exception", "jsqlparser");
    }

    @Test
    void aTableFileThatIsNotSqlIsOneSentenceWithoutTheParsersInternals(@TempDir Path dir) throws Exception {
        Path table = Files.writeString(dir.resolve("t.sql"), "CREATE TABEL products (id INTEGER PRIMARY KEY);\n");

        Userbench.Outcome outcome = Userbench.run("advise", "--table", table.toString(),
                "--queries", DEFINITIONS + "products.queries.sql", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("a.db"));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().strip()).doesNotContain("\n").contains("CREATE TABLE")
                .doesNotContain("Exception", "jsqlparser");
    }
}
