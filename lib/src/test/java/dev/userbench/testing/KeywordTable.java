package dev.userbench.testing;

import dev.userbench.schema.Engine;

import java.util.List;

/**
 * A user's table whose columns are named by SQL keywords ({@code order}, {@code key}, {@code desc}, {@code group},
 * {@code user}, {@code value}, {@code status}, {@code type}, {@code blob}) beside a key named {@code id}: its
 * {@code CREATE TABLE} as each engine's user writes it (double quotes on PostgreSQL and SQLite, backticks on
 * MySQL/MariaDB), and a workload on it whose statements quote the names the same way.
 */
public final class KeywordTable {

    public static final String NAME = "t_quoting";

    /** Every column, in declared order. */
    public static final List<String> COLUMNS = List.of("id", "order", "key", "desc", "group", "user", "value", "status",
            "type", "blob");

    private KeywordTable() {
    }

    public static String ddl(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> """
                    CREATE TABLE t_quoting (
                        id       bigint PRIMARY KEY,
                        "order"  integer NOT NULL,
                        "key"    varchar(40) NOT NULL UNIQUE,
                        "desc"   text,
                        "group"  varchar(10) NOT NULL CHECK ("group" IN ('red', 'green', 'blue')),
                        "user"   varchar(60),
                        "value"  numeric(10,2),
                        "status" varchar(20),
                        "type"   varchar(20),
                        "blob"   bytea
                    )""";
            case MYSQL -> """
                    CREATE TABLE `t_quoting` (
                        `id`     BIGINT NOT NULL,
                        `order`  INT NOT NULL,
                        `key`    VARCHAR(40) NOT NULL,
                        `desc`   TEXT,
                        `group`  ENUM('red', 'green', 'blue') NOT NULL,
                        `user`   VARCHAR(60),
                        `value`  DECIMAL(10,2),
                        `status` VARCHAR(20),
                        `type`   VARCHAR(20),
                        `blob`   BLOB,
                        PRIMARY KEY (`id`),
                        UNIQUE KEY `ux_t_quoting_key` (`key`)
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""";
            case SQLITE -> """
                    CREATE TABLE "t_quoting" (
                        "id"     INTEGER NOT NULL,
                        "order"  INTEGER NOT NULL,
                        "key"    TEXT NOT NULL,
                        "desc"   TEXT,
                        "group"  TEXT NOT NULL CHECK ("group" IN ('red', 'green', 'blue')),
                        "user"   TEXT,
                        "value"  NUMERIC(10,2),
                        "status" TEXT,
                        "type"   TEXT,
                        "blob"   BLOB,
                        PRIMARY KEY ("id"),
                        UNIQUE ("key")
                    )""";
        };
    }

    /**
     * Reads by a unique keyword column and by the key, an UPDATE and a DELETE found by a column some split keeps
     * apart, an ORDER BY and a LIMIT on keyword columns, an INSERT of every column; each name quoted as the engine's
     * user would quote it.
     */
    public static String queries(Engine engine) {
        String queries = """
                -- name: by_key
                -- weight: 50
                SELECT "key", "order", "status" FROM t_quoting WHERE "key" = ?;

                -- name: detail
                -- weight: 20
                SELECT "desc", "group", "user", "value", "type", "blob" FROM t_quoting WHERE id = ?;

                -- name: reorder
                -- weight: 15
                UPDATE t_quoting SET "order" = ?, "status" = ? WHERE id = ?;

                -- name: by_group
                -- weight: 5
                SELECT id, "order", "desc" FROM t_quoting WHERE "group" = ? ORDER BY "order" DESC, id LIMIT ?;

                -- name: add
                -- weight: 5
                INSERT INTO t_quoting (id, "order", "key", "desc", "group", "user", "value", "status", "type", "blob")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

                -- name: retype
                -- weight: 3
                UPDATE t_quoting SET "type" = ?, "desc" = ? WHERE "key" = ?;

                -- name: remove
                -- weight: 2
                DELETE FROM t_quoting WHERE "value" = ?;
                """;
        return engine == Engine.MYSQL ? queries.replace('"', '`') : queries;
    }
}
