package dev.userbench.seed;

import dev.userbench.model.Field;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a layout back and summarises what it holds: rows per table and the checksum of the users. */
public final class DataCheck {

    /** What one layout holds. {@code consistent} is true when every table has one row per user. */
    public record Summary(String layout, long users, String checksum, Map<String, Long> rowsPerTable, boolean consistent) {

        /** Whether the layout holds exactly {@code expectedUsers} users whose checksum is {@code expectedChecksum}. */
        public boolean holds(long expectedUsers, String expectedChecksum) {
            return consistent && users == expectedUsers && checksum.equals(expectedChecksum);
        }
    }

    /**
     * Whether a layout is still one user per row in every table after writes, when the checksum can no
     * longer match the seed: equal row counts, and no row outside the root table without its root row.
     */
    public record Consistency(String layout, Map<String, Long> rowsPerTable, long orphanRows, boolean consistent) {
        public Consistency {
            rowsPerTable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
        }
    }

    private DataCheck() {
    }

    /** Counts rows per table and orphaned rows: cheap, so it can run after every writing workload. */
    public static Consistency consistency(Connection connection, LayoutSql sql) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        long orphans = 0;
        try (Statement statement = connection.createStatement()) {
            for (TableDef table : sql.layout().tables()) {
                rows.put(table.name(), single(statement, sql.count(table)));
                if (table != sql.layout().root()) {
                    orphans += single(statement, sql.countOrphans(table));
                }
            }
        }
        connection.commit();
        boolean sameCounts = rows.values().stream().distinct().count() == 1;
        return new Consistency(sql.layout().name(), rows, orphans, sameCounts && orphans == 0);
    }

    private static long single(Statement statement, String query) throws SQLException {
        try (ResultSet resultSet = statement.executeQuery(query)) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }

    public static Summary of(Connection connection, LayoutSql sql) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (TableDef table : sql.layout().tables()) {
            try (Statement statement = connection.createStatement();
                 ResultSet resultSet = statement.executeQuery(sql.count(table))) {
                resultSet.next();
                rows.put(table.name(), resultSet.getLong(1));
            }
        }
        LayoutSql.Select select = sql.selectAll(Field.ALL);
        UserChecksum checksum = new UserChecksum();
        try (PreparedStatement statement = connection.prepareStatement(select.sql())) {
            statement.setFetchSize(1000);
            try (ResultSet resultSet = statement.executeQuery()) {
                List<Field> fields = select.fields();
                Map<Field, Object> values = new EnumMap<>(Field.class);
                while (resultSet.next()) {
                    for (int i = 0; i < fields.size(); i++) {
                        values.put(fields.get(i), sql.dialect().read(resultSet, i + 1, fields.get(i)));
                    }
                    checksum.add(values);
                }
            }
        }
        connection.commit();
        boolean consistent = rows.values().stream().allMatch(n -> n == checksum.count());
        return new Summary(sql.layout().name(), checksum.count(), checksum.value(), rows, consistent);
    }

    /** The checksum the generator's first {@code count} users must have in any layout. */
    public static String expected(UserGenerator generator, long count) {
        UserChecksum checksum = new UserChecksum();
        generator.iterator(count).forEachRemaining(checksum::add);
        return checksum.value();
    }
}
