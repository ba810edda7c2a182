package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome userbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void aRunOnSqliteWritesEveryLayoutOperationAndVariantWithPositiveFigures(@TempDir Path dir) throws Exception {
        Outcome outcome = userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("db/bench.db"),
                "--users", "500", "--logins", "100", "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        assertThat(results.at("/data_check/equal").asBoolean()).isTrue();
        assertThat(results.at("/data_check/monolith_count").asLong()).isEqualTo(500);
        assertThat(results.at("/data_check/fragmented_count").asLong()).isEqualTo(500);
        for (String field : List.of("engine", "engine_version", "driver", "driver_version", "jdbc_url", "jvm", "os",
                "cpus", "users", "logins", "seed", "started_at")) {
            assertThat(results.at("/environment").has(field)).as(field).isTrue();
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode m : results.get("measurements")) {
            seen.add(m.get("layout").asText() + "/" + m.get("operation").asText() + "/" + m.get("variant").asText());
            for (String figure : List.of("ops", "total_seconds", "mean_us", "p50_us", "p95_us", "p99_us")) {
                assertThat(m.get(figure).asDouble()).as(figure + " of " + m).isPositive();
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(
                "monolith/insert/seed", "fragmented/insert/seed", "monolith/insert/batched", "fragmented/insert/batched",
                "monolith/login/seed", "fragmented/login/seed", "monolith/login/projected", "fragmented/login/projected");
        assertThat(Files.readAllLines(dir.resolve("out/results.csv"))).hasSize(9);
        assertThat(outcome.out()).contains("Data check: every layout holds the same 500 users");
    }

    @Test
    void theHistogramsAreExportedInHdrHistogramsOwnFormats(@TempDir Path dir) throws Exception {
        Outcome outcome = userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("bench.db"), "--users", "200",
                "--logins", "50", "--trials", "2", "--forks", "1", "--out", dir.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();

        Path log = dir.resolve("histograms/histograms.hlog");
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        try (org.HdrHistogram.HistogramLogReader reader = new org.HdrHistogram.HistogramLogReader(log.toFile())) {
            for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                counts.put(h.getTag(), ((org.HdrHistogram.Histogram) h).getTotalCount());
            }
        }
        // a batched insert times each batch as one call: 200 users are one batch of the default 1,000, once a trial
        assertThat(counts).containsEntry("monolith.login.projected", 100L).containsEntry("fragmented.insert.batched", 2L)
                .hasSize(8);
        assertThat(dir.resolve("histograms/fragmented.login.seed.hgrm")).content().contains("Value     Percentile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "1e3"})
    void aBadUserCountGivesOneClearLineAndAUsageExit(String users, @TempDir Path dir) {
        Outcome outcome = userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("x.db"), "--users", users,
                "--out", dir.toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err().strip()).doesNotContain("\n").contains("--users").startsWith("userbench: ");
        assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anEmbeddedServerWithoutItsModuleSaysHowToGetIt(@TempDir Path dir) {
        Outcome outcome = userbench("run", "--jdbc-url", "embedded:postgres", "--out", dir.toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err().strip()).doesNotContain("\n").contains("optional module embedded/", "./userbench");
    }

    @Test
    void helpExplainsEveryOptionOfRun() {
        Outcome outcome = userbench("run", "--help");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("--jdbc-url", "--users", "--logins", "--seed", "--out", "--layouts",
                "--workloads", "--threads", "--ops", "--distribution", "--zipf-constant", "--mix");
    }

    @Test
    void workloadsSweptOverTwoSizesGoIntoOneResultsFileWithTheirLoadAndADataCheckAfterWrites(@TempDir Path dir)
            throws Exception {
        Outcome outcome = userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("db/bench.db"),
                "--users", "200,300", "--workloads", "login,mixed", "--threads", "2", "--ops", "20", "--trials", "2",
                "--forks", "1", "--warmup", "10", "--layouts", "monolith,fragmented_hot_touch", "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        Set<String> seen = new HashSet<>();
        for (JsonNode m : results.get("measurements")) {
            seen.add(m.get("layout").asText() + "/" + m.get("operation").asText() + "/" + m.get("users").asLong());
            assertThat(m.get("threads").asInt()).isEqualTo(2);
            assertThat(m.get("distribution").asText()).isEqualTo("zipfian");
            assertThat(m.get("ops").asLong()).isEqualTo(2 * 20 * 2);
        }
        assertThat(seen).containsExactlyInAnyOrder(
                "monolith/login/200", "fragmented_hot_touch/login/200", "monolith/mixed/200", "fragmented_hot_touch/mixed/200",
                "monolith/login/300", "fragmented_hot_touch/login/300", "monolith/mixed/300", "fragmented_hot_touch/mixed/300");
        assertThat(results.get("comparisons")).hasSize(4);
        JsonNode checks = results.get("workload_checks");
        assertThat(checks).hasSize(2);
        for (JsonNode check : checks) {
            assertThat(check.get("workload").asText()).isEqualTo("mixed");
            assertThat(check.get("consistent").asBoolean()).isTrue();
            assertThat(check.get("layouts")).hasSize(2);
        }
        assertThat(results.at("/environment/options/workloads").toString()).contains("login", "mixed");
        assertThat(outcome.out()).contains("Data check after mixed (200 users seeded)", "Data check after mixed (300 users seeded)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"login70", "login=seventy", "logon=70", "login=70,,signup=1", "login=-1", "login=1,login=2"})
    void aMalformedMixGivesOneClearLineAndAUsageExit(String mix, @TempDir Path dir) {
        Outcome outcome = userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("x.db"), "--workloads", "mixed",
                "--mix", mix, "--out", dir.toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err().strip()).doesNotContain("\n").startsWith("userbench: --mix");
        assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve("x.db"))).as("nothing was run").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--workloads=logn", "--distribution=pareto", "--threads=0", "--ops=0", "--zipf-constant=1"})
    void aWrongWorkloadOptionGivesOneLineNamingItAndAUsageExit(String option, @TempDir Path dir) {
        Outcome outcome = userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("x.db"), option,
                "--out", dir.toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err().strip()).doesNotContain("\n").startsWith("userbench: ")
                .contains(option.substring(0, option.indexOf('=')));
    }

    @Test
    void theStudysLoginsCountOneStatementAndOneRowPerLoginOnEveryLayout(@TempDir Path dir) throws Exception {
        Outcome outcome = userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("db/bench.db"),
                "--users", "300", "--logins", "50", "--trials", "2", "--forks", "1", "--warmup", "0",
                "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        int logins = 0;
        for (JsonNode m : results.get("measurements")) {
            if (m.get("operation").asText().equals("login")) {
                logins++;
                assertThat(m.get("statements_per_op").asDouble()).as(m.toString()).isEqualTo(1.0);
                assertThat(m.get("rows_per_op").asDouble()).as(m.toString()).isEqualTo(1.0);
                assertThat(m.get("bytes_per_op").asDouble()).as(m.toString()).isPositive();
            }
        }
        assertThat(logins).isEqualTo(4);
    }

    @Test
    void aRunThroughHibernateNamesEachArmsAccessAndMappingAndCountsEveryArmsStatements(@TempDir Path dir)
            throws Exception {
        Outcome outcome = userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("db/bench.db"),
                "--access", "jdbc,hibernate", "--users", "200", "--workloads", "login", "--ops", "20", "--trials", "2",
                "--forks", "1", "--warmup", "1", "--warmup-max", "1", "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        Set<String> arms = new HashSet<>();
        Map<String, Double> bytesPerOp = new HashMap<>();
        for (JsonNode m : results.get("measurements")) {
            arms.add(m.get("layout").asText() + " " + m.get("access").asText() + " " + m.path("mapping").asText("-"));
            assertThat(m.get("statements_per_op").asDouble()).as(m.get("layout").asText()).isPositive();
            assertThat(m.get("bytes_per_op").asDouble()).as(m.get("layout").asText()).isPositive();
            bytesPerOp.put(m.get("layout").asText(), m.get("bytes_per_op").asDouble());
        }
        // heap per login, counted in the untimed heap pass: a session and an entity cost more than a row's columns
        assertThat(bytesPerOp.get("monolith:hibernate:entity")).isGreaterThan(bytesPerOp.get("monolith"));
        assertThat(arms).containsExactlyInAnyOrder("monolith jdbc -", "fragmented jdbc -",
                "monolith:hibernate:entity hibernate entity", "monolith:hibernate:projection hibernate projection",
                "fragmented:hibernate:one_to_one hibernate one_to_one",
                "fragmented:hibernate:one_to_one_inverse hibernate one_to_one_inverse",
                "fragmented:hibernate:secondary_table hibernate secondary_table",
                "fragmented:hibernate:projection hibernate projection");
        for (JsonNode c : results.get("comparisons")) {
            if (c.get("candidate").asText().contains(":hibernate:")) {
                assertThat(c.get("access").asText()).isEqualTo("hibernate");
                assertThat(c.get("baseline_access").asText()).isIn("jdbc", "hibernate");
            }
        }
        assertThat(outcome.out()).contains("Statements per operation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hibernate", "jdbc,jooq"})
    void anAccessWithoutJdbcOrUnknownGivesOneClearLineAndAUsageExit(String access, @TempDir Path dir) {
        Outcome outcome = userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("x.db"), "--access", access,
                "--workloads", "login", "--out", dir.toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err().strip()).doesNotContain("\n").startsWith("userbench: --access");
    }
}
