package dev.userbench.cluster;

import dev.userbench.bench.Measurement;
import dev.userbench.bench.RunResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A sharded run's results as tables: per layout and operation, the latency and the shards one operation touched. */
public final class ClusterTables {

    private ClusterTables() {
    }

    /**
     * Median latency and shards touched of one operation per layout and shard count, over runs on clusters of
     * different sizes (a shard sweep): the rows of a latency-vs-shards chart.
     */
    public static Table byShards(java.util.List<RunResult> runs, String operation) {
        Table table = Table.create(operation + " by shard count", DoubleColumn.create("shards"),
                StringColumn.create("layout"), DoubleColumn.create("p50_us"), DoubleColumn.create("mean_us"),
                DoubleColumn.create("shards_touched"));
        for (RunResult run : runs) {
            int shards = run.environment().cluster().shards();
            for (Measurement m : run.measurements()) {
                if (m.operation().equals(operation)) {
                    table.doubleColumn("shards").append(shards);
                    table.stringColumn("layout").append(m.layout());
                    table.doubleColumn("p50_us").append(m.p50Us());
                    table.doubleColumn("mean_us").append(m.meanUs());
                    table.doubleColumn("shards_touched").append(m.shardsTouched() == null ? Double.NaN : m.shardsTouched());
                }
            }
        }
        return table;
    }

    /**
     * A shard sweep in one table: per operation, layout and shard count the median and mean call, the shards one
     * operation touched, and the harness's comparison of the median call against the baseline layout at that shard
     * count (ratio, interval, verdict; empty on the baseline's own rows).
     */
    public static Table sweep(java.util.List<RunResult> runs) {
        Table table = Table.create("Latency by shard count", StringColumn.create("operation"),
                StringColumn.create("layout"), IntColumn.create("shards"), DoubleColumn.create("shards_touched"),
                DoubleColumn.create("p50_us"), DoubleColumn.create("mean_us"), DoubleColumn.create("ratio"),
                DoubleColumn.create("ci_low"), DoubleColumn.create("ci_high"), StringColumn.create("verdict"));
        java.util.List<Measurement> rows = new java.util.ArrayList<>();
        java.util.Map<Measurement, RunResult> runOf = new java.util.IdentityHashMap<>();
        for (RunResult run : runs) {
            for (Measurement m : run.measurements()) {
                if (m.cacheBytes() == null) {
                    rows.add(m);
                    runOf.put(m, run);
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(Measurement::operation).thenComparing(Measurement::layout)
                .thenComparingInt(m -> runOf.get(m).environment().cluster().shards()));
        for (Measurement m : rows) {
            RunResult run = runOf.get(m);
            java.util.Optional<dev.userbench.bench.Harness.ComparisonResult> against = run.comparisons().stream()
                    .filter(c -> c.cacheBytes() == null && c.statistic() == dev.userbench.bench.stats.Statistic.MEDIAN_LATENCY
                            && c.operation().equals(m.operation()) && c.variant().equals(m.variant())
                            && c.users() == m.users() && c.candidate().equals(m.layout()))
                    .findFirst();
            table.stringColumn("operation").append(m.operation());
            table.stringColumn("layout").append(m.layout());
            table.intColumn("shards").append(run.environment().cluster().shards());
            table.doubleColumn("shards_touched").append(m.shardsTouched() == null ? Double.NaN : m.shardsTouched());
            table.doubleColumn("p50_us").append(m.p50Us());
            table.doubleColumn("mean_us").append(m.meanUs());
            table.doubleColumn("ratio").append(against.map(c -> c.ratio()).orElse(Double.NaN));
            table.doubleColumn("ci_low").append(against.map(c -> c.ciLow()).orElse(Double.NaN));
            table.doubleColumn("ci_high").append(against.map(c -> c.ciHigh()).orElse(Double.NaN));
            table.stringColumn("verdict").append(against.map(c -> c.verdict().toString() + " vs " + c.baseline())
                    .orElse(""));
        }
        return table;
    }

    /** Median latency against shard count, one line per layout. */
    public static dev.userbench.report.Chart latencyByShards(java.util.List<RunResult> runs, String operation) {
        return dev.userbench.report.Chart.lines(byShards(runs, operation), "shards", "p50_us", "layout")
                .title(operation + ": median latency by shard count").xTitle("shards").yTitle("median µs per call");
    }

    /** One row per measurement that has its shards counted: shards in the cluster, shards touched, mean and median. */
    public static Table shardsTouched(RunResult result) {
        int shards = result.environment() != null && result.environment().cluster() != null
                ? result.environment().cluster().shards() : 0;
        Table table = Table.create("Shards touched per operation",
                StringColumn.create("layout"), StringColumn.create("shard_key"), StringColumn.create("operation"),
                IntColumn.create("shards"), DoubleColumn.create("shards_touched"), DoubleColumn.create("mean_us"),
                DoubleColumn.create("p50_us"));
        for (Measurement m : result.measurements()) {
            if (m.shardsTouched() == null) {
                continue;
            }
            String key = result.environment().cluster().shardKeys().getOrDefault(m.layout(), "");
            table.stringColumn("layout").append(m.layout());
            table.stringColumn("shard_key").append(key);
            table.stringColumn("operation").append(m.operation());
            table.intColumn("shards").append(shards);
            table.doubleColumn("shards_touched").append(m.shardsTouched());
            table.doubleColumn("mean_us").append(m.meanUs());
            table.doubleColumn("p50_us").append(m.p50Us());
        }
        return table;
    }
}
