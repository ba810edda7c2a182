package dev.userbench.schema;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.model.ColumnKind;
import dev.userbench.model.Field;
import dev.userbench.model.UserRole;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Binding and reading shared by the dialects; each overrides only what its engine stores differently. */
abstract class BaseDialect implements Dialect {

    @Override
    public String createIndex(IndexDef index) {
        String columns = java.util.stream.Stream.concat(index.keys().stream(), index.include().stream())
                .map(Field::column).collect(Collectors.joining(", "));
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + index.name()
                + " ON " + index.table() + " (" + columns + ")";
    }

    @Override
    public String columnDefinition(ColumnDefinition column, boolean indexed) {
        String type = column.fixedLength() ? fixedText(column.length())
                : columnType(column.kind(), column.length(), column.scale(), indexed);
        return type + (column.nullable() ? "" : " NOT NULL") + check(column);
    }

    /** Fixed-length text of {@code length} characters. */
    String fixedText(int length) {
        return "CHAR(" + length + ")";
    }

    /** A CHECK keeping the column to its allowed values, if it has any. */
    String check(ColumnDefinition column) {
        return column.allowed().isEmpty() ? ""
                : " CHECK (" + quoteIdentifier(column.name()) + " IN (" + literals(column.allowed()) + "))";
    }

    static String literals(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    /** Name/query pairs in the order given. */
    static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Runs each query (one row, one column) and keeps its answer under the given name. */
    static Map<String, String> read(Connection connection, Map<String, String> queries) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                try (ResultSet resultSet = statement.executeQuery(query.getValue())) {
                    settings.put(query.getKey(), resultSet.next() ? resultSet.getString(1) : null);
                }
            }
        }
        connection.commit();
        return settings;
    }

    /** Runs one statement that takes no values (DDL, USE, SET), committing it unless auto-commit already did. */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** The first column of every row a query with one text parameter returns. */
    static List<String> names(Connection connection, String sql, String parameter) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return List.copyOf(names);
    }

    @Override
    public void bind(PreparedStatement statement, int index, ColumnKind kind, Object value) throws SQLException {
        if (value == null) {
            bindNull(statement, index, kind);
            return;
        }
        switch (kind) {
            case UUID -> bindUuid(statement, index, (UUID) value);
            case INTEGER -> statement.setInt(index, ((Number) value).intValue());
            case BIGINT -> statement.setLong(index, ((Number) value).longValue());
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case TEXT -> statement.setString(index, (String) value);
            case JSON -> bindJson(statement, index, (String) value);
            case BINARY -> statement.setBytes(index, (byte[]) value);
            case TIMESTAMP -> bindInstant(statement, index, (Instant) value);
            case DATE -> bindDate(statement, index, (LocalDate) value);
        }
    }

    /** A null typed as the column's kind, so that a server that types parameters takes it for any column. */
    void bindNull(PreparedStatement statement, int index, ColumnKind kind) throws SQLException {
        statement.setNull(index, switch (kind) {
            case UUID, BINARY -> Types.BINARY;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DECIMAL -> Types.DECIMAL;
            case BOOLEAN -> Types.BOOLEAN;
            case TEXT, JSON -> Types.VARCHAR;
            case TIMESTAMP -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
        });
    }

    void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setString(index, json);
    }

    void bindDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        statement.setObject(index, date);
    }

    @Override
    public Object read(ResultSet resultSet, int index, Field field) throws SQLException {
        return switch (field.type()) {
            case UUID -> readUuid(resultSet, index);
            case ROLE -> UserRole.valueOf(resultSet.getString(index));
            case BOOLEAN -> resultSet.getBoolean(index);
            case TIMESTAMP -> readInstant(resultSet, index);
            default -> resultSet.getString(index);
        };
    }

    void bindUuid(PreparedStatement statement, int index, UUID uid) throws SQLException {
        statement.setBytes(index, bytes(uid));
    }

    UUID readUuid(ResultSet resultSet, int index) throws SQLException {
        ByteBuffer buffer = ByteBuffer.wrap(resultSet.getBytes(index));
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    abstract void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

    abstract Instant readInstant(ResultSet resultSet, int index) throws SQLException;

    static byte[] bytes(UUID uid) {
        return ByteBuffer.allocate(16).putLong(uid.getMostSignificantBits()).putLong(uid.getLeastSignificantBits()).array();
    }
}
