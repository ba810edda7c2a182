package dev.userbench.schema;

import dev.userbench.model.Field;

import java.util.List;

/**
 * One table of a layout. Its first column is always {@link Field#UID}, the primary key; a table that
 * is not its layout's first table also references the first table's uid.
 */
public record TableDef(String name, List<Field> columns) {

    public TableDef {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || columns.get(0) != Field.UID) {
            throw new IllegalArgumentException("table " + name + " must start with the uid key");
        }
    }

    public boolean holds(Field field) {
        return columns.contains(field);
    }
}
