package dev.userbench.testing;

import dev.userbench.schema.ConnectionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A namespace a test works in: a database (MariaDB), a schema (PostgreSQL) or a file (SQLite) named
 * {@code userbench_t_...}, with the command-line arguments that point the tool at it.
 */
public record TestNamespace(TestEngine engine, String url, String name, Path file) {

    public static TestNamespace of(TestEngine engine, Path dir, String name) {
        if (engine == TestEngine.SQLITE) {
            Path file = dir.resolve(name + ".db");
            return new TestNamespace(engine, "jdbc:sqlite:" + file, name, file);
        }
        return new TestNamespace(engine, engine.url(), name, null);
    }

    /** --jdbc-url and, on a server, --schema. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--jdbc-url", url));
        if (file == null) {
            arguments.addAll(List.of("--schema", name));
        }
        return arguments;
    }

    public ConnectionSpec spec() {
        return ConnectionSpec.of(url);
    }

    /** Creates the namespace (if needed) with a table that is not the tool's, holding {@code rows} rows. */
    public void createForeignTable(String table, int rows) throws SQLException {
        String qualified = qualified(table);
        if (file == null) {
            TestServers.admin(engine, engine == TestEngine.POSTGRESQL
                    ? "CREATE SCHEMA IF NOT EXISTS " + quote(name) : "CREATE DATABASE IF NOT EXISTS " + quote(name));
        }
        try (Connection connection = spec().openOutsideNamespace()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + qualified + " (id INTEGER PRIMARY KEY, note VARCHAR(40))");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + qualified + " VALUES (?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "the application's row " + i);
                    insert.executeUpdate();
                }
            }
        }
    }

    public boolean exists() throws SQLException {
        return file == null ? TestServers.namespaceExists(url, name) : Files.exists(file);
    }

    public List<String> objects() throws SQLException {
        return TestServers.objects(url, name);
    }

    public long count(String table) throws SQLException {
        return TestServers.count(url, name, table);
    }

    /** Drops it whatever it holds: cleanup after the test. */
    public void drop() throws Exception {
        if (file == null) {
            TestServers.dropNamespace(engine, name);
        } else {
            Files.deleteIfExists(file);
        }
    }

    public String qualified(String table) {
        return file == null ? quote(name) + "." + quote(table) : quote(table);
    }

    private String quote(String identifier) {
        return spec().dialect().quoteIdentifier(identifier);
    }
}
