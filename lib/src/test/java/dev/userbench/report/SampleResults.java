package dev.userbench.report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small benchmark-shaped tables and one chart of each kind, shared by the tests. */
final class SampleResults {
    private SampleResults() {
    }

    static Table timePerOperation() {
        return Table.create("time per operation",
                StringColumn.create("operation", "insert", "insert", "login", "login", "profile read", "profile read"),
                StringColumn.create("layout", "monolith", "split", "monolith", "split", "monolith", "split"),
                DoubleColumn.create("ms_per_op", 0.114, 0.292, 0.176, 0.159, 0.21, 0.35));
    }

    static Table loginRatios() {
        return Table.create("split / monolith",
                StringColumn.create("engine", "SQLite", "MariaDB", "PostgreSQL"),
                DoubleColumn.create("ratio", 0.90, 0.75, 0.88),
                DoubleColumn.create("ci_low", 0.79, 0.70, 0.81),
                DoubleColumn.create("ci_high", 1.23, 0.81, 0.95));
    }

    static Table throughputByCache() {
        return Table.create("throughput",
                IntColumn.create("cache_mb", 8, 16, 32, 64, 128, 8, 16, 32, 64, 128),
                DoubleColumn.create("logins_per_s", 1200, 1900, 4100, 9800, 10100, 2500, 6900, 9900, 10300, 10400),
                StringColumn.create("layout", "monolith", "monolith", "monolith", "monolith", "monolith",
                        "split", "split", "split", "split", "split"));
    }

    static Table loginLatencyPercentiles() {
        return Table.create("login latency",
                StringColumn.create("layout", "monolith", "split", "covering index"),
                DoubleColumn.create("p1", 0.081, 0.072, 0.070),
                DoubleColumn.create("p25", 0.120, 0.101, 0.099),
                DoubleColumn.create("p50", 0.151, 0.130, 0.128),
                DoubleColumn.create("p75", 0.201, 0.170, 0.166),
                DoubleColumn.create("p99", 0.610, 0.420, 0.401));
    }

    static Chart barChart() {
        return Chart.groupedBars(timePerOperation(), "operation", "layout", "ms_per_op")
                .title("Time per operation by layout").yTitle("ms per operation");
    }

    static Chart intervalChart() {
        return Chart.intervals(loginRatios(), "engine", "ratio", "ci_low", "ci_high")
                .title("Login time, split ÷ monolith (95 % CI)").xTitle("ratio (below 1: split is faster)");
    }

    static Chart lineChart() {
        return Chart.lines(throughputByCache(), "cache_mb", "logins_per_s", "layout").logX()
                .title("Throughput vs cache size").xTitle("cache (MB)").yTitle("logins per second");
    }

    static Chart boxChart() {
        return Chart.percentileBoxes(loginLatencyPercentiles(), "layout", BoxColumns.of("p1", "p25", "p50", "p75", "p99"))
                .title("Login latency per layout").yTitle("latency (ms): p1 · p25 · p50 · p75 · p99");
    }
}
