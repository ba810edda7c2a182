package dev.userbench.schema;

import dev.userbench.model.Field;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a layout's tables are spread over shards: the column each table is sharded by, and optionally an
 * email→uid lookup table sharded by email (what Vitess calls a lookup vindex), which enforces the one
 * uniqueness a table sharded by uid cannot: a duplicate email lands on the lookup's one shard for that
 * email and its primary key refuses it. Each shard holds ordinary tables; the head routes by the key.
 *
 * @param label  the key as written after {@code @} in the layout's name, e.g. {@code uid+email_lookup}
 * @param keys   the shard key of every table of the layout, by table name
 * @param lookup the email→uid table (columns uid, email; keyed and sharded by email), or null
 */
public record Sharding(String label, Map<String, Field> keys, TableDef lookup) {

    public Sharding {
        keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        if (lookup != null && !lookup.columns().equals(java.util.List.of(Field.UID, Field.EMAIL))) {
            throw new IllegalArgumentException("an email lookup table holds uid and email only: " + lookup.name());
        }
    }

    /** The column this table is sharded by; the lookup table is sharded by email. */
    public Field keyOf(TableDef table) {
        if (lookup != null && lookup.name().equals(table.name())) {
            return Field.EMAIL;
        }
        return Objects.requireNonNull(keys.get(table.name()), () -> "no shard key for table " + table.name());
    }

    /** The column a table's rows are unique by on their shard: email on the lookup table, else uid. */
    public Field primaryKeyOf(TableDef table) {
        return lookup != null && lookup.name().equals(table.name()) ? Field.EMAIL : Field.UID;
    }
}
