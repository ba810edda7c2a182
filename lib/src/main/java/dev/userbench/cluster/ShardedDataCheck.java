package dev.userbench.cluster;

import dev.userbench.schema.LayoutSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the data check adds on a sharded layout: whether any email is held twice across the shards. Each shard's
 * unique index holds on that shard only, so a layout sharded by uid without the lookup table can hold the same email
 * on two shards; the head sees every shard and counts.
 */
public final class ShardedDataCheck {

    private ShardedDataCheck() {
    }

    /** How many emails appear more than once in the layout's email table, over all shards, read through the head. */
    public static long duplicateEmails(Connection head, LayoutSql sql) throws SQLException {
        String table = sql.layout().root().name();
        try (Statement statement = head.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM (SELECT email FROM " + table
                     + " GROUP BY email HAVING COUNT(*) > 1) duplicated")) {
            row.next();
            long duplicates = row.getLong(1);
            head.commit();
            return duplicates;
        }
    }
}
