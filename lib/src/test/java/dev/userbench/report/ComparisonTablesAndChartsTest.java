package dev.userbench.report;

import dev.userbench.bench.Analysis;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.userbench.bench.stats.Statistic.MEDIAN_LATENCY;
import static dev.userbench.bench.stats.Statistic.P99_LATENCY;
import static dev.userbench.bench.stats.Verdict.FASTER;
import static dev.userbench.bench.stats.Verdict.NO_SIGNIFICANT_DIFFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The tables, charts and results.csv name what a comparison compares and the level its interval was read at. */
class ComparisonTablesAndChartsTest {

    private static RunResult fromTrials() {
        long[] base = {100_000_000, 110_000_000, 95_000_000, 105_000_000};
        long[] candidate = {150_000_000, 160_000_000, 140_000_000, 150_000_000};
        List<Trial> trials = Comparisons.writeTrials("insert", "seed", 1_000, base, candidate);
        return RunResult.of(RunResult.COMPLETE, null, null, null, trials, Analysis.Settings.defaults(0.05, 42),
                List.of(), List.of(), List.of(), null, null, List.of());
    }

    @Test
    void theComparisonsTableNamesTheStatisticAndTheHolmAdjustedLevelOfEachInterval() {
        RunResult run = Comparisons.run(
                Comparisons.of("login", "seed", "fragmented", MEDIAN_LATENCY, 0.5, 0.4, 0.6, FASTER),
                Comparisons.of("login", "seed", "fragmented", P99_LATENCY, 0.9, 0.7, 1.2, NO_SIGNIFICANT_DIFFERENCE));
        Table table = ResultTables.comparisons(run);
        assertThat(table.stringColumn("statistic").asList()).containsExactly("median_latency", "p99_latency");
        assertThat(table.doubleColumn("confidence").asList()).containsExactly(Comparisons.CONFIDENCE, Comparisons.CONFIDENCE);
        assertThat(table.doubleColumn("alpha_adjusted").get(0)).isEqualTo(1 - Comparisons.CONFIDENCE);
        assertThat(table.name()).doesNotContain("95 %", "median per-call latency)");
        assertThat(ResultTables.console(table)).contains("0.995", "0.005");
    }

    @Test
    void theMeasurementsTableSaysWhatOneLatencyIsOf() {
        Table table = ResultTables.measurements(fromTrials());
        assertThat(table.stringColumn("call_unit").asList()).containsExactly("row", "row");
        assertThat(table.longColumn("calls").get(0)).isEqualTo(4_000);
    }

    @Test
    void resultsCsvCarriesTheCallUnit(@TempDir Path directory) throws IOException {
        Path csv = ResultsCsv.write(fromTrials(), directory);
        assertThat(Files.readAllLines(csv).get(0)).contains("call_unit");
    }

    @Test
    void eachBarOfTheRatioChartNamesItsStatisticAndItsIntervalsLevel() {
        RunResult run = fromTrials();
        String level = Prose.level(run.comparisons().get(0).confidence());
        Chart chart = RunCharts.ratioIntervals(run);
        assertThat(chart.html()).contains("insert · seed · throughput (" + level + ")");
        assertThat(chart.title()).contains("Holm-adjusted").doesNotContain("95 %", "median");
    }

    @Test
    void theReportStatesTheVerdictRuleWithThisRunsThresholdAndLevels() {
        RunResult run = fromTrials();
        String html = RunReport.page(run).html();
        assertThat(html).contains("How verdicts are decided.", Html.escape(VerdictRule.RULE),
                "the threshold is ±5 % and alpha 0.05 over 1 comparison, so their intervals were read at 95 %");
    }

    @Test
    void aPercentileChartSaysWhenOneLatencyIsARowOrABatch() {
        Table table = CheckTables.latencyPercentiles(fromTrials().measurements(), "insert");
        assertThat(table.stringColumn("series").asList()).contains("monolith · seed (per row)",
                "fragmented · seed (per row)");
    }

    @Test
    void theLatencySummarySaysWhatItsPercentilesAreOf() {
        Table table = CheckTables.latencySummary(fromTrials().measurements());
        assertThat(table.columnNames()).contains("calls", "call_unit", "p50_us");
        assertThat(table.stringColumn("call_unit").get(0)).isEqualTo("row");
    }
}
