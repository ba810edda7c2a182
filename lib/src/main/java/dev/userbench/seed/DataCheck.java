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
    }

    private DataCheck() {
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
