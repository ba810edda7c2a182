package dev.userbench.definition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A vertical partition of a table's non-key columns: each group becomes one table holding the key and the group's
 * columns. One group is the single table. Groups are kept in a canonical order (by their first column's position in
 * the definition, columns within a group in declared order), so two partitions with the same groups are equal.
 */
public record ColumnGroups(List<List<String>> groups) {

    public ColumnGroups {
        groups = groups.stream().filter(g -> !g.isEmpty()).map(List::copyOf).toList();
    }

    /** Checks that the groups partition the table's non-key columns, then orders them canonically. */
    public static ColumnGroups of(TableDefinition table, List<? extends java.util.Collection<String>> groups) {
        List<String> order = table.columnNames();
        Set<String> seen = new HashSet<>();
        List<List<String>> sorted = new ArrayList<>();
        for (java.util.Collection<String> group : groups) {
            List<String> columns = new ArrayList<>();
            for (String column : group) {
                String name = table.column(column).name();
                if (table.isKey(name)) {
                    continue;
                }
                if (!seen.add(name)) {
                    throw new IllegalArgumentException(name + " is in two groups");
                }
                columns.add(name);
            }
            columns.sort(Comparator.comparingInt(order::indexOf));
            if (!columns.isEmpty()) {
                sorted.add(columns);
            }
        }
        if (!seen.equals(new HashSet<>(table.nonKeyColumns()))) {
            Set<String> missing = new HashSet<>(table.nonKeyColumns());
            missing.removeAll(seen);
            throw new IllegalArgumentException("the groups miss columns: " + missing);
        }
        sorted.sort(Comparator.comparingInt(g -> order.indexOf(g.get(0))));
        return new ColumnGroups(sorted);
    }

    public static ColumnGroups single(TableDefinition table) {
        return of(table, List.of(table.nonKeyColumns()));
    }

    public boolean singleTable() {
        return groups.size() <= 1;
    }

    public int groupOf(String column) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).contains(column)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return groups.stream().map(g -> "{" + String.join(", ", g) + "}").collect(Collectors.joining(" "));
    }
}
