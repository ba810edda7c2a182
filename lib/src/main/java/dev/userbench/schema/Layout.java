package dev.userbench.schema;

import dev.userbench.model.Field;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the user entity is laid out in tables: a definition, not code. Every workload reads and writes
 * through {@link LayoutSql}, which derives its statements from this definition, so a new layout is
 * one new definition in {@link Layouts}.
 *
 * @param name        the name used on the command line and in results
 * @param summary     one sentence for people
 * @param tables      the tables, the one holding {@code email} first; the others reference its uid
 * @param indexes     the secondary indexes (the unique email index included)
 * @param sharding    how the tables are spread over shards, or null for a layout on one server
 */
public record Layout(String name, String summary, List<TableDef> tables, List<IndexDef> indexes, Sharding sharding) {

    /** A layout on one server. */
    public Layout(String name, String summary, List<TableDef> tables, List<IndexDef> indexes) {
        this(name, summary, tables, indexes, null);
    }

    public Layout {
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        if (tables.isEmpty() || !tables.get(0).holds(Field.EMAIL)) {
            throw new IllegalArgumentException("layout " + name + ": its first table must hold email");
        }
        Set<Field> seen = EnumSet.of(Field.UID);
        for (TableDef table : tables) {
            for (Field field : table.columns().subList(1, table.columns().size())) {
                if (!seen.add(field)) {
                    throw new IllegalArgumentException("layout " + name + ": " + field.column() + " is in two tables");
                }
            }
        }
        if (!seen.equals(EnumSet.allOf(Field.class))) {
            throw new IllegalArgumentException("layout " + name + " misses fields: " + EnumSet.complementOf(EnumSet.copyOf(seen)));
        }
        if (sharding != null) {
            for (TableDef table : tables) {
                sharding.keyOf(table);
            }
        }
    }

    /** Whether the tables are spread over shards behind a head (a {@code cluster:} URL). */
    public boolean sharded() {
        return sharding != null;
    }

    /** The table a login looks the email up in. */
    public TableDef root() {
        return tables.get(0);
    }

    public TableDef tableOf(Field field) {
        if (field == Field.UID) {
            return root();
        }
        return tables.stream().filter(t -> t.holds(field)).findFirst().orElseThrow();
    }

    public boolean singleTable() {
        return tables.size() == 1;
    }

    public List<String> tableNames() {
        return tables.stream().map(TableDef::name).toList();
    }
}
