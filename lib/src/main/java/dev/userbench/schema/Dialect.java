package dev.userbench.schema;

import dev.userbench.model.Field;
import dev.userbench.model.User;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Everything that differs between engines: column types, DDL, how values are bound and read back,
 * and the driver settings a fair benchmark needs. Statements for a layout come from {@link #sql(Layout)}.
 */
public interface Dialect {

    Engine engine();

    /** The column's type as this engine would naturally declare it, with its constraints. */
    String columnDefinition(Field field);

    /** Text after {@code CREATE TABLE t (...)}, e.g. the storage engine. */
    default String tableOptions() {
        return "";
    }

    String createIndex(IndexDef index);

    /** Quotes an identifier that comes from a user (a schema or database name). */
    String quoteIdentifier(String identifier);

    /** Driver properties this tool relies on, unless the URL already sets them. */
    default Properties driverDefaults() {
        return new Properties();
    }

    /** Work before the driver connects, e.g. making the folder an embedded database file goes in. */
    default void beforeConnect(String url) throws SQLException {
    }

    /** Session settings applied once per new connection. */
    default void onConnect(Connection connection) throws SQLException {
    }

    void bind(PreparedStatement statement, int index, Field field, Object value) throws SQLException;

    /** Reads a column back as the model's Java type (UUID, String, UserRole, Boolean, Instant). */
    Object read(ResultSet resultSet, int index, Field field) throws SQLException;

    default void bind(PreparedStatement statement, int index, Field field, User user) throws SQLException {
        bind(statement, index, field, field.of(user));
    }

    /**
     * This engine's fastest honest way to fill a layout's empty tables with many users; every layout
     * of the engine uses the same one. Plain batched INSERTs unless the dialect knows better.
     */
    default BulkLoader bulkLoader() {
        return BulkLoader.batchedInserts();
    }

    default LayoutSql sql(Layout layout) {
        return new LayoutSql(this, layout);
    }
}
