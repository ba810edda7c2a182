package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrateCommandTest {

    @Test
    void calibrateWritesTheFalsePositiveRateIntervalAndDetectableEffectOfEveryBenchmarkAndThePlantedDifference(
            @TempDir Path dir) throws Exception {
        RunCommandTest.Outcome outcome = RunCommandTest.userbench("calibrate", "--jdbc-url",
                "jdbc:sqlite:" + dir.resolve("bench.db"), "--runs", "2", "--planted-runs", "1", "--users", "300",
                "--logins", "100", "--trials", "2", "--forks", "1", "--warmup", "1", "--warmup-max", "1",
                "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("minimum_detectable_effect", "found_slower");
        JsonNode calibration = new ObjectMapper().readTree(dir.resolve("out/calibration.json").toFile());
        assertThat(calibration.get("aa_runs").asInt()).isEqualTo(2);
        Set<String> rows = new HashSet<>();
        for (JsonNode row : calibration.get("aa")) {
            rows.add(row.get("operation").asText() + "/" + row.get("variant").asText() + "/" + row.get("statistic").asText());
            assertThat(row.get("comparisons").asInt()).isEqualTo(2);
            assertThat(row.get("false_positive_rate").asDouble()).isBetween(0.0, 1.0);
            assertThat(row.get("median_interval_width").asDouble()).isPositive();
            assertThat(row.get("minimum_detectable_effect").asDouble()).isGreaterThanOrEqualTo(1.05);
        }
        assertThat(rows).contains("insert/seed/throughput", "insert/batched/throughput", "login/seed/median_latency",
                "login/projected/median_latency");
        JsonNode planted = calibration.get("planted").get(0);
        assertThat(planted.get("operation").asText() + "/" + planted.get("variant").asText()).isEqualTo("insert/batched");
        assertThat(planted.get("candidate").asText()).isEqualTo("monolith_covering");
        assertThat(planted.get("comparisons").asInt()).isEqualTo(1);
    }

    @Test
    void calibrateRefusesZeroRunsWithOneSentence(@TempDir Path dir) {
        RunCommandTest.Outcome outcome = RunCommandTest.userbench("calibrate", "--jdbc-url",
                "jdbc:sqlite:" + dir.resolve("bench.db"), "--runs", "0");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err()).contains("--runs must be at least 1").doesNotContain("Exception");
    }

    @Test
    void aRunsReportCitesTheLatestCalibrationOfTheSameDatabaseBesideIt(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("bench.db");
        RunCommandTest.Outcome calibrated = RunCommandTest.userbench("calibrate", "--jdbc-url", url, "--runs", "1",
                "--planted-runs", "0", "--users", "200", "--logins", "50", "--trials", "2", "--forks", "1",
                "--warmup", "0", "--out", dir.resolve("results/calibration").toString());
        assertThat(calibrated.exitCode()).as(calibrated.err()).isZero();
        RunCommandTest.Outcome other = RunCommandTest.userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("other.db"),
                "--users", "200", "--logins", "50", "--trials", "2", "--forks", "1", "--warmup", "0",
                "--out", dir.resolve("results/other").toString());
        RunCommandTest.Outcome run = RunCommandTest.userbench("run", "--jdbc-url", url, "--users", "200", "--logins",
                "50", "--trials", "2", "--forks", "1", "--warmup", "0", "--out", dir.resolve("results/run").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("results/run/report.html")))
                .contains("What this machine can tell apart", "1 A/A runs");
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("results/other/report.html")))
                .contains("What this machine can tell apart</strong> was not measured");
    }
}
