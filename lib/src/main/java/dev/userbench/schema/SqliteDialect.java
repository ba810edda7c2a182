package dev.userbench.schema;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.model.ColumnKind;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQLite: no UUID or timestamp types, so the uid is a 16-byte BLOB (half the 32-character text the
 * study's ORM wrote) and times are INTEGER seconds since the epoch; TEXT has no length to declare.
 * Tables keep SQLite's default rowid, as the study's ORM created them.
 */
public final class SqliteDialect extends BaseDialect {

    /** SQLite's storage classes: a 16-byte BLOB uuid, integer seconds for a timestamp. */
    @Override
    public String columnType(ColumnKind kind, Integer length, Integer scale, boolean indexed) {
        return switch (kind) {
            case UUID, BINARY -> "BLOB";
            case INTEGER, BIGINT, BOOLEAN, TIMESTAMP -> "INTEGER";
            case DECIMAL -> "NUMERIC";
            case TEXT, DATE, JSON -> "TEXT";
        };
    }

    @Override
    public Engine engine() {
        return Engine.SQLITE;
    }

    /** SQLite keeps no fixed-length text: its TEXT holds what it is given. */
    @Override
    String fixedText(int length) {
        return "TEXT";
    }

    /** Allowed values as any engine keeps them, and a uuid held to its 16 bytes (a BLOB takes any length). */
    @Override
    String check(ColumnDefinition column) {
        return super.check(column)
                + (column.kind() == ColumnKind.UUID ? " CHECK (length(" + quoteIdentifier(column.name()) + ") = 16)" : "");
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The file is the namespace: there is nothing to name, create or enter. */
    @Override
    public String namespaceKind() {
        return "file";
    }

    /** A file of zero pages is one the driver has just created: it counts as absent, so as the tool's. */
    @Override
    public boolean namespaceExists(Connection connection, String namespace) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet pages = statement.executeQuery("PRAGMA page_count")) {
            return pages.next() && pages.getLong(1) > 0;
        }
    }

    @Override
    public void createNamespace(Connection connection, String namespace) {
        // connecting created the file
    }

    @Override
    public void enterNamespace(Connection connection, String namespace) {
        // the connection is already in it
    }

    @Override
    public List<String> objectsIn(Connection connection, String namespace) throws SQLException {
        return names(connection, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND ? IS NOT NULL", namespace);
    }

    /** The file goes once the connection is closed: see {@link #namespaceFile}. */
    @Override
    public void dropNamespace(Connection connection, String namespace) {
    }

    @Override
    public Optional<Path> namespaceFile(String url) {
        String file = fileOf(url);
        return file == null ? Optional.empty() : Optional.of(Path.of(file).toAbsolutePath());
    }

    /** The study wrote under temp/db/ and made the folder first; so do we, for any file URL. */
    @Override
    public void beforeConnect(String url) throws SQLException {
        String file = fileOf(url);
        if (file == null) {
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

    /** The database file a URL names, or null for an in-memory or resource database. */
    private static String fileOf(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith(":resource:")) {
            return null;
        }
        return file;
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
    public Map<String, String> settings(Connection connection) throws SQLException {
        return read(connection, ordered(
                "sqlite_version", "SELECT sqlite_version()",
                "page_size", "PRAGMA page_size",
                "cache_size", "PRAGMA cache_size",
                "journal_mode", "PRAGMA journal_mode",
                "synchronous", "PRAGMA synchronous",
                "foreign_keys", "PRAGMA foreign_keys"));
    }

    /** The page cache belongs to the connection: a new connection starts cold (the OS file cache stays warm). */
    @Override
    public boolean coldStartPossible() {
        return true;
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setLong(index, instant.getEpochSecond());
    }

    /** A date as ISO text, which SQLite's date functions read. */
    @Override
    void bindDate(PreparedStatement statement, int index, java.time.LocalDate date) throws SQLException {
        statement.setString(index, date.toString());
    }

    @Override
    Instant readInstant(ResultSet resultSet, int index) throws SQLException {
        return Instant.ofEpochSecond(resultSet.getLong(index));
    }
}
