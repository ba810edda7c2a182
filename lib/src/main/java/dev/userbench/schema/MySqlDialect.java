package dev.userbench.schema;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.model.ColumnKind;
import dev.userbench.model.Field;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * MySQL 8 and MariaDB 10.11, through either driver. The uid is BINARY(16) (MySQL has no UUID type and
 * MariaDB's arrived only in 10.7; 16 bytes instead of CHAR(36) keeps InnoDB's clustered key, which every
 * secondary index repeats, small). The role is an ENUM (one byte), times are DATETIME holding UTC,
 * and the bio is TEXT, which InnoDB keeps in the row while it fits.
 */
public final class MySqlDialect extends BaseDialect {

    /** Longest declared text that stays a VARCHAR; longer (or undeclared) is TEXT. */
    private static final int VARCHAR_MAX = 1024;

    /** BINARY(16) uuids and DATETIME, as the study's user entity is declared here; indexed text stays a VARCHAR. */
    @Override
    public String columnType(ColumnKind kind, Integer length, Integer scale, boolean indexed) {
        return switch (kind) {
            case UUID -> "BINARY(16)";
            case INTEGER -> "INT";
            case BIGINT -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + (length == null ? 20 : length) + ","
                    + (length == null ? 6 : scale == null ? 0 : scale) + ")";
            case BOOLEAN -> "BOOLEAN";
            case TEXT -> length != null && length <= VARCHAR_MAX ? "VARCHAR(" + length + ")"
                    : indexed ? "VARCHAR(" + VARCHAR_MAX + ")" : "TEXT";
            case TIMESTAMP -> "DATETIME";
            case DATE -> "DATE";
            case BINARY -> length != null && length <= VARCHAR_MAX ? "VARBINARY(" + length + ")" : "BLOB";
            case JSON -> "JSON";
        };
    }

    @Override
    public Engine engine() {
        return Engine.MYSQL;
    }

    /** Text with allowed values is an ENUM here, one byte per row, as the study's role always was. */
    @Override
    public String columnDefinition(ColumnDefinition column, boolean indexed) {
        if (column.kind() == ColumnKind.TEXT && !column.allowed().isEmpty()) {
            return "ENUM(" + literals(column.allowed()) + ")" + (column.nullable() ? "" : " NOT NULL");
        }
        return super.columnDefinition(column, indexed);
    }

    /** ENGINE=SPIDER tables partitioned by RANGE COLUMNS whose partitions live on the shards. */
    @Override
    public ShardedTables shardedTables() {
        return new SpiderTables(this);
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String namespaceKind() {
        return "database";
    }

    @Override
    public boolean namespaceExists(Connection connection, String namespace) throws SQLException {
        return !names(connection, "SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?", namespace).isEmpty();
    }

    @Override
    public void createNamespace(Connection connection, String namespace) throws SQLException {
        execute(connection, "CREATE DATABASE " + quoteIdentifier(namespace) + " DEFAULT CHARACTER SET utf8mb4");
    }

    /**
     * A plain USE rather than {@link Connection#setCatalog}: mysql-connector-j trims the name and passes one
     * that already looks quoted through unchanged, so odd names would land elsewhere. The price is that
     * that driver's {@code getCatalog()} keeps reporting the URL's database; the tool never asks it.
     */
    @Override
    public void enterNamespace(Connection connection, String namespace) throws SQLException {
        execute(connection, "USE " + quoteIdentifier(namespace));
    }

    /** Tables and views, and the routines and events that DROP DATABASE would take along too. */
    @Override
    public List<String> objectsIn(Connection connection, String namespace) throws SQLException {
        List<String> objects = new ArrayList<>();
        objects.addAll(names(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", namespace));
        objects.addAll(names(connection, "SELECT routine_name FROM information_schema.routines WHERE routine_schema = ?", namespace));
        objects.addAll(events(connection, namespace));
        return List.copyOf(objects);
    }

    /**
     * information_schema.events refuses to answer while the event scheduler is disabled (as on a server
     * started with --skip-grant-tables); mysql.event holds the same names, when the user may read it.
     */
    private static List<String> events(Connection connection, String namespace) throws SQLException {
        try {
            return names(connection, "SELECT event_name FROM information_schema.events WHERE event_schema = ?", namespace);
        } catch (SQLException schedulerDisabled) {
            restartTransaction(connection);
            try {
                return names(connection, "SELECT name FROM mysql.event WHERE db = ?", namespace);
            } catch (SQLException notReadable) {
                restartTransaction(connection);
                return List.of();
            }
        }
    }

    private static void restartTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    @Override
    public void dropNamespace(Connection connection, String namespace) throws SQLException {
        execute(connection, "DROP DATABASE " + quoteIdentifier(namespace));
    }

    /** Real batches: without these both drivers send a batch as one round trip per row. */
    @Override
    public Properties driverDefaults() {
        Properties properties = new Properties();
        properties.setProperty("rewriteBatchedStatements", "true");
        properties.setProperty("connectTimeout", "10000");
        return properties;
    }

    /**
     * Batches that both drivers rewrite into multi-row INSERTs ({@code rewriteBatchedStatements}, set in
     * {@link #driverDefaults()}): on InnoDB with random uuid keys they load at about the rate of
     * {@code LOAD DATA}, without needing {@code local_infile} on the server and in the driver.
     */
    @Override
    public BulkLoader bulkLoader() {
        return BulkLoader.batchedInserts();
    }

    @Override
    public Map<String, String> settings(Connection connection) throws SQLException {
        return read(connection, ordered(
                "version", "SELECT @@version",
                "innodb_buffer_pool_size", "SELECT @@innodb_buffer_pool_size",
                "innodb_flush_log_at_trx_commit", "SELECT @@innodb_flush_log_at_trx_commit",
                "innodb_page_size", "SELECT @@innodb_page_size",
                "sync_binlog", "SELECT @@sync_binlog"));
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    Instant readInstant(ResultSet resultSet, int index) throws SQLException {
        return resultSet.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
