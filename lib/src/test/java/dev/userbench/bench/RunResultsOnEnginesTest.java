package dev.userbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userbench.report.ResultsJson;
import dev.userbench.seed.Progress;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("engine")
class RunResultsOnEnginesTest {

    private static final Map<TestEngine, List<String>> SETTINGS = Map.of(
            TestEngine.SQLITE, List.of("page_size", "cache_size", "journal_mode", "synchronous"),
            TestEngine.MARIADB, List.of("innodb_buffer_pool_size", "innodb_flush_log_at_trx_commit", "innodb_page_size"),
            TestEngine.POSTGRESQL, List.of("shared_buffers", "synchronous_commit", "fsync"));

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void resultsCarryTheEngineSettingsStatisticsAndComparisons(TestEngine engine) throws Exception {
        RunOptions options = RunOptions.defaults(engine.connection()).withUsers(200).withLogins(30).withTrials(2)
                .withWarmup(1, 1).withCold(true);
        RunResult result = new BenchmarkRun(options, Progress.NONE).execute();
        JsonNode json = ResultsJson.mapper().readTree(ResultsJson.toJson(result));

        assertThat(json.get("status").asText()).isEqualTo("complete");
        JsonNode settings = json.at("/environment/settings");
        for (String setting : SETTINGS.get(engine)) {
            assertThat(settings.hasNonNull(setting)).as(setting).isTrue();
        }
        for (String field : List.of("jvm_flags", "cpu_model", "cpus", "tool_version", "options", "cache_state")) {
            assertThat(json.at("/environment").has(field)).as(field).isTrue();
        }
        assertThat(json.at("/environment/cache_state").asText())
                .startsWith(engine == TestEngine.SQLITE ? "cold" : "warm only");
        for (JsonNode m : json.get("measurements")) {
            for (String field : List.of("trials", "p90_us", "p999_us", "max_us", "stdev_us", "ops_per_s")) {
                assertThat(m.has(field)).as(field).isTrue();
            }
            assertThat(m.get("trials").asInt()).isEqualTo(2);
        }
        assertThat(json.get("comparisons")).hasSize(4).allSatisfy(c -> {
            for (String field : List.of("operation", "variant", "baseline", "candidate", "ratio", "ci_low", "ci_high", "verdict")) {
                assertThat(c.has(field)).as(field).isTrue();
            }
            assertThat(c.get("verdict").asText()).isIn("faster", "slower", "no significant difference", "negligible");
        });
        assertThat(json.get("warmups")).hasSize(8);
    }
}
