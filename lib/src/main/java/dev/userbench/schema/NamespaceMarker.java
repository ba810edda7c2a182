package dev.userbench.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The table that says "this namespace is userbench's": which version marked it, when, and whether the
 * tool created the namespace itself (then {@code clean} may drop the namespace once it is empty).
 * Portable types only, so one definition serves every engine.
 */
final class NamespaceMarker {

    static final String TABLE = Namespace.MARKER_TABLE;

    private NamespaceMarker() {
    }

    static boolean presentIn(List<String> objects) {
        return objects.stream().anyMatch(TABLE::equalsIgnoreCase);
    }

    static void write(Connection connection, Dialect dialect, boolean createdNamespace) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (tool_version VARCHAR(200) NOT NULL, "
                    + "marked_at VARCHAR(40) NOT NULL, created_namespace INTEGER NOT NULL)" + dialect.tableOptions());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (tool_version, marked_at, created_namespace) VALUES (?, ?, ?)")) {
            insert.setString(1, toolVersion());
            insert.setString(2, Instant.now().toString());
            insert.setInt(3, createdNamespace ? 1 : 0);
            insert.executeUpdate();
        }
        commitUnlessAutoCommit(connection);
    }

    /** Whether the marker says the tool created the namespace (rather than adopting it). */
    static boolean createdNamespace(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(created_namespace) FROM " + TABLE)) {
            boolean created = rows.next() && rows.getInt(1) == 1;
            commitUnlessAutoCommit(connection);
            return created;
        }
    }

    private static void commitUnlessAutoCommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static String toolVersion() {
        String version = NamespaceMarker.class.getPackage().getImplementationVersion();
        return "userbench " + (version == null ? "development build" : version);
    }
}
