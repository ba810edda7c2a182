package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.MemoryMeasurements;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.stats.Statistic;
import dev.userbench.bench.stats.Verdict;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Parts 3 and 4 of the notebook: the tables, charts and sentences built from a run's workload and memory figures. */
class WorkloadAndMemoryReportTest {

    private static final long MIB = 1024 * 1024;

    private static Harness.ComparisonResult comparison(String operation, String candidate, double ratio, double low,
                                                       double high, String verdict, Long cacheBytes) {
        Statistic statistic = operation.equals("profile_view") ? Statistic.THROUGHPUT : Statistic.MEDIAN_LATENCY;
        return new Harness.ComparisonResult(operation, "workload", "monolith", candidate, statistic, ratio, low, high,
                0.99, 0.001, 0.01, Verdict.fromLabel(verdict), 6, 2, 2, "zipfian", 2_000, cacheBytes);
    }

    /** The study's projected login at a cache size of a sweep. */
    private static Harness.ComparisonResult sweptComparison(double ratio, double low, double high, String verdict,
                                                            long cacheBytes) {
        return new Harness.ComparisonResult("login", "projected", "monolith", "fragmented", Statistic.MEDIAN_LATENCY,
                ratio, low, high, 0.99, 0.001, 0.01, Verdict.fromLabel(verdict), 6, 2, 1, "sample", 10_000, cacheBytes);
    }

    private static Measurement swept(String layout, double opsPerS, long cacheBytes) {
        return new Measurement(layout, "login", "projected", 3, 600, 600 / opsPerS, List.of(1.0, 1.0, 1.0), 10, 10,
                12, 13, 15, 20, 30, 2, opsPerS, 600, "call", 1, 1, "sample", 10_000, null, cacheBytes);
    }

    private static List<MemoryMeasurements.StorageEntry> footprint() {
        return List.of(
                new MemoryMeasurements.StorageEntry("monolith", "user_monolith", "table", 4 * MIB, 10_000),
                new MemoryMeasurements.StorageEntry("monolith", "ix_user_monolith_email", "index", MIB / 2, 10_000),
                new MemoryMeasurements.StorageEntry("monolith", "sqlite_autoindex_user_monolith_1", "index", MIB / 2, 10_000),
                new MemoryMeasurements.StorageEntry("fragmented", "user_auth", "table", MIB, 10_000),
                new MemoryMeasurements.StorageEntry("fragmented", "ix_user_auth_email", "index", MIB / 2, 10_000),
                new MemoryMeasurements.StorageEntry("fragmented", "user_profile", "table", 3 * MIB, 10_000),
                new MemoryMeasurements.StorageEntry("fragmented", "sqlite_autoindex_user_profile_1", "index", MIB / 2, 10_000));
    }

    private static RunResult memoryRun() {
        List<Measurement> measurements = List.of(swept("monolith", 1_000, MIB), swept("fragmented", 2_000, MIB),
                swept("monolith", 5_000, 5 * MIB), swept("fragmented", 4_000, 5 * MIB));
        List<Harness.ComparisonResult> comparisons = List.of(
                sweptComparison(0.5, 0.4, 0.6, "faster", MIB),
                sweptComparison(1.2, 1.1, 1.3, "slower", 5 * MIB));
        String counter = "read syscalls of the measuring thread (/proc/thread-self/io syscr; SQLite cache misses)";
        List<MemoryMeasurements.WorkingSetEntry> workingSet = List.of(
                new MemoryMeasurements.WorkingSetEntry("monolith", "login/projected", 10_000, null, 100, null, 0.01, counter),
                new MemoryMeasurements.WorkingSetEntry("fragmented", "login/projected", 10_000, null, 100, null, 0.02, counter),
                new MemoryMeasurements.WorkingSetEntry("monolith", "login/projected", 10_000, MIB, 100, null, 1.5, counter),
                new MemoryMeasurements.WorkingSetEntry("fragmented", "login/projected", 10_000, MIB, 100, null, 0.5, counter),
                new MemoryMeasurements.WorkingSetEntry("monolith", "login/projected", 10_000, 5 * MIB, 100, null, 0.0, counter),
                new MemoryMeasurements.WorkingSetEntry("fragmented", "login/projected", 10_000, 5 * MIB, 100, null, 0.0, counter));
        return new RunResult(RunResult.COMPLETE, null, null, null, measurements, comparisons, List.of(), footprint(),
                workingSet, new MemoryMeasurements.Heap(904, 312, 904 / 312.0, "jol"),
                new MemoryMeasurements.Sweep("PRAGMA cache_size", true, 2_048_000, List.of(MIB, 5 * MIB)), List.of(),
                List.of());
    }

    private static RunResult workloadRun() {
        List<Harness.ComparisonResult> comparisons = new ArrayList<>(List.of(
                comparison("login", "fragmented", 0.95, 0.87, 1.05, "no significant difference", null),
                comparison("login", "fragmented_hot_touch", 0.89, 0.81, 0.98, "faster", null),
                comparison("profile_view", "fragmented", 1.19, 1.09, 1.32, "slower", null),
                comparison("profile_view", "fragmented_hot_touch", 0.98, 0.90, 1.06, "no significant difference", null)));
        return new RunResult(RunResult.COMPLETE, null, null, null, List.of(), comparisons, List.of(), List.of(),
                List.of(), null, null, List.of(), List.of());
    }

    @Test
    void eachWorkloadNamesItsWinnerWithTheIntervalOrSaysNoLayoutBeatsTheBaseline() {
        List<String> verdicts = Findings.workloadVerdicts(workloadRun());
        assertThat(verdicts).hasSize(2);
        assertThat(verdicts.get(0)).startsWith("**login** (2 threads, zipfian over 2,000 users): ")
                .contains("**fragmented_hot_touch wins** on the median call: fragmented_hot_touch's median call takes 0.89× the time of "
                        + "monolith's (99 % interval 0.81–0.98, 11 % less time)")
                .contains("fragmented 0.95× (no significant difference: 99 % interval 0.87–1.05 holds 1)");
        assertThat(verdicts.get(1)).startsWith("**profile_view** (").contains("**no layout beats monolith** on the throughput")
                .contains("fragmented 1.19× (**slower**, 99 % interval 1.09–1.32, 19 % more time)");
        assertThat(Findings.workloadScore(workloadRun())).contains("**Against monolith, over 2 workloads:** ",
                "fragmented faster in 0, slower in 1, not told apart in 1",
                "fragmented_hot_touch faster in 1, slower in 0, not told apart in 1");
    }

    @Test
    void aWorkloadChartHasOneIntervalPerCandidateAndAStaticPicture() {
        Chart chart = RunCharts.workloadRatios(workloadRun(), "login");
        assertThat(chart.title()).contains("login (2 threads, zipfian, 2,000 users)", "monolith", "Holm-adjusted")
                .doesNotContain("95 %");
        assertThat(chart.html()).contains("<svg", "fragmented_hot_touch · median call (99 %)");
    }

    @Test
    void theFootprintTableNamesTheTableEachIndexBelongsToAndTheLoginTableIsAShareOfTheMonolith() {
        Table objects = CheckTables.footprint(footprint());
        assertThat(objects.rowCount()).isEqualTo(7);
        assertThat(objects.stringColumn("table").get(4)).isEqualTo("user_auth");
        assertThat(objects.stringColumn("table").get(6)).isEqualTo("user_profile");

        Table hot = CheckTables.hotAndCold(footprint());
        assertThat(hot.longColumn("bytes").asList()).containsExactly(5 * MIB, 5 * MIB);
        assertThat(hot.longColumn("login_table_bytes").asList()).containsExactly(5 * MIB, 3 * MIB / 2);
        assertThat(hot.doubleColumn("login_table_vs_first").get(1)).isEqualTo(0.3);
        assertThat(Findings.footprint(footprint())).contains("monolith takes 5.00 MiB",
                "its login table with its indexes 1.50 MiB, **30 %** of monolith");

        Table byKind = CheckTables.storageByKind(footprint());
        assertThat(byKind.rowCount()).isEqualTo(4);
        assertThat(RunCharts.storage(footprint()).html()).contains("<svg");
    }

    @Test
    void theSweepTablePairsThroughputWithPagesAndTheVerdictIsComputedFromThem() {
        RunResult run = memoryRun();
        Table sweep = CheckTables.cacheSweep(run);
        assertThat(sweep.rowCount()).isEqualTo(4);
        assertThat(sweep.stringColumn("layout").asList()).containsExactly("monolith", "monolith", "fragmented", "fragmented");
        assertThat(sweep.doubleColumn("pages_read_per_call").asList()).containsExactly(1.5, 0.0, 0.5, 0.0);
        assertThat(sweep.doubleColumn("cache_vs_first_layout").get(0)).isEqualTo(0.2);

        String verdict = Findings.memoryVerdict(run);
        assertThat(verdict).contains("**30 %** of monolith's storage",
                "For login/projected, at a cache of 1.00 MiB (20 % of monolith) fragmented read 0.50 pages per call against 1.50; at 5.00 MiB, 0.00 against 0.00",
                "Size by size, fragmented's median call against monolith's: 1.00 MiB faster (0.50×, 99 % interval 0.40–0.60), "
                        + "5.00 MiB slower (1.20×, 99 % interval 1.10–1.30).",
                "The order of the layouts **changes between 1.00 MiB and 5.00 MiB** of cache",
                "**Verdict on the memory claim:** it holds here")
                .doesNotContain("must stay cached");
        assertThat(RunCharts.cacheSweepThroughput(run).html()).contains("<svg");
        assertThat(RunCharts.cacheSweepPages(run).html()).contains("<svg");
    }

    @Test
    void theWorkingSetCaveatSaysSqliteCountsMissesOnlyAndTheHeapSentenceGivesBothRows() {
        RunResult run = memoryRun();
        Table pages = CheckTables.workingSet(run.workingSet());
        assertThat(pages.rowCount()).isEqualTo(2);
        assertThat(pages.name()).contains("SQLite cache misses");
        assertThat(pages.doubleColumn("pages_hit").isMissing(0)).isTrue();
        assertThat(Findings.workingSetCaveat(run.workingSet())).contains("SQLite cache misses", "pages read into the cache (misses)");
        assertThat(RunCharts.pagesPerLogin(run.workingSet()).title()).contains("no hit count");
        assertThat(Findings.heap(run.heap())).contains("904 bytes", "312 bytes", "2.90×", "jol");
        assertThat(CheckTables.heap(run.heap()).rowCount()).isEqualTo(2);
    }

    @Test
    void aFixedCacheGivesTheNotMeasuredSentenceWithTheCacheAndTheDataSizes() {
        RunResult run = memoryRun();
        RunResult fixed = new RunResult(run.status(), null, null, null, List.of(), List.of(), List.of(),
                run.footprint(), List.of(), run.heap(), new MemoryMeasurements.Sweep("shared_buffers", false, 128 * MIB,
                List.of(), "fixed", "monolith", 5 * MIB, List.of()), List.of(), List.of());
        assertThat(Findings.memoryVerdict(fixed)).contains("**Verdict on the memory claim: not measured here:** the cache "
                + "is fixed at 128.00 MiB (shared_buffers, which this run may not change), the data is 5.00 MiB (monolith)")
                .doesNotContain("holds here");
    }

    @Test
    void aSweepWithOneDistinctSizeOrACacheLargerThanTheDataConcludesNothing() {
        RunResult run = memoryRun();
        RunResult oneSize = new RunResult(run.status(), null, null, null,
                List.of(swept("monolith", 1_000, 8 * MIB), swept("fragmented", 2_000, 8 * MIB)),
                List.of(sweptComparison(0.5, 0.4, 0.6, "faster", 8 * MIB)), List.of(), run.footprint(),
                List.of(), run.heap(), new MemoryMeasurements.Sweep("innodb_buffer_pool_size", true, 128 * MIB,
                List.of(8 * MIB), "swept", "monolith", 5 * MIB, List.of(new MemoryMeasurements.SkippedSize(MIB, 8 * MIB,
                "asked for 1.00 MiB, the engine made it 8.00 MiB, a size already measured"))), List.of(), List.of());
        assertThat(Findings.memoryVerdict(oneSize)).contains("Of the 2 cache sizes asked for, 1 was not measured",
                "not measured here:** the engine took only one distinct cache size, 8.00 MiB, for data of 5.00 MiB");
    }

    @Test
    void withoutASweepTheVerdictSaysSo() {
        RunResult run = memoryRun();
        RunResult noSweep = new RunResult(run.status(), null, null, null, List.of(), List.of(), List.of(),
                run.footprint(), List.of(), run.heap(), null, List.of(), List.of());
        assertThat(Findings.memoryVerdict(noSweep)).contains("No cache sweep ran");
    }

    @Test
    void fewerPagesWithoutAFasterVerdictIsNotTheClaimHolding() {
        RunResult run = memoryRun();
        List<Harness.ComparisonResult> notShown = List.of(
                sweptComparison(0.9, 0.8, 1.05, "no significant difference", MIB),
                sweptComparison(1.0, 0.9, 1.1, "no significant difference", 5 * MIB));
        RunResult noDifference = new RunResult(run.status(), null, null, null, run.measurements(), notShown, List.of(),
                run.footprint(), run.workingSet(), run.heap(), run.cacheSweep(), List.of(), List.of());
        assertThat(Findings.memoryVerdict(noDifference))
                .contains("the split read fewer pages per call at the smallest cache (a count), but it was "
                        + "not shown faster there (0.90× (no significant difference",
                        "The verdicts do not change side across the sizes swept.")
                .doesNotContain("it holds here", "changes between");
    }

    @Test
    void severalFasterLayoutsWhoseIntervalsOverlapAreNotRanked() {
        RunResult run = Comparisons.run(
                Comparisons.workload("login", "fragmented", Statistic.MEDIAN_LATENCY, 0.80, 0.70, 0.90, Verdict.FASTER),
                Comparisons.workload("login", "fragmented_hot", Statistic.MEDIAN_LATENCY, 0.78, 0.72, 0.86, Verdict.FASTER));
        String verdict = Findings.workloadVerdicts(run).get(0);
        assertThat(verdict).contains("**several layouts beat monolith** on the median call (fragmented, fragmented_hot), and their "
                + "intervals overlap: the data cannot rank them").doesNotContain("wins");
    }

    @Test
    void theFasterLayoutWhoseIntervalIsClearOfTheOthersWins() {
        RunResult run = Comparisons.run(
                Comparisons.workload("login", "fragmented", Statistic.MEDIAN_LATENCY, 0.85, 0.80, 0.90, Verdict.FASTER),
                Comparisons.workload("login", "fragmented_hot", Statistic.MEDIAN_LATENCY, 0.60, 0.55, 0.65, Verdict.FASTER));
        assertThat(Findings.workloadVerdicts(run).get(0)).contains("**fragmented_hot wins**",
                "its interval lies clear of the other faster layouts'", "fragmented 0.85× (faster, 99.5 % interval");
    }

    @Test
    void aSmallerPointRatioWithoutAFasterVerdictIsNoWinner() {
        RunResult run = Comparisons.run(
                Comparisons.workload("login", "fragmented", Statistic.MEDIAN_LATENCY, 0.5, 0.2, 1.3,
                        Verdict.NO_SIGNIFICANT_DIFFERENCE),
                Comparisons.workload("login", "fragmented_hot", Statistic.MEDIAN_LATENCY, 0.98, 0.97, 0.99, Verdict.NEGLIGIBLE));
        assertThat(Findings.workloadVerdicts(run).get(0)).contains("**no layout beats monolith** on the median call beyond the threshold")
                .doesNotContain("wins");
    }

    @Test
    void theScoreCountsEachWorkloadOnceOnItsPrimaryStatistic() {
        RunResult run = Comparisons.run(
                Comparisons.workload("login", "fragmented", Statistic.MEDIAN_LATENCY, 0.8, 0.7, 0.9, Verdict.FASTER),
                Comparisons.workload("login", "fragmented", Statistic.P99_LATENCY, 1.5, 1.2, 1.8, Verdict.SLOWER));
        assertThat(Findings.workloadVerdicts(run)).hasSize(2);
        assertThat(Findings.workloadScore(run)).contains("over 1 workload:**", "fragmented faster in 1, slower in 0");
    }

    @Test
    void theStudysVariantsOfOneOperationAreNamedApart() {
        RunResult run = Comparisons.run(
                Comparisons.of("login", "seed", "fragmented", Statistic.MEDIAN_LATENCY, 0.5, 0.4, 0.6, Verdict.FASTER),
                Comparisons.of("login", "projected", "fragmented", Statistic.MEDIAN_LATENCY, 1.0, 0.9, 1.1,
                        Verdict.NO_SIGNIFICANT_DIFFERENCE));
        List<String> verdicts = Findings.workloadVerdicts(run);
        assertThat(verdicts.get(0)).startsWith("**login · seed** (1 thread, sample over 10,000 users): **fragmented wins**");
        assertThat(verdicts.get(1)).startsWith("**login · projected** (").contains("**no layout beats monolith**");
    }
}
