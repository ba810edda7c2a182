package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.stats.Verdict;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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

/**
 * "What changes": the study's insert and login claims against the trials' verdicts, the single measurements of
 * Part 2, storage and memory. A sentence names a cause only when the run measured it; none of these do.
 */
class FindingsChangesTest {

    /** Causes the run never measures: no sentence may state them. */
    private static final String[] UNMEASURED_CAUSES = {"Batching removes", "flush", "made its insert slow",
            "made the study's insert slow", "second table itself", "penalty", "columns it returns", "explains",
            "wider rows cost", "fewer users in every page", "came from fetching"};

    private static Harness.ComparisonResult insert(String variant, double ratio, double low, double high, Verdict v) {
        return Comparisons.of("insert", variant, "fragmented", THROUGHPUT, ratio, low, high, v);
    }

    private static Harness.ComparisonResult login(String variant, double ratio, double low, double high, Verdict v) {
        return Comparisons.of("login", variant, "fragmented", MEDIAN_LATENCY, ratio, low, high, v);
    }

    @Test
    void anInsertSlowerRowByRowAndNotShownBatchedSaysSoAndNamesNoCause() {
        String text = Findings.insertChange(2.4, Comparisons.run(insert("seed", 2.02, 1.6, 2.4, SLOWER),
                insert("batched", 1.1, 0.95, 1.3, NO_SIGNIFICANT_DIFFERENCE)));
        assertThat(text).contains("took 2.40× the monolith's time in Part 1 (one measurement)",
                        "by throughput, fragmented takes 2.02× monolith's time per operation (99.5 % interval 1.60–2.40)",
                        "A difference was shown row by row (slower) and not in batches (no significant difference).",
                        "How much of the row-by-row time batching removes was not measured")
                .doesNotContain(UNMEASURED_CAUSES);
    }

    @Test
    void anInsertWithAPointRatioOfTwoButNoSignificantDifferenceProducesNoCausalSentence() {
        String text = Findings.insertChange(2.4, Comparisons.run(
                insert("seed", 2.02, 0.84, 2.37, NO_SIGNIFICANT_DIFFERENCE),
                insert("batched", 1.2, 0.9, 1.5, NO_SIGNIFICANT_DIFFERENCE)));
        assertThat(text).contains("Neither row by row nor in batches did the trials show a difference")
                .doesNotContain(UNMEASURED_CAUSES).doesNotContain("**slower**", "more time");
    }

    @Test
    void anInsertSlowerBothWaysSaysTheDifferenceWasShownBothWays() {
        String text = Findings.insertChange(2.4, Comparisons.run(insert("seed", 2.0, 1.6, 2.4, SLOWER),
                insert("batched", 1.4, 1.2, 1.6, SLOWER)));
        assertThat(text).contains("A difference was shown both row by row (slower) and in batches (slower).")
                .doesNotContain(UNMEASURED_CAUSES);
    }

    @Test
    void anInsertCompareOnlyItsPrimaryStatisticNotAP99() {
        String text = Findings.insertChange(2.4, Comparisons.run(
                Comparisons.of("insert", "seed", "fragmented", P99_LATENCY, 9.0, 8.0, 10.0, SLOWER),
                insert("seed", 2.0, 1.6, 2.4, SLOWER), insert("batched", 1.4, 1.2, 1.6, SLOWER)));
        assertThat(text).doesNotContain("9.00×");
    }

    @Test
    void withoutInsertComparisonsTheSentenceSaysTheyWereNotMade() {
        assertThat(Findings.insertChange(2.0, Comparisons.run())).isEqualTo("**Insert.** The trials did not compare inserts.");
    }

    @Test
    void aLoginNotShownFasterWithTheStudysQueryDoesNotBlameTheMonolithsColumns() {
        String text = Findings.loginChange(0.5, Comparisons.run(login("seed", 0.98, 0.9, 1.07, NO_SIGNIFICANT_DIFFERENCE),
                login("projected", 1.0, 0.93, 1.08, NO_SIGNIFICANT_DIFFERENCE)));
        assertThat(text).contains("this run does not show it: with the study's query the trials cannot tell the "
                        + "layouts apart",
                        "Neither with the study's query nor with only the login columns did the trials show a difference")
                .doesNotContain(UNMEASURED_CAUSES);
    }

    @Test
    void aLoginFasterWithTheStudysQueryOnlySaysWhereTheDifferenceWasShownNotWhy() {
        String text = Findings.loginChange(0.5, Comparisons.run(login("seed", 0.45, 0.40, 0.51, FASTER),
                login("projected", 1.0, 0.93, 1.08, NO_SIGNIFICANT_DIFFERENCE)));
        assertThat(text).contains("this run supports it with the study's query",
                        "fragmented's median call takes 0.45× the time of monolith's (99.5 % interval 0.40–0.51): **faster**",
                        "A difference was shown with the study's query (faster) and not with only the login columns",
                        "Why the layouts differ (the columns returned, the width of the table, the pages read) was not measured")
                .doesNotContain(UNMEASURED_CAUSES);
    }

    @Test
    void aLoginSlowerWithTheStudysQueryContradictsTheHypothesis() {
        String text = Findings.loginChange(0.5, Comparisons.run(login("seed", 1.3, 1.2, 1.4, SLOWER),
                login("projected", 1.3, 1.2, 1.4, SLOWER)));
        assertThat(text).contains("this run contradicts it").doesNotContain("supports");
    }

    @Test
    void aNegligibleLoginDifferenceIsTooSmallToCount() {
        String text = Findings.loginChange(0.5, Comparisons.run(login("seed", 0.98, 0.97, 0.99, NEGLIGIBLE),
                login("projected", 1.0, 0.93, 1.08, NO_SIGNIFICANT_DIFFERENCE)));
        assertThat(text).contains("lies within ±5 %, too small to count").doesNotContain("supports");
    }

    @Test
    void withoutLoginComparisonsTheSentenceSaysTheyWereNotMade() {
        assertThat(Findings.loginChange(0.5, Comparisons.run(insert("seed", 2.0, 1.6, 2.4, SLOWER))))
                .isEqualTo("**Login.** The trials did not compare logins.");
    }

    private static Measurement once(String layout, String operation, String variant, double seconds, double p50,
                                    double p99) {
        return new Measurement(layout, operation, variant, 1, 1_000, seconds, List.of(seconds), p50, p50, p50, p50, p99,
                p99, p99 * 2, 1, 1_000 / seconds, 1_000, "call", 1, 1, "sample", 10_000, null, null);
    }

    @Test
    void theSingleBatchedInsertMeasurementStatesNoCauseWhateverItsRatios() {
        String text = Findings.fairInsert(once("monolith", "insert", "batched", 0.1, 1, 2),
                once("fragmented", "insert", "batched", 0.1, 1, 2), 3.0);
        assertThat(text).contains("measured once each", "1.00× the monolith's time, against 3.00×",
                        "single measurements without an interval", "insert · seed and insert · batched")
                .doesNotContain(UNMEASURED_CAUSES);
    }

    @Test
    void theSingleLoginMeasurementsStateNoCauseWhateverTheirRatios() {
        String text = Findings.fairLogin(0.4, 1.0);
        assertThat(text).contains("Measured once each", "0.40×", "1.00×", "single measurements without an interval",
                "login · seed and login · projected").doesNotContain(UNMEASURED_CAUSES);
    }

    @Test
    void theTailSentenceNamesTheMedianAndTheP99AsOneMeasurementEach() {
        String text = Findings.tail(List.of(once("monolith", "login", "seed", 1, 10, 30),
                once("fragmented", "login", "seed", 1, 8, 40)));
        assertThat(text).contains("median login call measured 8.00 µs to 10.0 µs",
                "on fragmented (seed): its p99 call is 40.0 µs",
                "5.00× its median", "One measurement each").doesNotContain("fragile");
    }

    private static Table storageTable() {
        return Table.create("Storage per layout", StringColumn.create("layout", "monolith", "fragmented"),
                LongColumn.create("bytes", 4L << 20, 5L << 20), LongColumn.create("login_table_bytes", 4L << 20, 1L << 20));
    }

    @Test
    void storageReadsItsTypedEntriesFromTheTable() {
        assertThat(Findings.storage(storageTable())).isEqualTo("**Storage.** The fragmented layout takes 1.25× the "
                + "space of the monolith (5.00 MiB against 4.00 MiB, 25 % more); its login table with its indexes "
                + "alone is 1.00 MiB, 25 % of the monolith.");
    }

    @Test
    void aStorageTableWithARenamedColumnFailsLoudlyInsteadOfPrintingNaN() {
        Table renamed = storageTable();
        renamed.longColumn("login_table_bytes").setName("auth_bytes");
        assertThatThrownBy(() -> Findings.storage(renamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column login_table_bytes");
    }

    @Test
    void whatTheRunCannotSayAboutMemoryMakesNoClaimAboutTheOperatingSystemsCache() {
        RunResult run = Comparisons.run();
        String text = Findings.memoryNotYetMeasured(storageTable(), run);
        assertThat(text).contains("Nothing above measured memory", "The whole monolith is 4.00 MiB here",
                "Part 4's question").doesNotContain("operating system", "file cache", "serves every page");
        assertThat(Findings.memoryNotYetMeasured((Table) null, run)).doesNotContain("null", "operating system");
    }
}
