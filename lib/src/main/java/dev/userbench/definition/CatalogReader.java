package dev.userbench.definition;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.schema.Engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table definition read from a live database's catalog ({@code information_schema} on PostgreSQL and
 * MySQL/MariaDB, {@code PRAGMA table_info} on SQLite), written back as one {@code CREATE TABLE} and read by the same
 * {@link DdlParser} as a file, so a table means the same whichever way it came. Widths come from the engine's
 * statistics where it keeps them ({@code pg_stats.avg_width}, after ANALYZE) and otherwise from the average length
 * of a sample of {@value #SAMPLE} rows.
 */
public final class CatalogReader {

    static final int SAMPLE = 1000;

    private CatalogReader() {
    }

    public static TableDefinition read(Connection connection, Engine engine, String table) throws SQLException {
        String name = table.toLowerCase(Locale.ROOT);
        List<String> columns = new ArrayList<>();
        // the definition's names are lower case; the catalog's keep the case a quoted name was created with
        Map<String, String> catalogNames = new LinkedHashMap<>();
        List<String> key = new ArrayList<>();
        List<String> unique = new ArrayList<>();
        switch (engine) {
            case POSTGRESQL -> {
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT column_name, data_type, udt_name, character_maximum_length, numeric_precision,
                               numeric_scale, is_nullable
                        FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?
                        ORDER BY ordinal_position""")) {
                    statement.setString(1, name);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            catalogNames.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(1));
                            columns.add(quoted(rows.getString(1)) + " " + postgresType(rows.getString(2), rows.getString(3),
                                    (Integer) rows.getObject(4), (Integer) rows.getObject(5), (Integer) rows.getObject(6))
                                    + ("NO".equals(rows.getString(7)) ? " NOT NULL" : ""));
                        }
                    }
                }
                constraints(connection, "current_schema()", name, key, unique);
                postgresUniqueIndexes(connection, name, unique);
            }
            case MYSQL -> {
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT column_name, column_type, is_nullable
                        FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?
                        ORDER BY ordinal_position""")) {
                    statement.setString(1, name);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            catalogNames.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(1));
                            columns.add(quoted(rows.getString(1)) + " " + rows.getString(2).replace(" unsigned", "")
                                    + ("NO".equals(rows.getString(3)) ? " NOT NULL" : ""));
                        }
                    }
                }
                constraints(connection, "DATABASE()", name, key, unique);
            }
            case SQLITE -> {
                Map<Integer, String> keyOrder = new java.util.TreeMap<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("PRAGMA table_info(" + quoted(name) + ")")) {
                    while (rows.next()) {
                        String column = rows.getString("name");
                        catalogNames.put(column.toLowerCase(Locale.ROOT), column);
                        String type = rows.getString("type");
                        columns.add(quoted(column) + " " + (type == null || type.isBlank() ? "TEXT" : type)
                                + (rows.getInt("notnull") == 1 ? " NOT NULL" : ""));
                        if (rows.getInt("pk") > 0) {
                            keyOrder.put(rows.getInt("pk"), column);
                        }
                    }
                }
                key.addAll(keyOrder.values());
                sqliteUnique(connection, name, unique);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("there is no table " + table + " where the URL points: name a table of "
                    + "that database (or schema) with --table-name, or give its CREATE TABLE with --table");
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(quoted(name)).append(" (")
                .append(String.join(", ", columns));
        if (!key.isEmpty()) {
            ddl.append(", PRIMARY KEY (").append(String.join(", ", key.stream().map(CatalogReader::quoted).toList())).append(')');
        }
        for (String column : unique) {
            ddl.append(", UNIQUE (").append(quoted(column)).append(')');
        }
        TableDefinition definition = DdlParser.parse(ddl.append(')').toString());
        return definition.withAverageBytes(widths(connection, engine, definition, catalogNames));
    }

    private static String postgresType(String dataType, String udt, Integer length, Integer precision, Integer scale) {
        return switch (dataType) {
            case "character varying" -> length == null ? "varchar" : "varchar(" + length + ")";
            case "character" -> "char(" + (length == null ? 1 : length) + ")";
            case "numeric" -> precision == null ? "numeric" : "numeric(" + precision + "," + (scale == null ? 0 : scale) + ")";
            case "timestamp with time zone" -> "timestamptz";
            case "timestamp without time zone" -> "timestamp";
            case "USER-DEFINED", "ARRAY" -> udt;
            default -> dataType;
        };
    }

    private static void constraints(Connection connection, String schema, String table, List<String> key,
                                    List<String> unique) throws SQLException {
        String sql = "SELECT tc.constraint_type, tc.constraint_name, kcu.column_name "
                + "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu "
                + "ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema "
                + "AND kcu.table_name = tc.table_name "
                + "WHERE tc.table_schema = " + schema + " AND tc.table_name = ? "
                + "AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE') ORDER BY tc.constraint_name, kcu.ordinal_position";
        Map<String, List<String>> uniques = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).equals("PRIMARY KEY")) {
                        key.add(rows.getString(3));
                    } else {
                        uniques.computeIfAbsent(rows.getString(2), k -> new ArrayList<>()).add(rows.getString(3));
                    }
                }
            }
        }
        uniques.values().stream().filter(c -> c.size() == 1).forEach(c -> unique.add(c.get(0)));
    }

    /**
     * PostgreSQL keeps a {@code CREATE UNIQUE INDEX} out of information_schema's constraints, yet it makes its column
     * as unique as a constraint would: a single plain column's unique index, without a predicate, counts.
     */
    private static void postgresUniqueIndexes(Connection connection, String table, List<String> unique)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.attname FROM pg_index i
                JOIN pg_class c ON c.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
                WHERE n.nspname = current_schema() AND c.relname = ? AND i.indisunique AND NOT i.indisprimary
                  AND i.indnkeyatts = 1 AND i.indpred IS NULL AND i.indexprs IS NULL
                ORDER BY a.attnum""")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!unique.contains(rows.getString(1))) {
                        unique.add(rows.getString(1));
                    }
                }
            }
        }
    }

    private static void sqliteUnique(Connection connection, String table, List<String> unique) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA index_list(" + quoted(table) + ")")) {
            while (rows.next()) {
                if (rows.getInt("unique") == 1 && !"pk".equals(rows.getString("origin"))) {
                    indexes.add(rows.getString("name"));
                }
            }
        }
        for (String index : indexes) {
            List<String> columns = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA index_info(" + quoted(index) + ")")) {
                while (rows.next()) {
                    columns.add(rows.getString("name"));
                }
            }
            if (columns.size() == 1) {
                unique.add(columns.get(0));
            }
        }
    }

    /** pg_stats.avg_width on PostgreSQL; elsewhere (or without statistics) the average length of a sample. */
    private static Map<String, Double> widths(Connection connection, Engine engine, TableDefinition table,
                                              Map<String, String> catalogNames)
            throws SQLException {
        Map<String, Double> widths = new LinkedHashMap<>();
        if (engine == Engine.POSTGRESQL) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT attname, avg_width FROM pg_stats WHERE schemaname = current_schema() AND tablename = ?")) {
                statement.setString(1, table.name());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        widths.put(rows.getString(1).toLowerCase(Locale.ROOT), (double) rows.getInt(2));
                    }
                }
            }
        }
        List<String> sampled = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            if (!widths.containsKey(column.name()) && column.kind().fixedBytes() == 0) {
                sampled.add(column.name());
            }
        }
        if (!sampled.isEmpty()) {
            String length = engine == Engine.MYSQL ? "LENGTH" : engine == Engine.POSTGRESQL ? "octet_length" : "length";
            String averages = String.join(", ", sampled.stream()
                    .map(c -> "AVG(" + length + "(" + quotedFor(engine, catalogNames.getOrDefault(c, c)) + "))").toList());
            String sql = "SELECT " + averages + " FROM (SELECT * FROM " + quotedFor(engine, table.name()) + " LIMIT "
                    + SAMPLE + ") s";
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                if (rows.next()) {
                    for (int i = 0; i < sampled.size(); i++) {
                        double average = rows.getDouble(i + 1);
                        if (!rows.wasNull()) {
                            widths.put(sampled.get(i), average);
                        }
                    }
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return widths;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String quotedFor(Engine engine, String identifier) {
        return engine == Engine.MYSQL ? "`" + identifier.replace("`", "``") + "`" : quoted(identifier);
    }
}
