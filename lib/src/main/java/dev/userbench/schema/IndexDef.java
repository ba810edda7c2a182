package dev.userbench.schema;

import dev.userbench.model.Field;

import java.util.List;

/**
 * A secondary index. {@code include} lists columns the index carries only to answer a query from the
 * index alone (PostgreSQL {@code INCLUDE}); engines without that clause append them to the key.
 */
public record IndexDef(String name, String table, List<Field> keys, List<Field> include, boolean unique) {

    public IndexDef {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
    }

    public static IndexDef unique(String name, String table, Field key) {
        return new IndexDef(name, table, List.of(key), List.of(), true);
    }

    public static IndexDef covering(String name, String table, Field key, List<Field> include) {
        return new IndexDef(name, table, List.of(key), include, false);
    }
}
