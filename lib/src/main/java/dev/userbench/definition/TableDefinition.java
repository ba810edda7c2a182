package dev.userbench.definition;

import dev.userbench.model.ColumnDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A user's table as one {@code CREATE TABLE} (or a live catalog) declares it: its columns in order, its primary key
 * and its unique columns. The layouts the advisor proposes are partitions of its non-key columns; every part keeps
 * the key.
 */
public record TableDefinition(String name, List<ColumnDefinition> columns, List<String> primaryKey,
                              Set<String> uniqueColumns) {

    public TableDefinition {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueColumns = Set.copyOf(uniqueColumns);
        if (primaryKey.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no primary key: a vertical split joins its parts "
                    + "by the key, so declare one (PRIMARY KEY (...))");
        }
        for (String key : primaryKey) {
            if (columns.stream().noneMatch(c -> c.name().equals(key))) {
                throw new IllegalArgumentException("table " + name + ": its primary key names " + key + ", which is not a column");
            }
        }
    }

    public Optional<ColumnDefinition> find(String column) {
        String wanted = column.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().equals(wanted)).findFirst();
    }

    public ColumnDefinition column(String column) {
        return find(column).orElseThrow(() -> new IllegalArgumentException(
                "table " + name + " has no column " + column + ": its columns are " + columnNames()));
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnDefinition::name).toList();
    }

    /** The columns a vertical split may move: every column but the key, in declared order. */
    public List<String> nonKeyColumns() {
        List<String> names = new ArrayList<>(columnNames());
        names.removeAll(primaryKey);
        return List.copyOf(names);
    }

    public boolean isKey(String column) {
        return primaryKey.contains(column);
    }

    public boolean isUnique(String column) {
        return uniqueColumns.contains(column) || (primaryKey.size() == 1 && primaryKey.get(0).equals(column));
    }

    /** The same table with the engine's measured widths, by column name. */
    public TableDefinition withAverageBytes(java.util.Map<String, Double> widths) {
        List<ColumnDefinition> measured = columns.stream()
                .map(c -> widths.containsKey(c.name()) ? c.withAverageBytes(widths.get(c.name())) : c).toList();
        return new TableDefinition(name, measured, primaryKey, uniqueColumns);
    }

    /** Columns in declared order, restricted to those named. */
    public List<String> ordered(Set<String> names) {
        Set<String> kept = new LinkedHashSet<>();
        for (String column : columnNames()) {
            if (names.contains(column)) {
                kept.add(column);
            }
        }
        return List.copyOf(kept);
    }
}
