package dev.userbench.report;

import dev.userbench.bench.Analysis;
import dev.userbench.bench.Harness;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.Trial;
import dev.userbench.bench.stats.Statistic;
import dev.userbench.bench.stats.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.userbench.bench.stats.Statistic.MEDIAN_LATENCY;
import static dev.userbench.bench.stats.Statistic.P99_LATENCY;
import static dev.userbench.bench.stats.Statistic.THROUGHPUT;
import static dev.userbench.bench.stats.Verdict.FASTER;
import static dev.userbench.bench.stats.Verdict.NEGLIGIBLE;
import static dev.userbench.bench.stats.Verdict.NO_SIGNIFICANT_DIFFERENCE;
import static dev.userbench.bench.stats.Verdict.SLOWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One sentence per comparison, and the run's summary: each names its statistic, its level, its verdict, no more. */
class FindingsVerdictsTest {

    private static String sentence(Harness.ComparisonResult c) {
        return Findings.verdicts(Comparisons.run(c)).get(0);
    }

    @Test
    void aSlowerThroughputSentenceNamesTheStatisticTheIntervalsActualLevelAndTheVerdict() {
        String text = sentence(Comparisons.of("insert", "seed", "fragmented", THROUGHPUT, 2.02, 1.5, 2.4, SLOWER));
        assertThat(text).startsWith("**insert · seed**: ")
                .contains("by throughput, fragmented takes 2.02× monolith's time per operation",
                        "(99.5 % interval 1.50–2.40)", "**slower**, 102 % more time")
                .doesNotContain("95 %");
    }

    @Test
    void aFasterMedianSentenceSaysMedianCall() {
        String text = sentence(Comparisons.of("login", "seed", "fragmented", MEDIAN_LATENCY, 0.45, 0.40, 0.51, FASTER));
        assertThat(text).contains("**login · seed**: fragmented's median call",
                "fragmented's median call takes 0.45× the time of monolith's", "**faster**, 55 % less time");
    }

    @Test
    void aP99SentenceSaysP99Call() {
        String text = sentence(Comparisons.of("login", "seed", "fragmented", P99_LATENCY, 0.8, 0.7, 0.9, FASTER));
        assertThat(text).contains("**login · seed**: fragmented's p99 call takes 0.80×");
    }

    @Test
    void aPointRatioOfTwoWithNoSignificantDifferenceSaysTheRunDoesNotShowWhichIsQuicker() {
        String text = sentence(Comparisons.of("insert", "seed", "fragmented", THROUGHPUT, 2.02, 0.84, 2.37,
                NO_SIGNIFICANT_DIFFERENCE));
        assertThat(text).contains("**no significant difference**: the interval holds 1, so this run does not show "
                        + "which is quicker")
                .doesNotContain("faster", "slower", "more time", "less time");
    }

    @Test
    void aNegligibleSentenceSaysTheDifferenceLiesWithinTheThreshold() {
        String text = sentence(Comparisons.of("login", "projected", "fragmented", MEDIAN_LATENCY, 0.98, 0.97, 0.99,
                NEGLIGIBLE));
        assertThat(text).contains("**negligible**: the interval excludes 1 but lies within ±5 %")
                .doesNotContain("faster");
    }

    @Test
    void aFasterVerdictWhoseIntervalHoldsOneIsRefusedNotPrinted() {
        RunResult contradicting = Comparisons.run(Comparisons.of("login", "seed", "fragmented", MEDIAN_LATENCY, 0.9,
                0.8, 1.1, FASTER));
        assertThatThrownBy(() -> Findings.verdicts(contradicting)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("says \"faster\" but its interval is 0.80–1.10");
    }

    @Test
    void noSignificantDifferenceWhoseIntervalExcludesOneIsRefused() {
        RunResult contradicting = Comparisons.run(Comparisons.of("login", "seed", "fragmented", MEDIAN_LATENCY, 0.5,
                0.4, 0.6, NO_SIGNIFICANT_DIFFERENCE));
        assertThatThrownBy(() -> Findings.verdictSummary(contradicting)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSummaryCountsVerdictsAndSaysTheLevelsAreHolmAdjustedOverTheRunsComparisons() {
        List<Harness.ComparisonResult> comparisons = List.of(
                Comparisons.of("insert", "seed", "fragmented", THROUGHPUT, 2.0, 1.5, 2.4, SLOWER),
                Comparisons.of("login", "seed", "fragmented", MEDIAN_LATENCY, 0.5, 0.4, 0.6, FASTER),
                Comparisons.of("login", "projected", "fragmented", MEDIAN_LATENCY, 0.98, 0.97, 0.99, NEGLIGIBLE),
                new Harness.ComparisonResult("login", "projected", "monolith", "fragmented", P99_LATENCY, 1.1, 0.9,
                        1.3, 0.9875, 0.3, 0.0125, NO_SIGNIFICANT_DIFFERENCE, 6, 2, 1, "sample", 10_000, null));
        String summary = Findings.verdictSummary(Comparisons.run(comparisons));
        assertThat(summary).startsWith("2 of 4 comparisons found a difference beyond ±5 % (1 faster, 1 slower); "
                        + "1 found one within it (negligible) and 1 could not tell the arms apart")
                .contains("The intervals were read at 98.75 % to 99.5 %, the levels Holm's procedure gives over the run's 4 "
                        + "comparisons, so that the chance that any of these verdicts wrongly excludes 1 is at most 5 %",
                        "at most 5 %")
                .doesNotContain("95 % confidence", "noise of this machine");
    }

    @Test
    void aFasterIntervalEndingJustBelowOneNeverReadsAsHoldingOne() {
        // from a real run: 0.8055 [0.7327, 0.9964] at 98.3 % is faster; at two decimals it would read 0.73–1.00
        String text = sentence(Comparisons.of("login", "projected", "fragmented", MEDIAN_LATENCY, 0.8055, 0.7327,
                0.9964, FASTER));
        assertThat(text).contains("interval 0.733–0.996): **faster**").doesNotContain("1.00)");
        assertThat(Prose.interval(0.39, 0.51)).isEqualTo("0.39–0.51");
        assertThat(Prose.interval(1.0004, 1.2)).isEqualTo("1.0004–1.2000");
    }

    @Test
    void levelsAreWrittenWithAsFewDecimalsAsTellThemFromAHundred() {
        assertThat(Prose.level(0.95)).isEqualTo("95 %");
        assertThat(Prose.level(1 - 0.05 / 30)).isEqualTo("99.8 %");
        assertThat(Prose.level(0.9995)).isEqualTo("99.95 %");
        assertThat(Prose.level(0.9875)).isEqualTo("98.75 %");
    }

    @Test
    void theAaCheckThatPassesClaimsOnlyThisRun() {
        String text = Findings.aaCheck(Comparisons.run(
                Comparisons.of("login", "seed", "monolith#2", MEDIAN_LATENCY, 1.01, 0.95, 1.07, NO_SIGNIFICANT_DIFFERENCE)));
        assertThat(text).startsWith("**A/A check passed:**").contains("in this run", "one draw",
                        "intervals read at 99.5 %, the levels Holm's procedure gives over the run's 1 comparison)")
                .doesNotContain("does not invent");
    }

    @Test
    void theAaCheckWarnsWithTheStatisticAndLevelOfEachDifference() {
        String text = Findings.aaCheck(Comparisons.run(
                Comparisons.of("insert", "seed", "monolith#2", THROUGHPUT, 1.3, 1.1, 1.5, SLOWER)));
        assertThat(text).startsWith("**A/A check warns:**")
                .contains("insert · seed, throughput 1.30× (**slower**, 99.5 % interval 1.10–1.50");
    }

    @Test
    void aClearlySlowerWriteFromSyntheticTrialsIsSaidSlowerOnThroughput() {
        // the candidate takes twice the baseline's time in every round, with drift shared by both arms
        long[] base = {100_000_000, 110_000_000, 95_000_000, 105_000_000, 98_000_000, 102_000_000};
        long[] candidate = new long[base.length];
        for (int i = 0; i < base.length; i++) {
            candidate[i] = 2 * base[i] + (i % 2 == 0 ? 3_000_000 : -3_000_000);
        }
        List<Trial> trials = Comparisons.writeTrials("insert", "seed", 1_000, base, candidate);
        List<Harness.ComparisonResult> comparisons = Analysis.comparisons(trials, Analysis.Settings.defaults(0.05, 42));
        String text = Findings.verdicts(Comparisons.run(comparisons)).get(0);
        assertThat(text).contains("**insert · seed**: by throughput, fragmented takes", "time per operation", "**slower**")
                .contains(Prose.level(comparisons.get(0).confidence()) + " interval");
    }

    @Test
    void aWriteWhoseArmsSwapLeadsRoundByRoundIsNeverSaidFasterOrSlower() {
        long[] base = new long[6];
        long[] candidate = new long[6];
        for (int i = 0; i < 6; i++) {
            base[i] = i % 2 == 0 ? 100_000_000 : 300_000_000;
            candidate[i] = i % 2 == 0 ? 300_000_000 : 100_000_000;
        }
        List<Harness.ComparisonResult> comparisons = Analysis.comparisons(
                Comparisons.writeTrials("insert", "seed", 1_000, base, candidate), Analysis.Settings.defaults(0.05, 42));
        assertThat(comparisons.get(0).verdict()).isEqualTo(NO_SIGNIFICANT_DIFFERENCE);
        assertThat(Findings.verdicts(Comparisons.run(comparisons)).get(0))
                .contains("no significant difference").doesNotContain("**faster**", "**slower**");
    }

    @Test
    void everyVerdictHasASentenceThatNamesIt() {
        List<Harness.ComparisonResult> all = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            double[] interval = switch (verdict) {
                case FASTER -> new double[] {0.5, 0.6};
                case SLOWER -> new double[] {1.5, 1.6};
                case NEGLIGIBLE -> new double[] {1.01, 1.02};
                case NO_SIGNIFICANT_DIFFERENCE -> new double[] {0.9, 1.1};
            };
            all.add(Comparisons.of("login", verdict.name(), "fragmented", Statistic.MEDIAN_LATENCY,
                    (interval[0] + interval[1]) / 2, interval[0], interval[1], verdict));
        }
        List<String> sentences = Findings.verdicts(Comparisons.run(all));
        for (int i = 0; i < all.size(); i++) {
            assertThat(sentences.get(i)).contains("**" + all.get(i).verdict().label() + "**");
        }
    }
}
