package dev.userbench.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The statements, run on a cluster's head, that spread a sharded layout's tables over the shards: an ordinary table
 * on every shard (keyed by uid, by email for a lookup table, with the layout's indexes, which hold per shard only),
 * and on the head a table that routes each row by its shard key. The head knows its shards; the statements find them
 * there, so the same statements serve a local cluster and one on real hosts.
 */
public interface ShardedTables {

    /** Drops and creates every table of the layout on the shards and on the head. */
    List<String> create(LayoutSql sql);

    /** Drops every table of the layout on the head and on the shards. */
    List<String> drop(LayoutSql sql);

    /** Brings freshly loaded tables on every shard to a settled state (statistics, visibility map). */
    List<String> settle(LayoutSql sql);

    /** Drops and creates the layout's tables on the shards and the head, through the head's connection (committed). */
    default void recreate(Connection head, LayoutSql sql) throws SQLException {
        execute(head, drop(sql));
        execute(head, create(sql));
    }

    /** Drops the layout's tables on the head and the shards (committed). */
    default void drop(Connection head, LayoutSql sql) throws SQLException {
        execute(head, drop(sql));
    }

    /** Settles the layout's tables on every shard (committed). */
    default void settle(Connection head, LayoutSql sql) throws SQLException {
        execute(head, settle(sql));
    }

    private static void execute(Connection head, List<String> statements) throws SQLException {
        try (Statement statement = head.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        head.commit();
    }
}
