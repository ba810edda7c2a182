package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.MemoryMeasurements;
import dev.userbench.bench.RunResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The charts of a run, built the same way for the notebook and for report.html, so both show the same pictures:
 * time per call by operation and layout, latency percentiles per layout, and the ratio of each comparison with its
 * interval at the level it was read at.
 */
public final class RunCharts {

    private RunCharts() {
    }

    /** Grouped bars: for each operation · variant, the measured time per operation of each layout. */
    public static Chart timePerCall(List<Measurement> measurements) {
        return Chart.groupedBars(CheckTables.timePerCall(measurements), "operation", "layout", "us_per_op")
                .title("Time per operation by operation and layout (a row for an insert)")
                .xTitle("operation · variant")
                .yTitle("µs per operation (measured time ÷ operations)");
    }

    /** Grouped bars on a log axis: p50, p90, p99 and p99.9 of one operation, one bar per layout · variant. */
    public static Chart latencyPercentiles(List<Measurement> measurements, String operation) {
        return Chart.groupedBars(CheckTables.latencyPercentiles(measurements, operation), "percentile", "series",
                        "latency_us")
                .logValues()
                .title(capitalised(operation) + " latency percentiles per layout")
                .xTitle("percentile of the latency of one call, row or batch, as each series says")
                .yTitle("µs (log scale)");
    }

    /**
     * Each comparison's ratio of costs candidate ÷ baseline with its interval and a line at 1, each bar labelled with
     * its statistic and the level its interval was read at (Holm-adjusted, not 95 %).
     */
    public static Chart ratioIntervals(RunResult result) {
        Table table = intervalsTable("comparison");
        for (Harness.ComparisonResult c : result.comparisons()) {
            append(table, c.operation() + " · " + c.variant() + (c.cacheBytes() == null ? ""
                    : " · " + Prose.mebibytes(c.cacheBytes())) + " · " + barLabel(c), c);
        }
        String pair = result.comparisons().stream().map(c -> c.candidate() + " ÷ " + c.baseline()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("candidate ÷ baseline");
        return Chart.intervals(table, "comparison", "ratio", "ci_low", "ci_high")
                .title(pair + ": cost ratio per statistic, each with its Holm-adjusted interval (level in brackets)")
                .xTitle("cost ratio (below 1: " + firstCandidate(result) + " is quicker; dashed line: no difference)")
                .size(900, 120 + 60 * Math.max(1, table.rowCount()));
    }

    /**
     * One workload's comparisons (outside any cache sweep): each candidate layout's ratio to the baseline on each
     * statistic, with its Holm-adjusted interval and a dashed line at 1.
     */
    public static Chart workloadRatios(RunResult result, String operation) {
        Table table = intervalsTable("layout");
        String baseline = "the baseline";
        String load = "";
        for (Harness.ComparisonResult c : result.comparisons()) {
            if (c.operation().equals(operation) && c.cacheBytes() == null) {
                append(table, c.candidate() + " · " + barLabel(c), c);
                baseline = c.baseline();
                load = " (" + c.threads() + " threads, " + c.distribution() + ", " + Prose.count(c.users()) + " users)";
            }
        }
        return Chart.intervals(table, "layout", "ratio", "ci_low", "ci_high")
                .title(operation + load + ": cost ÷ " + baseline + "'s, Holm-adjusted intervals (level in brackets)")
                .xTitle("ratio to " + baseline + " (below 1: quicker; dashed line: no difference)")
                .size(760, 150 + 50 * Math.max(1, table.rowCount()));
    }

    /** {@code median call (99.2 %)}: what a bar of a ratio chart shows, and the level of its interval. */
    static String barLabel(Harness.ComparisonResult c) {
        return ComparisonProse.name(c.statistic()) + " (" + Prose.level(c.confidence()) + ")";
    }

    private static Table intervalsTable(String category) {
        return Table.create("ratios", StringColumn.create(category), DoubleColumn.create("ratio"),
                DoubleColumn.create("ci_low"), DoubleColumn.create("ci_high"));
    }

    private static void append(Table table, String label, Harness.ComparisonResult c) {
        table.stringColumn(0).append(label);
        table.doubleColumn("ratio").append(c.ratio());
        table.doubleColumn("ci_low").append(c.ciLow());
        table.doubleColumn("ci_high").append(c.ciHigh());
    }

    /** Grouped bars: storage per layout, one bar per kind (table, index, TOAST), in MiB. */
    public static Chart storage(List<MemoryMeasurements.StorageEntry> footprint) {
        return Chart.groupedBars(CheckTables.storageByKind(footprint), "layout", "kind", "mib")
                .title("Storage per layout and kind (the engine's own accounting)")
                .xTitle("layout")
                .yTitle("MiB");
    }

    /** Grouped bars: pages each call read (or touched, where the engine counts hits) per layout and benchmark or workload. */
    public static Chart pagesPerLogin(List<MemoryMeasurements.WorkingSetEntry> workingSet) {
        Table table = Table.create("pages", StringColumn.create("workload"), StringColumn.create("layout"),
                DoubleColumn.create("pages"));
        boolean hits = false;
        for (MemoryMeasurements.WorkingSetEntry e : workingSet) {
            if (e.cacheBytes() == null) {
                hits |= e.pagesHit() != null;
                table.stringColumn("workload").append(e.workload());
                table.stringColumn("layout").append(e.layout());
                table.doubleColumn("pages").append(e.pagesTouched());
            }
        }
        return Chart.groupedBars(table, "workload", "layout", "pages")
                .title(hits ? "Pages touched per call (cache hits + reads)" : "Pages read per call (cache misses; no hit count)")
                .xTitle("benchmark or workload")
                .yTitle(hits ? "pages per call" : "pages read per call");
    }

    /** Lines: throughput against the engine's cache size, one line per layout (and operation, when several were swept). */
    public static Chart cacheSweepThroughput(RunResult result) {
        return Chart.lines(CheckTables.cacheSweep(result), "cache_mib", "calls_per_s", "series").logX()
                .title("Throughput vs engine cache size")
                .xTitle("engine cache (MiB, log scale)")
                .yTitle("calls per second");
    }

    /** Lines: pages each call read against the engine's cache size, one line per layout (and operation). */
    public static Chart cacheSweepPages(RunResult result) {
        return Chart.lines(CheckTables.cacheSweep(result), "cache_mib", "pages_read_per_call", "series").logX()
                .title("Pages read per call vs engine cache size")
                .xTitle("engine cache (MiB, log scale)")
                .yTitle("pages read into the cache per call");
    }

    private static String firstCandidate(RunResult result) {
        return result.comparisons().isEmpty() ? "the candidate" : result.comparisons().get(0).candidate();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
