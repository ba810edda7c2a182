package dev.userbench.footprint;

import dev.userbench.schema.Dialect;
import dev.userbench.schema.Layout;
import dev.userbench.schema.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Bytes of each table, index and TOAST relation of a layout, from the engine's own accounting:
 * <ul>
 * <li>SQLite: the {@code dbstat} virtual table (pages of each b-tree times their size). A table's
 *     {@code PRIMARY KEY (uid)} is a separate b-tree that SQLite names {@code sqlite_autoindex_<table>_1};
 *     it is reported under that name as an {@code index}, because it is one.</li>
 * <li>MySQL/MariaDB (InnoDB): {@code mysql.innodb_index_stats} ({@code size} pages times
 *     {@code @@innodb_page_size}) after {@code ANALYZE TABLE}. The clustered index {@code PRIMARY} is the
 *     table (its leaf pages hold the rows, and off-page TEXT pages come from its segment too), so it is
 *     reported as kind {@code table} under the table's name; secondary indexes as {@code index}.</li>
 * <li>PostgreSQL: {@code pg_relation_size} of the heap, of each index and of the TOAST heap plus its index.
 *     Every fork counts (main, free-space map, visibility map), so the figures of a table add up to
 *     {@code pg_total_relation_size}; the maps are a few pages and appear only after (auto)vacuum.</li>
 * </ul>
 * The probe reads only the layout's own tables. On InnoDB it runs {@code ANALYZE TABLE}, which is what
 * refreshes the figures (it samples a few pages; it does not rewrite the table).
 */
public final class StorageProbe {

    private StorageProbe() {
    }

    /** Entries for every layout, in the order given. */
    public static List<FootprintEntry> measure(Connection connection, Dialect dialect, Collection<Layout> layouts)
            throws SQLException {
        List<FootprintEntry> entries = new ArrayList<>();
        for (Layout layout : layouts) {
            entries.addAll(measure(connection, dialect, layout));
        }
        return List.copyOf(entries);
    }

    /** Entries of one layout: per table, the table first, then its indexes and TOAST. */
    public static List<FootprintEntry> measure(Connection connection, Dialect dialect, Layout layout)
            throws SQLException {
        List<FootprintEntry> entries = new ArrayList<>();
        for (TableDef table : layout.tables()) {
            entries.addAll(switch (dialect.engine()) {
                case SQLITE -> sqlite(connection, layout.name(), table.name());
                case MYSQL -> innodb(connection, layout.name(), table.name());
                case POSTGRESQL -> postgres(connection, layout.name(), table.name());
            });
        }
        connection.commit();
        return List.copyOf(entries);
    }

    /** The sum of the entries of one layout (every entry when {@code layout} is null). */
    public static long totalBytes(Collection<FootprintEntry> entries, String layout) {
        return entries.stream().filter(e -> layout == null || e.layout().equals(layout))
                .mapToLong(FootprintEntry::bytes).sum();
    }

    /** The sum of the entries of one layout and kind. */
    public static long totalBytes(Collection<FootprintEntry> entries, String layout, String kind) {
        return entries.stream().filter(e -> e.layout().equals(layout) && e.kind().equals(kind))
                .mapToLong(FootprintEntry::bytes).sum();
    }

    private static List<FootprintEntry> sqlite(Connection connection, String layout, String table) throws SQLException {
        // sqlite_schema says which b-trees belong to the table: the table itself and every index on it,
        // the automatic ones (primary key, UNIQUE constraints) included
        String sql = "SELECT m.name, m.type, SUM(s.pgsize) FROM sqlite_schema m JOIN dbstat s ON s.name = m.name"
                + " WHERE m.tbl_name = ? AND m.type IN ('table', 'index')"
                + " GROUP BY m.name, m.type ORDER BY m.type DESC, m.name";
        List<FootprintEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String kind = "table".equals(rows.getString(2)) ? FootprintEntry.TABLE : FootprintEntry.INDEX;
                    entries.add(new FootprintEntry(layout, rows.getString(1), kind, rows.getLong(3)));
                }
            }
        }
        requireFound(entries, table);
        return entries;
    }

    private static List<FootprintEntry> innodb(Connection connection, String layout, String table) throws SQLException {
        // ANALYZE writes fresh persistent statistics; without it the sizes may be those of an empty table.
        // The table name comes from a Layout definition, never from a user, so concatenating it is safe.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE TABLE " + table);
        }
        String sql = "SELECT s.index_name, s.stat_value * @@innodb_page_size FROM mysql.innodb_index_stats s"
                + " WHERE s.database_name = DATABASE() AND s.table_name = ? AND s.stat_name = 'size'"
                + " ORDER BY s.index_name <> 'PRIMARY', s.index_name";
        List<FootprintEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String index = rows.getString(1);
                    boolean clustered = "PRIMARY".equals(index) || "GEN_CLUST_INDEX".equals(index);
                    entries.add(new FootprintEntry(layout, clustered ? table : index,
                            clustered ? FootprintEntry.TABLE : FootprintEntry.INDEX, rows.getLong(2)));
                }
            }
        } catch (SQLException denied) {
            // a user without SELECT on the mysql schema (a least-privilege benchmark user) cannot read the
            // per-index figures; the totals below need no such right
            connection.rollback();
            entries.clear();
        }
        if (entries.isEmpty()) {
            // persistent statistics are off (innodb_stats_persistent=0) or unreadable: information_schema has totals
            entries.addAll(innodbTotals(connection, layout, table));
        }
        requireFound(entries, table);
        return entries;
    }

    private static List<FootprintEntry> innodbTotals(Connection connection, String layout, String table)
            throws SQLException {
        String sql = "SELECT DATA_LENGTH, INDEX_LENGTH FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return List.of();
                }
                return List.of(new FootprintEntry(layout, table, FootprintEntry.TABLE, rows.getLong(1)),
                        new FootprintEntry(layout, table + " (all secondary indexes)", FootprintEntry.INDEX, rows.getLong(2)));
            }
        }
    }

    /** Every fork of a relation: what pg_total_relation_size adds up. */
    private static String allForks(String relation) {
        return "(pg_relation_size(" + relation + ", 'main') + pg_relation_size(" + relation + ", 'fsm')"
                + " + pg_relation_size(" + relation + ", 'vm') + pg_relation_size(" + relation + ", 'init'))";
    }

    private static List<FootprintEntry> postgres(Connection connection, String layout, String table) throws SQLException {
        // to_regclass resolves the name through the search_path, as the layout's own statements do
        String sql = "SELECT c.relname, 'table', " + allForks("c.oid") + " FROM pg_class c WHERE c.oid = to_regclass(?)"
                + " UNION ALL"
                + " SELECT i.relname, 'index', " + allForks("i.oid") + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                + " WHERE x.indrelid = to_regclass(?)"
                + " UNION ALL"
                + " SELECT 'pg_toast.' || t.relname, 'toast', " + allForks("t.oid")
                + " + COALESCE((SELECT SUM(" + allForks("ti.indexrelid") + ") FROM pg_index ti WHERE ti.indrelid = t.oid), 0)"
                + " FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid WHERE c.oid = to_regclass(?)";
        List<FootprintEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= 3; i++) {
                statement.setString(i, table);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new FootprintEntry(layout, rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
        }
        requireFound(entries, table);
        return entries;
    }

    private static void requireFound(List<FootprintEntry> entries, String table) {
        if (entries.isEmpty()) {
            throw new IllegalStateException("the engine knows no table " + table + ": seed the layout before measuring it");
        }
    }
}
