package dev.userbench.schema;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.model.ColumnKind;
import dev.userbench.model.Field;
import dev.userbench.model.User;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything that differs between engines: column types, DDL, how values are bound and read back,
 * and the driver settings a fair benchmark needs. Statements for a layout come from {@link #sql(Layout)}.
 */
public interface Dialect {

    Engine engine();

    /**
     * A column's type and constraints as this engine declares them, for any table (the study's columns are
     * definitions too): the kind's natural type, fixed-length text as CHAR(n), NOT NULL, and a column's allowed
     * values as this engine keeps them. {@code indexed}: a key or unique column (MySQL indexes no bare TEXT).
     */
    String columnDefinition(ColumnDefinition column, boolean indexed);

    /** The study's field as its column of {@code users.sql}. */
    default String columnDefinition(Field field) {
        return columnDefinition(field.definition(), field == Field.UID || field == Field.EMAIL);
    }

    /** Text after {@code CREATE TABLE t (...)}, e.g. the storage engine. */
    default String tableOptions() {
        return "";
    }

    String createIndex(IndexDef index);

    /**
     * The engine's natural type for a column of a user's table (advise's candidates): {@code length} is the declared
     * length or precision (null when none), {@code scale} the declared scale, {@code indexed} whether the column is a
     * key or unique (MySQL/MariaDB cannot index an unbounded TEXT).
     */
    String columnType(ColumnKind kind, Integer length, Integer scale, boolean indexed);

    /**
     * Quotes an identifier that comes from a user (a schema or database name, a column of a user's table), so that a
     * keyword ({@code order}, {@code key}, {@code blob}) or an odd character names exactly that object. The quoted
     * name keeps its case: on PostgreSQL a lower-case name quoted is the same name unquoted.
     */
    String quoteIdentifier(String identifier);

    /** What a {@link Namespace} is on this engine: {@code database}, {@code schema} or {@code file}. */
    String namespaceKind();

    boolean namespaceExists(Connection connection, String namespace) throws SQLException;

    void createNamespace(Connection connection, String namespace) throws SQLException;

    /** Makes unqualified table names of this session resolve inside the namespace, and only there. */
    void enterNamespace(Connection connection, String namespace) throws SQLException;

    /** The tables, views and other named objects a namespace holds (never its indexes). */
    List<String> objectsIn(Connection connection, String namespace) throws SQLException;

    /** Drops a namespace that {@link #objectsIn} found empty. */
    void dropNamespace(Connection connection, String namespace) throws SQLException;

    /** The file that is the namespace, on an engine whose database is a file; removed once empty and the tool's. */
    default Optional<Path> namespaceFile(String url) {
        return Optional.empty();
    }

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

    /** The engine settings that decide a result (cache, durability, page size), read from the live server. */
    Map<String, String> settings(Connection connection) throws SQLException;

    /**
     * Whether a read can start cold from here: true when a fresh connection brings a fresh cache
     * (an embedded engine). A server's cache outlives connections, and restarting it is not ours to do.
     */
    default boolean coldStartPossible() {
        return false;
    }

    /**
     * Binds a value of a column of the given kind, as the kind's Java type (UUID, Boolean, Instant, String, Number,
     * BigDecimal, LocalDate, byte[]; JSON as its text): the one way any value reaches this engine, the study's users'
     * and any table definition's rows alike.
     */
    void bind(PreparedStatement statement, int index, ColumnKind kind, Object value) throws SQLException;

    default void bind(PreparedStatement statement, int index, Field field, Object value) throws SQLException {
        bind(statement, index, field.kind(), field.columnValue(value));
    }

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

    /** How this engine spreads a sharded layout's tables over the shards behind a head. */
    default ShardedTables shardedTables() {
        throw new IllegalArgumentException("sharded layouts run on a cluster (cluster:postgres or cluster:mariadb), not on "
                + engine().label());
    }

    default LayoutSql sql(Layout layout) {
        return new LayoutSql(this, layout);
    }
}
