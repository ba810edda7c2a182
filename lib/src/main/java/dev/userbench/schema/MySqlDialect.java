package dev.userbench.schema;

import dev.userbench.model.Field;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    @Override
    public Engine engine() {
        return Engine.MYSQL;
    }

    @Override
    public String columnDefinition(Field field) {
        String type = switch (field.type()) {
            case UUID -> "BINARY(16)";
            case EMAIL, SHORT_TEXT -> "VARCHAR(255)";
            case SHA256_HEX -> "CHAR(64)";
            case ROLE -> "ENUM(" + ROLE_VALUES + ")";
            case BOOLEAN -> "BOOLEAN";
            case PHONE -> "VARCHAR(64)";
            case LONG_TEXT -> "TEXT";
            case URL -> "VARCHAR(512)";
            case TIMESTAMP -> "DATETIME";
        };
        return type + nullability(field);
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
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
    void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    Instant readInstant(ResultSet resultSet, int index) throws SQLException {
        return resultSet.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
