package dev.userbench.schema;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.model.ColumnKind;
import dev.userbench.model.Field;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * PostgreSQL: native {@code uuid} (16 bytes) and {@code timestamptz}; text columns are {@code text}
 * (PostgreSQL stores varchar and text alike); the role is text with a CHECK. A covering index uses
 * {@code INCLUDE}, so the login columns ride in the index leaf without widening its key.
 */
public final class PostgresDialect extends BaseDialect {

    /** Native uuid, timestamptz and jsonb, as the study's user entity is declared here. */
    @Override
    public String columnType(ColumnKind kind, Integer length, Integer scale, boolean indexed) {
        return switch (kind) {
            case UUID -> "uuid";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL -> length == null ? "numeric" : "numeric(" + length + "," + (scale == null ? 0 : scale) + ")";
            case BOOLEAN -> "boolean";
            case TEXT -> length == null ? "text" : "varchar(" + length + ")";
            case TIMESTAMP -> "timestamptz";
            case DATE -> "date";
            case BINARY -> "bytea";
            case JSON -> "jsonb";
        };
    }

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    String fixedText(int length) {
        return "char(" + length + ")";
    }

    @Override
    public String createIndex(IndexDef index) {
        if (index.include().isEmpty()) {
            return super.createIndex(index);
        }
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + index.name() + " ON " + index.table()
                + " (" + index.keys().stream().map(Field::column).collect(Collectors.joining(", ")) + ")"
                + " INCLUDE (" + index.include().stream().map(Field::column).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String namespaceKind() {
        return "schema";
    }

    @Override
    public boolean namespaceExists(Connection connection, String namespace) throws SQLException {
        return !names(connection, "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ?", namespace).isEmpty();
    }

    @Override
    public void createNamespace(Connection connection, String namespace) throws SQLException {
        execute(connection, "CREATE SCHEMA " + quoteIdentifier(namespace));
    }

    /** Only this schema on the path: unqualified names can never reach public or any other schema. */
    @Override
    public void enterNamespace(Connection connection, String namespace) throws SQLException {
        execute(connection, "SET search_path TO " + quoteIdentifier(namespace));
    }

    /** Tables, partitioned tables, views, materialized views, foreign tables and sequences. */
    @Override
    public List<String> objectsIn(Connection connection, String namespace) throws SQLException {
        return names(connection, "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')", namespace);
    }

    /** RESTRICT: should anything be left in it after all (a function, a type), PostgreSQL refuses. */
    @Override
    public void dropNamespace(Connection connection, String namespace) throws SQLException {
        execute(connection, "DROP SCHEMA " + quoteIdentifier(namespace) + " RESTRICT");
    }

    /** Without rewriting, pgjdbc sends a batch as one INSERT per row. */
    @Override
    public Properties driverDefaults() {
        Properties properties = new Properties();
        properties.setProperty("reWriteBatchedInserts", "true");
        properties.setProperty("connectTimeout", "10");
        return properties;
    }

    /** Parent tables partitioned by hash whose partitions are postgres_fdw foreign tables on the shards. */
    @Override
    public ShardedTables shardedTables() {
        return new PostgresFdwTables(this);
    }

    /** COPY: about twice the rows/s of even rewritten batched INSERTs. */
    @Override
    public BulkLoader bulkLoader() {
        return PostgresCopyLoader.INSTANCE;
    }

    @Override
    void bindUuid(PreparedStatement statement, int index, UUID uid) throws SQLException {
        statement.setObject(index, uid);
    }

    @Override
    UUID readUuid(ResultSet resultSet, int index) throws SQLException {
        return resultSet.getObject(index, UUID.class);
    }

    @Override
    public Map<String, String> settings(Connection connection) throws SQLException {
        return read(connection, ordered(
                "server_version", "SHOW server_version",
                "shared_buffers", "SHOW shared_buffers",
                "synchronous_commit", "SHOW synchronous_commit",
                "fsync", "SHOW fsync",
                "effective_cache_size", "SHOW effective_cache_size",
                "block_size", "SHOW block_size"));
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A null of no declared type, which the server types from the column (uuid, jsonb, timestamptz, ...). */
    @Override
    void bindNull(PreparedStatement statement, int index, ColumnKind kind) throws SQLException {
        statement.setNull(index, java.sql.Types.OTHER);
    }

    /** jsonb takes the text as an untyped parameter, which the server casts; as varchar it would be refused. */
    @Override
    void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setObject(index, json, java.sql.Types.OTHER);
    }

    @Override
    Instant readInstant(ResultSet resultSet, int index) throws SQLException {
        return resultSet.getObject(index, OffsetDateTime.class).toInstant();
    }
}
