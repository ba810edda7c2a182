package dev.userbench.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * A table definition laid out as the tables of one partition: part {@code i} is the table {@code <prefix>_p<i>}
 * holding the key and group {@code i}; a single group is one table {@code <prefix>}. The parts are joined by the
 * key; there is no foreign key between them (the rewritten statements keep them consistent, deleting from every
 * part), so the parts can be loaded and dropped in any order.
 */
public record SplitTable(String label, TableDefinition definition, ColumnGroups groups, List<Part> parts,
                         CoveringIndex covering) {

    /**
     * A secondary index on the first part that carries the columns a hot lookup reads, so the lookup can be answered
     * from the index alone: the covering-index rival of a split. {@code lookup} is the indexed column,
     * {@code include} the carried ones (PostgreSQL INCLUDE; appended to the key elsewhere).
     */
    public record CoveringIndex(String lookup, List<String> include) {
        public CoveringIndex {
            include = List.copyOf(include);
        }

        /** Every column the index holds, the lookup first. */
        public List<String> columns() {
            List<String> all = new ArrayList<>(List.of(lookup));
            all.addAll(include);
            return all;
        }
    }

    /** One table of the split: its name and its columns, the key first. */
    public record Part(String table, List<String> columns) {
        public Part {
            columns = List.copyOf(columns);
        }

        public boolean holds(String column) {
            return columns.contains(column);
        }
    }

    public SplitTable {
        parts = List.copyOf(parts);
    }

    public static SplitTable of(String label, TableDefinition definition, ColumnGroups groups, String tablePrefix) {
        return of(label, definition, groups, tablePrefix, null);
    }

    public static SplitTable of(String label, TableDefinition definition, ColumnGroups groups, String tablePrefix,
                                CoveringIndex covering) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < groups.groups().size(); i++) {
            List<String> columns = new ArrayList<>(definition.primaryKey());
            columns.addAll(groups.groups().get(i));
            parts.add(new Part(groups.singleTable() ? tablePrefix : tablePrefix + "_p" + (i + 1), columns));
        }
        return new SplitTable(label, definition, groups, parts, covering);
    }

    /** The part that holds a non-key column; for a key column, the first part. */
    public Part partOf(String column) {
        if (definition.isKey(column)) {
            return parts.get(0);
        }
        return parts.stream().filter(p -> p.holds(column)).findFirst().orElseThrow(() ->
                new IllegalArgumentException(definition.name() + " has no column " + column));
    }

    public List<String> tableNames() {
        return parts.stream().map(Part::table).toList();
    }
}
