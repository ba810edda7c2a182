package dev.userbench.advisor;

import dev.userbench.definition.ColumnGroups;
import dev.userbench.definition.SplitTable;
import dev.userbench.definition.TableDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The advisor's model of what a query costs on a layout: the bytes of rows it touches, and the pages. A query
 * touches, in every part that holds a column it names, each row it reads or writes whole (its key, the part's
 * columns and the engine's per-row header); every part beyond the first costs one more index descent. A point
 * query (equality on the key or a unique column) touches one row, any other query every row. This is the classic
 * bytes-touched model of vertical-partitioning advisors (HillClimb, Hankins and Patel 2003; AutoPart 2004); the
 * proof on the engine says where it is wrong.
 *
 * @param widths    average bytes per column
 * @param rows      the table's row count
 * @param pageBytes the engine's page size
 */
public record CostModel(TableDefinition table, Map<String, Double> widths, long rows, int pageBytes) {

    /** Per-row header and slot of a stored row (PostgreSQL's is 24 + 4 bytes, InnoDB's about 20 with its pointers). */
    public static final double ROW_OVERHEAD_BYTES = 24;
    /** What one more index descent to find the same key in another part adds: a few cache lines of inner pages. */
    public static final double DESCENT_BYTES = 128;
    public static final int DEFAULT_PAGE_BYTES = 8192;
    /** Header and pointer of one index entry (PostgreSQL's index tuple is 8 bytes plus its line pointer). */
    public static final double INDEX_ENTRY_OVERHEAD_BYTES = 16;

    /** The predicted cost of one call of a query on one layout, and why. */
    public record QueryCost(String query, double bytes, double pages, int tables, String why) {
    }

    public CostModel {
        widths = Map.copyOf(widths);
    }

    /** The model with each column's width as the generator makes it (or as the engine measured it). */
    public static CostModel of(dev.userbench.definition.TableRows generator, long rows, int pageBytes) {
        Map<String, Double> widths = new LinkedHashMap<>();
        for (String column : generator.table().columnNames()) {
            widths.put(column, generator.expectedBytes(column));
        }
        return new CostModel(generator.table(), widths, rows, pageBytes);
    }

    public double keyBytes() {
        return table.primaryKey().stream().mapToDouble(widths::get).sum();
    }

    /** Levels of a B-tree on the key over the table's rows: entries of key width plus a header fill each page. */
    public double indexLevels() {
        double fanout = Math.max(2, pageBytes / (keyBytes() + INDEX_ENTRY_OVERHEAD_BYTES));
        return Math.max(1, Math.ceil(Math.log(Math.max(2, rows)) / Math.log(fanout)));
    }

    /** Bytes of one stored row of a part holding these non-key columns. */
    public double rowBytes(List<String> group) {
        return keyBytes() + group.stream().mapToDouble(widths::get).sum() + ROW_OVERHEAD_BYTES;
    }

    public QueryCost cost(AnalyzedQuery query, ColumnGroups layout) {
        return cost(query, layout, null);
    }

    /** Bytes of one entry of a covering index: its columns, the key, and an index tuple header. */
    public double indexEntryBytes(SplitTable.CoveringIndex covering) {
        return keyBytes() + covering.columns().stream().mapToDouble(widths::get).sum() + INDEX_ENTRY_OVERHEAD_BYTES;
    }

    /** Whether a query can be answered from the covering index alone: a lookup by its column reading only its columns. */
    public boolean coveredBy(AnalyzedQuery query, SplitTable.CoveringIndex covering) {
        if (covering == null || query.kind() != AnalyzedQuery.Kind.SELECT || !query.pinned().contains(covering.lookup())) {
            return false;
        }
        Set<String> held = new LinkedHashSet<>(covering.columns());
        held.addAll(table.primaryKey());
        return held.containsAll(query.columns());
    }

    /**
     * The cost on a layout with a covering index (null for none): a query the index answers touches one index entry;
     * a write that changes an indexed column (every INSERT and DELETE) also writes the index entry.
     */
    public QueryCost cost(AnalyzedQuery query, ColumnGroups layout, SplitTable.CoveringIndex covering) {
        if (coveredBy(query, covering)) {
            double entry = indexEntryBytes(covering);
            return new QueryCost(query.query().name(), entry, indexLevels(), 1, String.format(java.util.Locale.ROOT,
                    "%s (one row): reads the covering index only, %.0f bytes per entry", query.query().name(), entry));
        }
        QueryCost plain = plainCost(query, layout);
        if (covering != null && query.kind().writes() && (query.kind() != AnalyzedQuery.Kind.UPDATE
                || query.written().stream().anyMatch(covering.columns()::contains))) {
            return new QueryCost(plain.query(), plain.bytes() + indexEntryBytes(covering), plain.pages() + indexLevels(),
                    plain.tables(), plain.why() + ", and writes the covering index");
        }
        return plain;
    }

    private QueryCost plainCost(AnalyzedQuery query, ColumnGroups layout) {
        Set<Integer> touched = new LinkedHashSet<>();
        Set<String> columns = query.kind() == AnalyzedQuery.Kind.INSERT || query.kind() == AnalyzedQuery.Kind.DELETE
                ? new LinkedHashSet<>(table.nonKeyColumns()) : new LinkedHashSet<>(table.ordered(query.columns()));
        for (String column : columns) {
            if (!table.isKey(column)) {
                touched.add(layout.groupOf(column));
            }
        }
        if (touched.isEmpty()) {
            touched.add(0);
        }
        double perRow = 0;
        for (int group : touched) {
            perRow += rowBytes(layout.groups().get(group));
        }
        long rowsTouched = query.pointLookup() ? 1 : rows;
        double bytes = rowsTouched * perRow + (touched.size() - 1) * DESCENT_BYTES * (query.pointLookup() ? 1 : 0);
        // a point access descends an index (its levels) to the row's page in every part it touches
        double pages = query.pointLookup() ? touched.size() * (1 + indexLevels())
                : touched.stream().mapToDouble(g -> Math.ceil(rows * rowBytes(layout.groups().get(g)) / pageBytes)).sum();
        double useful = keyBytes() + columns.stream().filter(c -> !table.isKey(c)).mapToDouble(widths::get).sum();
        String why = String.format(java.util.Locale.ROOT, "%s %s: %s %d table%s, %.0f bytes per row of which it uses %.0f",
                query.query().name(), query.pointLookup() ? "(one row)" : "(every row)",
                query.kind().writes() ? "writes" : "reads", touched.size(), touched.size() == 1 ? "" : "s joined by the key",
                perRow, useful);
        return new QueryCost(query.query().name(), bytes, pages, touched.size(), why);
    }

    /** The workload's cost per call: each query's cost weighted by its share of the calls. */
    public double cost(List<AnalyzedQuery> queries, ColumnGroups layout) {
        return cost(queries, layout, null);
    }

    public double cost(List<AnalyzedQuery> queries, ColumnGroups layout, SplitTable.CoveringIndex covering) {
        double total = 0;
        double weights = 0;
        for (AnalyzedQuery query : queries) {
            total += query.query().weight() * cost(query, layout, covering).bytes();
            weights += query.query().weight();
        }
        return total / weights;
    }

    public List<QueryCost> costs(List<AnalyzedQuery> queries, ColumnGroups layout, SplitTable.CoveringIndex covering) {
        List<QueryCost> costs = new ArrayList<>();
        for (AnalyzedQuery query : queries) {
            costs.add(cost(query, layout, covering));
        }
        return costs;
    }

    /** The column-usage matrix: for each query, which columns it names. */
    public static Map<String, Set<String>> usage(List<AnalyzedQuery> queries) {
        Map<String, Set<String>> matrix = new LinkedHashMap<>();
        for (AnalyzedQuery query : queries) {
            matrix.put(query.query().name(), query.columns());
        }
        return matrix;
    }
}
