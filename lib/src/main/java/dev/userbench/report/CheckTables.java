package dev.userbench.report;

import dev.userbench.bench.Measurement;
import dev.userbench.bench.MemoryMeasurements;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /**
     * Measured time divided by operations (rows for an insert), per (operation · variant, layout): what the grouped
     * bar chart draws. Operations, not timed calls: a batched path times a batch as one call.
     */
    public static Table timePerCall(List<Measurement> measurements) {
        Table table = Table.create("Time per operation", StringColumn.create("operation"), StringColumn.create("layout"),
                LongColumn.create("ops"), DoubleColumn.create("total_seconds"), DoubleColumn.create("us_per_op"));
        for (Measurement m : measurements) {
            table.stringColumn("operation").append(label(m));
            table.stringColumn("layout").append(m.layout());
            table.longColumn("ops").append(m.ops());
            table.doubleColumn("total_seconds").append(m.totalSeconds());
            table.doubleColumn("us_per_op").append(m.ops() == 0 ? Double.NaN : m.totalSeconds() * 1e6 / m.ops());
        }
        return table;
    }

    /**
     * Latency percentiles of one operation in long form: one row per (percentile, layout · variant), the series
     * naming what one latency is of where it is not a single call ({@code monolith · seed (per batch)}).
     */
    public static Table latencyPercentiles(List<Measurement> measurements, String operation) {
        Table table = Table.create(operation + " latency percentiles", StringColumn.create("percentile"),
                StringColumn.create("series"), DoubleColumn.create("latency_us"));
        for (String percentile : PERCENTILES) {
            for (Measurement m : measurements) {
                if (m.operation().equals(operation)) {
                    table.stringColumn("percentile").append(percentile);
                    table.stringColumn("series").append(m.layout() + " · " + m.variant()
                            + (m.callUnit() == null || "call".equals(m.callUnit()) ? "" : " (per " + m.callUnit() + ")"));
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

    /**
     * The per-call columns of the measurements that a reader compares: operations, timed calls and what one call is
     * (a call, a row or a batch: the percentiles are of that), seconds and percentiles.
     */
    public static Table latencySummary(List<Measurement> measurements) {
        return ResultTables.measurements(measurements).selectColumns("layout", "operation", "variant", "ops", "calls",
                "call_unit", "total_seconds", "p50_us", "p90_us", "p99_us", "p999_us", "max_us")
                .setName("Per-call latency (of one call_unit)");
    }

    /**
     * Bytes per layout from a per-object storage table (SQLite's {@code SELECT name, SUM(pgsize) FROM dbstat GROUP
     * BY name}: first column the table or index name, second the bytes): each table counts with its indexes,
     * SQLite's automatic primary-key indexes included. Also gives the first table of each layout alone (where a
     * login reads), and each layout's size relative to the first layout.
     */
    public static Table storagePerLayout(Table bytesPerObject, List<Layout> layouts) {
        Table table = Table.create("Storage per layout", StringColumn.create("layout"), LongColumn.create("bytes"),
                DoubleColumn.create("mib"), LongColumn.create("login_table_bytes"),
                DoubleColumn.create("vs_first_layout"));
        List<LayoutStorage> entries = layoutStorage(bytesPerObject, layouts);
        long first = entries.isEmpty() ? 0 : entries.get(0).bytes();
        for (LayoutStorage entry : entries) {
            table.stringColumn("layout").append(entry.layout());
            table.longColumn("bytes").append(entry.bytes());
            table.doubleColumn("mib").append(entry.bytes() / (1024.0 * 1024.0));
            table.longColumn("login_table_bytes").append(entry.loginTableBytes());
            table.doubleColumn("vs_first_layout").append(first == 0 ? Double.NaN : (double) entry.bytes() / first);
        }
        return table;
    }

    /** What {@link #storagePerLayout} shows, typed: per layout its bytes and its login table's. */
    public static List<LayoutStorage> layoutStorage(Table bytesPerObject, List<Layout> layouts) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        NumericColumn<?> sizes = (NumericColumn<?>) bytesPerObject.column(1);
        for (int row = 0; row < bytesPerObject.rowCount(); row++) {
            bytes.put(bytesPerObject.column(0).getString(row), (long) sizes.getDouble(row));
        }
        List<LayoutStorage> entries = new ArrayList<>();
        for (Layout layout : layouts) {
            long total = 0;
            for (String tableName : layout.tableNames()) {
                total += bytesOfTable(bytes, layout, tableName);
            }
            entries.add(new LayoutStorage(layout.name(), total, bytesOfTable(bytes, layout, layout.root().name())));
        }
        return List.copyOf(entries);
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

    // ---------------------------------------------------------------------------------------------------------
    // Part 4: memory (footprint, working set, heap, cache sweep)
    // ---------------------------------------------------------------------------------------------------------

    /** The footprint entries of the largest user count measured: a run that swept sizes shows its biggest. */
    static List<MemoryMeasurements.StorageEntry> largestSize(List<MemoryMeasurements.StorageEntry> footprint) {
        long users = footprint.stream().mapToLong(MemoryMeasurements.StorageEntry::users).max().orElse(0);
        return footprint.stream().filter(e -> e.users() == users).toList();
    }

    /**
     * One row per table, index and TOAST relation, as the engine accounts for them: {@code layout, table} (the table
     * the object belongs to), {@code object, kind, bytes, kib}.
     */
    public static Table footprint(List<MemoryMeasurements.StorageEntry> footprint) {
        Table table = Table.create("Footprint: bytes per table, index and TOAST, from the engine's own accounting",
                StringColumn.create("layout"), StringColumn.create("table"), StringColumn.create("object"),
                StringColumn.create("kind"), LongColumn.create("bytes"), DoubleColumn.create("kib"));
        String layout = null;
        String owner = null;
        for (MemoryMeasurements.StorageEntry e : largestSize(footprint)) {
            if ("table".equals(e.kind())) {
                owner = e.object();   // each table comes first, then its indexes and TOAST
            } else if (!e.layout().equals(layout)) {
                owner = null;
            }
            layout = e.layout();
            table.stringColumn("layout").append(e.layout());
            table.stringColumn("table").append(Objects.requireNonNullElse(owner, e.object()));
            table.stringColumn("object").append(e.object());
            table.stringColumn("kind").append(e.kind());
            table.longColumn("bytes").append(e.bytes());
            table.doubleColumn("kib").append(e.bytes() / 1024.0);
        }
        return table;
    }

    /** Long form for a grouped bar chart: bytes per (layout, kind), with MiB. */
    public static Table storageByKind(List<MemoryMeasurements.StorageEntry> footprint) {
        Map<String, Map<String, Long>> bytes = new LinkedHashMap<>();
        for (MemoryMeasurements.StorageEntry e : largestSize(footprint)) {
            bytes.computeIfAbsent(e.layout(), l -> new LinkedHashMap<>()).merge(e.kind(), e.bytes(), Long::sum);
        }
        Table table = Table.create("Storage per layout and kind", StringColumn.create("layout"),
                StringColumn.create("kind"), LongColumn.create("bytes"), DoubleColumn.create("mib"));
        bytes.forEach((layout, kinds) -> kinds.forEach((kind, b) -> {
            table.stringColumn("layout").append(layout);
            table.stringColumn("kind").append(kind);
            table.longColumn("bytes").append(b);
            table.doubleColumn("mib").append(b / (1024.0 * 1024.0));
        }));
        return table;
    }

    /**
     * Per layout: all its bytes, the bytes of its login table with that table's indexes (the hot set of a login),
     * both relative to the first layout's whole storage.
     */
    public static Table hotAndCold(List<MemoryMeasurements.StorageEntry> footprint) {
        Table table = Table.create("What a login needs in memory: the login table with its indexes",
                StringColumn.create("layout"), LongColumn.create("bytes"), LongColumn.create("login_table_bytes"),
                DoubleColumn.create("login_table_vs_first"), DoubleColumn.create("total_vs_first"));
        List<LayoutStorage> entries = layoutStorage(footprint);
        long first = entries.isEmpty() ? 0 : entries.get(0).bytes();
        for (LayoutStorage entry : entries) {
            table.stringColumn("layout").append(entry.layout());
            table.longColumn("bytes").append(entry.bytes());
            table.longColumn("login_table_bytes").append(entry.loginTableBytes());
            table.doubleColumn("login_table_vs_first").append(first == 0 ? Double.NaN : (double) entry.loginTableBytes() / first);
            table.doubleColumn("total_vs_first").append(first == 0 ? Double.NaN : (double) entry.bytes() / first);
        }
        return table;
    }

    /** What {@link #hotAndCold} shows, typed: per layout (largest size measured) its bytes and its login table's. */
    public static List<LayoutStorage> layoutStorage(List<MemoryMeasurements.StorageEntry> footprint) {
        Map<String, long[]> perLayout = new LinkedHashMap<>();
        Map<String, String> loginTable = new LinkedHashMap<>();
        Table objects = footprint(footprint);
        for (int row = 0; row < objects.rowCount(); row++) {
            String layout = objects.stringColumn("layout").get(row);
            String owner = objects.stringColumn("table").get(row);
            long b = objects.longColumn("bytes").get(row);
            loginTable.putIfAbsent(layout, owner);   // a layout's first table is its login (root) table
            long[] sums = perLayout.computeIfAbsent(layout, l -> new long[2]);
            sums[0] += b;
            if (owner.equals(loginTable.get(layout))) {
                sums[1] += b;
            }
        }
        List<LayoutStorage> entries = new ArrayList<>();
        perLayout.forEach((layout, sums) -> entries.add(new LayoutStorage(layout, sums[0], sums[1])));
        return List.copyOf(entries);
    }

    /**
     * The pages each benchmark and workload touched per call, per layout, counted in an untimed pass right after its
     * timed trials (no cache sweep entries); the counter they come from is in the caption
     * ({@link Findings#workingSetCaveat} says what it means). {@code pages_touched} is hits plus reads.
     */
    public static Table workingSet(List<MemoryMeasurements.WorkingSetEntry> workingSet) {
        String counter = workingSet.isEmpty() ? "" : " — " + workingSet.get(0).counter();
        Table table = Table.create("Pages touched per call (an untimed pass after the timed trials)" + counter,
                StringColumn.create("workload"), StringColumn.create("layout"), LongColumn.create("ops"),
                DoubleColumn.create("pages_hit"), DoubleColumn.create("pages_read"), DoubleColumn.create("pages_touched"));
        for (MemoryMeasurements.WorkingSetEntry e : workingSet) {
            if (e.cacheBytes() != null) {
                continue;
            }
            table.stringColumn("workload").append(e.workload());
            table.stringColumn("layout").append(e.layout());
            table.longColumn("ops").append(e.ops());
            if (e.pagesHit() == null) {
                table.doubleColumn("pages_hit").appendMissing();
            } else {
                table.doubleColumn("pages_hit").append(e.pagesHit());
            }
            table.doubleColumn("pages_read").append(e.pagesRead());
            table.doubleColumn("pages_touched").append(e.pagesTouched());
        }
        return table;
    }

    /** The JVM heap per fetched row, by layout and query, measured on rows the query fetched. */
    public static Table heapPerQuery(MemoryMeasurements.Heap heap) {
        Table table = Table.create("JVM heap per fetched row (" + (heap == null ? "not measured" : heap.method()) + ")",
                StringColumn.create("layout"), StringColumn.create("query"), LongColumn.create("rows"),
                LongColumn.create("bytes_per_row"));
        if (heap != null) {
            for (MemoryMeasurements.HeapEntry e : heap.rows()) {
                table.stringColumn("layout").append(e.layout());
                table.stringColumn("query").append(e.query());
                table.longColumn("rows").append(e.rows());
                table.longColumn("bytes_per_row").append(e.bytesPerRow());
            }
        }
        return table;
    }

    /** The JVM heap one fetched row retains: the monolith's whole row and the auth row. */
    public static Table heap(MemoryMeasurements.Heap heap) {
        Table table = Table.create("JVM heap retained by one fetched row (" + heap.method() + ")",
                StringColumn.create("row"), LongColumn.create("bytes"), DoubleColumn.create("vs_auth_row"));
        table.stringColumn("row").append("monolith row (every field)").append("auth row (login fields)");
        table.longColumn("bytes").append(heap.monolithRowBytes()).append(heap.authRowBytes());
        table.doubleColumn("vs_auth_row").append(heap.ratio()).append(1.0);
        return table;
    }

    /**
     * The cache sweep in long form, one row per (operation, layout, cache size) measured: calls per second and median
     * call over the trials, and the pages read per call in the counted pass at that size. {@code series} names the
     * line of a chart: the layout, prefixed by the operation when more than one was swept.
     */
    public static Table cacheSweep(RunResult result) {
        Table table = Table.create("Calls per engine cache size", StringColumn.create("operation"),
                StringColumn.create("layout"), StringColumn.create("series"), LongColumn.create("cache_bytes"),
                DoubleColumn.create("cache_mib"), DoubleColumn.create("cache_vs_first_layout"),
                DoubleColumn.create("calls_per_s"), DoubleColumn.create("p50_us"),
                DoubleColumn.create("pages_read_per_call"));
        long first = dataBytes(result);
        List<SweepPoint> points = sweepPoints(result);
        long operations = points.stream().map(SweepPoint::operation).distinct().count();
        for (SweepPoint point : points) {
            table.stringColumn("operation").append(point.operation());
            table.stringColumn("layout").append(point.layout());
            table.stringColumn("series").append(operations == 1 ? point.layout() : point.operation() + " · " + point.layout());
            table.longColumn("cache_bytes").append(point.cacheBytes());
            table.doubleColumn("cache_mib").append(point.cacheBytes() / (1024.0 * 1024.0));
            table.doubleColumn("cache_vs_first_layout").append(first == 0 ? Double.NaN : (double) point.cacheBytes() / first);
            table.doubleColumn("calls_per_s").append(point.callsPerS());
            table.doubleColumn("p50_us").append(point.p50Us());
            if (point.pagesReadPerCall() == null) {
                table.doubleColumn("pages_read_per_call").appendMissing();
            } else {
                table.doubleColumn("pages_read_per_call").append(point.pagesReadPerCall());
            }
        }
        return table;
    }

    /** The storage the sweep's fractions apply to: the sweep's own record, else the first layout's storage. */
    static long dataBytes(RunResult result) {
        if (result.cacheSweep() != null && result.cacheSweep().dataBytes() != null) {
            return result.cacheSweep().dataBytes();
        }
        List<LayoutStorage> storage = layoutStorage(result.footprint());
        return storage.isEmpty() ? 0 : storage.get(0).bytes();
    }

    /** What {@link #cacheSweep} shows, typed: operation by operation, layout by layout, cache size ascending. */
    public static List<SweepPoint> sweepPoints(RunResult result) {
        List<Measurement> swept = new ArrayList<>(result.measurements().stream().filter(m -> m.cacheBytes() != null).toList());
        swept.sort(java.util.Comparator.comparing(Measurement::cacheBytes));
        List<SweepPoint> points = new ArrayList<>();
        for (String operation : swept.stream().map(CheckTables::sweptOperation).distinct().toList()) {
            List<String> layouts = swept.stream().filter(m -> sweptOperation(m).equals(operation))
                    .map(Measurement::layout).distinct().toList();
            for (String layout : layouts) {
                for (Measurement m : swept) {
                    if (m.layout().equals(layout) && sweptOperation(m).equals(operation)) {
                        points.add(new SweepPoint(operation, layout, m.cacheBytes(), m.opsPerS(), m.p50Us(),
                                sweptPages(result, m)));
                    }
                }
            }
        }
        return List.copyOf(points);
    }

    /** A swept measurement's name as its working-set entries carry it: {@code login/projected}, or a workload's name. */
    static String sweptOperation(Measurement m) {
        return sweptOperation(m.operation(), m.variant());
    }

    static String sweptOperation(String operation, String variant) {
        return variant.equals(dev.userbench.bench.workload.Workload.SINGLE_VARIANT)
                || operation.equals(dev.userbench.bench.workload.MixedWorkload.NAME)
                ? operation : operation + "/" + variant;
    }

    private static Double sweptPages(RunResult result, Measurement m) {
        String name = sweptOperation(m);
        return result.workingSet().stream()
                .filter(w -> m.cacheBytes().equals(w.cacheBytes()) && w.layout().equals(m.layout())
                        && w.workload().equals(name))
                .map(MemoryMeasurements.WorkingSetEntry::pagesRead).findFirst().orElse(null);
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
