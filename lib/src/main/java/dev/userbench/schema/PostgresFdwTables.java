package dev.userbench.schema;

import dev.userbench.model.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A sharded layout on a PostgreSQL head that reaches its shards through {@code postgres_fdw}: on every shard an
 * ordinary table in a schema of the head's schema's name; on the head a table {@code PARTITION BY HASH} of the shard
 * key whose partitions are foreign tables, one per shard (remainder {@code r} on the {@code r+1}-th shard). The shards
 * are the head's foreign servers named {@value #SERVER_PREFIX}{@code 1..N}; the tables on the shards are created
 * through {@code dblink} with the same servers. A unique index on the head's table would refuse foreign partitions,
 * so the layout's indexes live on each shard and hold there only.
 */
final class PostgresFdwTables implements ShardedTables {

    /** The foreign servers of the head that are its shards: {@code userbench_shard_1}, {@code userbench_shard_2}, ... */
    static final String SERVER_PREFIX = "userbench_shard_";

    private static final String SHARDS = "SELECT srvname FROM pg_catalog.pg_foreign_server WHERE srvname LIKE 'userbench\\_shard\\_%' "
            + "ORDER BY substr(srvname, " + (SERVER_PREFIX.length() + 1) + ")::int";

    private final PostgresDialect dialect;

    PostgresFdwTables(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<String> create(LayoutSql sql) {
        List<String> statements = new ArrayList<>(drop(sql));
        for (TableDef table : sql.writtenTables()) {
            statements.add(create(sql.layout(), table));
        }
        return List.copyOf(statements);
    }

    @Override
    public List<String> drop(LayoutSql sql) {
        List<TableDef> tables = new ArrayList<>(sql.writtenTables());
        java.util.Collections.reverse(tables);
        StringBuilder body = new StringBuilder();
        for (TableDef table : tables) {
            body.append("    EXECUTE 'DROP TABLE IF EXISTS ").append(table.name()).append("';\n");
        }
        body.append("    FOR shard IN ").append(SHARDS).append(" LOOP\n");
        for (TableDef table : tables) {
            body.append("        PERFORM public.dblink_exec(shard.srvname::text, format('DROP TABLE IF EXISTS %I.")
                    .append(table.name()).append("', current_schema()));\n");
        }
        body.append("    END LOOP;\n");
        return List.of(block(body.toString()));
    }

    @Override
    public List<String> settle(LayoutSql sql) {
        StringBuilder body = new StringBuilder("    FOR shard IN ").append(SHARDS).append(" LOOP\n");
        for (TableDef table : sql.writtenTables()) {
            body.append("        PERFORM public.dblink_exec(shard.srvname::text, format('VACUUM ANALYZE %I.")
                    .append(table.name()).append("', current_schema()));\n");
        }
        body.append("    END LOOP;\n");
        return List.of(block(body.toString()));
    }

    private String create(Layout layout, TableDef table) {
        Sharding sharding = layout.sharding();
        String columns = table.columns().stream().map(f -> f.column() + " " + dialect.columnDefinition(f))
                .collect(Collectors.joining(", "));
        StringBuilder onShard = new StringBuilder("CREATE TABLE ").append(table.name()).append(" (").append(columns)
                .append(", PRIMARY KEY (").append(sharding.primaryKeyOf(table).column()).append("))");
        for (IndexDef index : layout.indexes()) {
            if (index.table().equals(table.name())) {
                onShard.append("; ").append(dialect.createIndex(index));
            }
        }
        Field key = sharding.keyOf(table);
        String body = "    SELECT count(*) INTO shards FROM (" + SHARDS + ") s;\n"
                + "    IF shards = 0 THEN\n"
                + "        RAISE EXCEPTION 'sharded layouts need a cluster head with foreign servers " + SERVER_PREFIX
                + "1..N: use --jdbc-url cluster:postgres';\n"
                + "    END IF;\n"
                + "    EXECUTE 'CREATE TABLE " + table.name() + " (" + columns.replace("'", "''") + ") PARTITION BY HASH ("
                + key.column() + ")';\n"
                + "    FOR shard IN " + SHARDS + " LOOP\n"
                + "        PERFORM public.dblink_exec(shard.srvname::text, format('CREATE SCHEMA IF NOT EXISTS %1$I; "
                + "SET search_path TO %1$I; ', current_schema()) || $ddl$" + onShard + "$ddl$);\n"
                + "        EXECUTE format('CREATE FOREIGN TABLE %I PARTITION OF " + table.name()
                + " FOR VALUES WITH (MODULUS %s, REMAINDER %s) SERVER %I OPTIONS (schema_name %L, table_name %L)', '"
                + table.name() + "_s' || (remainder + 1), shards, remainder, shard.srvname, current_schema(), '"
                + table.name() + "');\n"
                + "        remainder := remainder + 1;\n"
                + "    END LOOP;\n";
        return block(body);
    }

    private static String block(String body) {
        return "DO $userbench$\nDECLARE\n    shard record;\n    shards int;\n    remainder int := 0;\nBEGIN\n" + body
                + "END\n$userbench$";
    }
}
