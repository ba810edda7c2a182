package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.RunResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/** Results as Tablesaw tables: for the console, the notebook, results.csv and the report. */
public final class ResultTables {

    private ResultTables() {
    }

    /** One row per measurement, in the order they were measured. */
    public static Table measurements(List<Measurement> measurements) {
        Table table = Table.create("Measurements",
                StringColumn.create("layout"), StringColumn.create("operation"), StringColumn.create("variant"),
                LongColumn.create("users"), IntColumn.create("threads"), StringColumn.create("distribution"),
                IntColumn.create("trials"), IntColumn.create("forks"), LongColumn.create("ops"),
                LongColumn.create("calls"), StringColumn.create("call_unit"), DoubleColumn.create("total_seconds"),
                DoubleColumn.create("mean_us"), DoubleColumn.create("p50_us"), DoubleColumn.create("p90_us"),
                DoubleColumn.create("p95_us"), DoubleColumn.create("p99_us"), DoubleColumn.create("p999_us"),
                DoubleColumn.create("max_us"), DoubleColumn.create("stdev_us"), DoubleColumn.create("ops_per_s"));
        for (Measurement m : measurements) {
            table.stringColumn("layout").append(m.layout());
            table.stringColumn("operation").append(m.operation());
            table.stringColumn("variant").append(m.variant());
            table.longColumn("users").append(m.users());
            table.intColumn("threads").append(m.threads());
            table.stringColumn("distribution").append(m.distribution());
            table.intColumn("trials").append(m.trials());
            table.intColumn("forks").append(m.forks());
            table.longColumn("ops").append(m.ops());
            table.longColumn("calls").append(m.calls());
            table.stringColumn("call_unit").append(m.callUnit());
            table.doubleColumn("total_seconds").append(m.totalSeconds());
            table.doubleColumn("mean_us").append(m.meanUs());
            table.doubleColumn("p50_us").append(m.p50Us());
            table.doubleColumn("p90_us").append(m.p90Us());
            table.doubleColumn("p95_us").append(m.p95Us());
            table.doubleColumn("p99_us").append(m.p99Us());
            table.doubleColumn("p999_us").append(m.p999Us());
            table.doubleColumn("max_us").append(m.maxUs());
            table.doubleColumn("stdev_us").append(m.stdevUs());
            table.doubleColumn("ops_per_s").append(m.opsPerS());
        }
        if (measurements.stream().anyMatch(m -> m.cacheBytes() != null)) {
            LongColumn cache = LongColumn.create("cache_bytes");
            measurements.forEach(m -> {
                if (m.cacheBytes() == null) {
                    cache.appendMissing();
                } else {
                    cache.append(m.cacheBytes());
                }
            });
            table.addColumns(cache);
        }
        if (measurements.stream().anyMatch(m -> m.shardsTouched() != null)) {
            DoubleColumn shards = DoubleColumn.create("shards_touched");
            measurements.forEach(m -> {
                if (m.shardsTouched() == null) {
                    shards.appendMissing();
                } else {
                    shards.append(m.shardsTouched());
                }
            });
            table.addColumns(shards);
        }
        return table;
    }

    /**
     * One row per comparison with the baseline: which statistic, the ratio of its cost candidate ÷ baseline, the
     * interval at {@code confidence} = 1 - {@code alpha_adjusted} (Holm's level for this comparison), the verdict
     * and the design it rests on (pairs of trials, forks).
     */
    public static Table comparisons(RunResult result) {
        Table table = Table.create("Comparisons (cost candidate ÷ baseline: time per operation for throughput, "
                        + "latency for the median and p99 call; below 1 the candidate is quicker; each interval at its "
                        + "Holm-adjusted confidence)",
                StringColumn.create("operation"), StringColumn.create("variant"), StringColumn.create("statistic"),
                LongColumn.create("users"), IntColumn.create("threads"), StringColumn.create("distribution"),
                StringColumn.create("baseline"), StringColumn.create("candidate"), DoubleColumn.create("ratio"),
                DoubleColumn.create("ci_low"), DoubleColumn.create("ci_high"), DoubleColumn.create("confidence"),
                DoubleColumn.create("alpha_adjusted"), DoubleColumn.create("p_value"), StringColumn.create("verdict"),
                IntColumn.create("pairs"), IntColumn.create("forks"));
        for (Harness.ComparisonResult c : result.comparisons()) {
            table.stringColumn("operation").append(c.operation());
            table.stringColumn("variant").append(c.variant());
            table.stringColumn("statistic").append(c.statistic().label());
            table.longColumn("users").append(c.users());
            table.intColumn("threads").append(c.threads());
            table.stringColumn("distribution").append(c.distribution());
            table.stringColumn("baseline").append(c.baseline());
            table.stringColumn("candidate").append(c.candidate());
            table.doubleColumn("ratio").append(c.ratio());
            table.doubleColumn("ci_low").append(c.ciLow());
            table.doubleColumn("ci_high").append(c.ciHigh());
            table.doubleColumn("confidence").append(c.confidence());
            table.doubleColumn("alpha_adjusted").append(c.alphaAdjusted());
            table.doubleColumn("p_value").append(c.pValue());
            table.stringColumn("verdict").append(ComparisonProse.checked(c).verdict().label());
            table.intColumn("pairs").append(c.pairs());
            table.intColumn("forks").append(c.forks());
        }
        if (result.comparisons().stream().anyMatch(c -> c.cacheBytes() != null)) {
            LongColumn cache = LongColumn.create("cache_bytes");
            result.comparisons().forEach(c -> {
                if (c.cacheBytes() == null) {
                    cache.appendMissing();
                } else {
                    cache.append(c.cacheBytes());
                }
            });
            table.addColumns(cache);
        }
        return table;
    }

    public static Table measurements(RunResult result) {
        return measurements(result.measurements());
    }

    /**
     * What each arm's operation cost at the driver and on the heap, where counted: statements sent and rows fetched
     * per operation (an untimed counting pass through datasource-proxy) and heap allocated per operation (the
     * thread's allocation counter around each call's operation, in an untimed pass on the bare connection). An ORM's
     * trap shows here as a number: a login of 2 statements.
     */
    public static Table statementsPerOperation(List<Measurement> measurements) {
        Table table = Table.create("Statements per operation (counted at the driver) and heap allocated per operation",
                StringColumn.create("layout"), StringColumn.create("access"), StringColumn.create("mapping"),
                StringColumn.create("operation"), LongColumn.create("users"), DoubleColumn.create("statements_per_op"),
                DoubleColumn.create("rows_per_op"), DoubleColumn.create("bytes_per_op"));
        for (Measurement m : measurements) {
            if (m.statementsPerOp() == null) {
                continue;
            }
            table.stringColumn("layout").append(m.layout());
            table.stringColumn("access").append(m.access() == null ? "jdbc" : m.access());
            table.stringColumn("mapping").append(m.mapping() == null ? "" : m.mapping());
            table.stringColumn("operation").append(m.operation());
            table.longColumn("users").append(m.users());
            table.doubleColumn("statements_per_op").append(m.statementsPerOp());
            table.doubleColumn("rows_per_op").append(m.rowsPerOp() == null ? Double.NaN : m.rowsPerOp());
            table.doubleColumn("bytes_per_op").append(m.bytesPerOp() == null ? Double.NaN : m.bytesPerOp());
        }
        return table;
    }

    /** The study's printout as a table: seconds per operation, one column per layout. */
    public static Table secondsByLayout(RunResult result, String variant) {
        List<String> layouts = result.measurements().stream().map(Measurement::layout).distinct().toList();
        Table table = Table.create("Seconds (" + variant + ")", StringColumn.create("operation"));
        for (String layout : layouts) {
            table.addColumns(DoubleColumn.create(layout));
        }
        for (String operation : result.measurements().stream().filter(m -> m.variant().equals(variant))
                .map(Measurement::operation).distinct().toList()) {
            table.stringColumn("operation").append(operation);
            for (String layout : layouts) {
                table.doubleColumn(layout).append(result.find(layout, operation, variant)
                        .map(Measurement::totalSeconds).orElse(Double.NaN));
            }
        }
        return table;
    }

    /** A console rendering with figures rounded for reading (the files keep full precision). */
    public static String console(Table table) {
        Table rounded = table.copy();
        for (int i = 0; i < rounded.columnCount(); i++) {
            if (rounded.column(i) instanceof DoubleColumn column) {
                int digits = switch (column.name()) {
                    case "total_seconds", "ratio", "ci_low", "ci_high", "confidence" -> 4;
                    case "shards_touched" -> 2;
                    case "alpha_adjusted", "p_value" -> 5;
                    default -> 1;
                };
                double scale = Math.pow(10, digits);
                rounded.replaceColumn(i, column.map(v -> Math.round(v * scale) / scale).setName(column.name()));
            }
        }
        return rounded.printAll();
    }
}
