package dev.userbench.report;

import dev.userbench.bench.Measurement;
import dev.userbench.bench.RunResult;
import dev.userbench.schema.IndexDef;
import dev.userbench.schema.Layout;
import dev.userbench.seed.DataCheck;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables the notebook and the report show beside the measurements: the data check, time per call, latency
 * percentiles in long form (for charts), and storage per layout.
 */
public final class CheckTables {

    /** The percentiles the latency charts draw, as (label, column of a measurement). */
    static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99.9");

    private CheckTables() {
    }

    /** One row per layout: users read back, rows per table, its checksum and whether it matches the generator's. */
    public static Table dataCheck(RunResult.DataCheckResult check) {
        Table table = Table.create("Data check: what each layout holds",
                StringColumn.create("layout"), LongColumn.create("users"), StringColumn.create("rows_per_table"),
                StringColumn.create("checksum"), BooleanColumn.create("matches_generator"));
        for (DataCheck.Summary summary : check.layouts()) {
            table.stringColumn("layout").append(summary.layout());
            table.longColumn("users").append(summary.users());
            table.stringColumn("rows_per_table").append(summary.rowsPerTable().toString());
            table.stringColumn("checksum").append(summary.checksum());
            table.booleanColumn("matches_generator").append(summary.consistent()
                    && summary.checksum().equals(check.expectedChecksum()));
        }
        return table;
    }

    /** Measured time divided by calls, per (operation · variant, layout): what the grouped bar chart draws. */
    public static Table timePerCall(List<Measurement> measurements) {
        Table table = Table.create("Time per call", StringColumn.create("operation"), StringColumn.create("layout"),
                LongColumn.create("calls"), DoubleColumn.create("total_seconds"), DoubleColumn.create("us_per_call"));
        for (Measurement m : measurements) {
            table.stringColumn("operation").append(label(m));
            table.stringColumn("layout").append(m.layout());
            table.longColumn("calls").append(m.ops());
            table.doubleColumn("total_seconds").append(m.totalSeconds());
            table.doubleColumn("us_per_call").append(m.ops() == 0 ? Double.NaN : m.totalSeconds() * 1e6 / m.ops());
        }
        return table;
    }

    /** Latency percentiles of one operation in long form: one row per (percentile, layout · variant). */
    public static Table latencyPercentiles(List<Measurement> measurements, String operation) {
        Table table = Table.create(operation + " latency percentiles", StringColumn.create("percentile"),
                StringColumn.create("series"), DoubleColumn.create("latency_us"));
        for (String percentile : PERCENTILES) {
            for (Measurement m : measurements) {
                if (m.operation().equals(operation)) {
                    table.stringColumn("percentile").append(percentile);
                    table.stringColumn("series").append(m.layout() + " · " + m.variant());
                    table.doubleColumn("latency_us").append(switch (percentile) {
                        case "p50" -> m.p50Us();
                        case "p90" -> m.p90Us();
                        case "p99" -> m.p99Us();
                        default -> m.p999Us();
                    });
                }
            }
        }
        return table;
    }

    /** The per-call columns of the measurements that a reader compares: calls, seconds and percentiles. */
    public static Table latencySummary(List<Measurement> measurements) {
        return ResultTables.measurements(measurements).selectColumns("layout", "operation", "variant", "ops",
                "total_seconds", "p50_us", "p90_us", "p99_us", "p999_us", "max_us").setName("Per-call latency");
    }

    /**
     * Bytes per layout from a per-object storage table (SQLite's {@code SELECT name, SUM(pgsize) FROM dbstat GROUP
     * BY name}: first column the table or index name, second the bytes): each table counts with its indexes,
     * SQLite's automatic primary-key indexes included. Also gives the first table of each layout alone (where a
     * login reads), and each layout's size relative to the first layout.
     */
    public static Table storagePerLayout(Table bytesPerObject, List<Layout> layouts) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        NumericColumn<?> sizes = (NumericColumn<?>) bytesPerObject.column(1);
        for (int row = 0; row < bytesPerObject.rowCount(); row++) {
            bytes.put(bytesPerObject.column(0).getString(row), (long) sizes.getDouble(row));
        }
        Table table = Table.create("Storage per layout", StringColumn.create("layout"), LongColumn.create("bytes"),
                DoubleColumn.create("mib"), LongColumn.create("login_table_bytes"),
                DoubleColumn.create("vs_first_layout"));
        long first = -1;
        for (Layout layout : layouts) {
            long total = 0;
            for (String tableName : layout.tableNames()) {
                total += bytesOfTable(bytes, layout, tableName);
            }
            first = first < 0 ? total : first;
            table.stringColumn("layout").append(layout.name());
            table.longColumn("bytes").append(total);
            table.doubleColumn("mib").append(total / (1024.0 * 1024.0));
            table.longColumn("login_table_bytes").append(bytesOfTable(bytes, layout, layout.root().name()));
            table.doubleColumn("vs_first_layout").append(first == 0 ? Double.NaN : (double) total / first);
        }
        return table;
    }

    /** A table's own pages plus those of its declared indexes and SQLite's sqlite_autoindex_TABLE_n. */
    private static long bytesOfTable(Map<String, Long> bytes, Layout layout, String tableName) {
        long total = bytes.getOrDefault(tableName, 0L);
        for (IndexDef index : layout.indexes()) {
            if (index.table().equals(tableName)) {
                total += bytes.getOrDefault(index.name(), 0L);
            }
        }
        String automatic = "sqlite_autoindex_" + tableName + "_";
        for (Map.Entry<String, Long> entry : bytes.entrySet()) {
            if (entry.getKey().startsWith(automatic)) {
                total += entry.getValue();
            }
        }
        return total;
    }

    /** The row of a layout in a storage table, if present. */
    public static Optional<Integer> rowOf(Table storage, String layout) {
        StringColumn names = storage.stringColumn("layout");
        for (int row = 0; row < names.size(); row++) {
            if (names.get(row).equals(layout)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    static String label(Measurement m) {
        return m.operation() + " · " + m.variant();
    }
}
