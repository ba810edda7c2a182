package dev.userbench.schema;

import dev.userbench.model.Field;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * SQLite: no UUID or timestamp types, so the uid is a 16-byte BLOB (half the 32-character text the
 * study's ORM wrote) and times are INTEGER seconds since the epoch; TEXT has no length to declare.
 * Tables keep SQLite's default rowid, as the study's ORM created them.
 */
public final class SqliteDialect extends BaseDialect {

    @Override
    public Engine engine() {
        return Engine.SQLITE;
    }

    @Override
    public String columnDefinition(Field field) {
        String type = switch (field.type()) {
            case UUID -> "BLOB";
            case ROLE -> "TEXT";
            case BOOLEAN, TIMESTAMP -> "INTEGER";
            default -> "TEXT";
        };
        String check = switch (field.type()) {
            case ROLE -> " CHECK (" + field.column() + " IN (" + ROLE_VALUES + "))";
            case UUID -> " CHECK (length(" + field.column() + ") = 16)";
            default -> "";
        };
        return type + nullability(field) + check;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The study wrote under temp/db/ and made the folder first; so do we, for any file URL. */
    @Override
    public void beforeConnect(String url) throws SQLException {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith(":resource:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new SQLException("cannot create the folder " + parent + " for the SQLite database: " + e.getMessage(), "08001", e);
        }
    }

    /** SQLite enforces foreign keys only when asked; the servers always do, so ask. */
    @Override
    public void onConnect(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
        }
    }

    /**
     * SQLite has no bulk protocol: the C API's fastest path is one transaction stepping one reused
     * prepared statement, which is what sqlite-jdbc's batch does in-process.
     */
    @Override
    public BulkLoader bulkLoader() {
        return BulkLoader.batchedInserts();
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setLong(index, instant.getEpochSecond());
    }

    @Override
    Instant readInstant(ResultSet resultSet, int index) throws SQLException {
        return Instant.ofEpochSecond(resultSet.getLong(index));
    }
}
