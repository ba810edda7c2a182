package dev.userbench.testing;

import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Administration the tests do on the test servers as their admin user: namespaces and users whose names
 * start with {@code userbench_t_}, always dropped again by the test that made them.
 */
public final class TestServers {

    private static final Pattern ADDRESS = Pattern.compile("//([^/:?]+):(\\d+)");

    private TestServers() {
    }

    public record Address(String host, int port) {
    }

    public static Address address(String url) {
        Matcher matcher = ADDRESS.matcher(url);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no host:port in the test URL");
        }
        return new Address(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    /** The URL with its host and port replaced, e.g. to go through a proxy. */
    public static String withAddress(String url, String host, int port) {
        return ADDRESS.matcher(url).replaceFirst(Matcher.quoteReplacement("//" + host + ":" + port));
    }

    /** Runs statements as the test server's admin, outside any namespace, auto-committed. */
    public static void admin(TestEngine engine, String... statements) throws SQLException {
        try (Connection connection = ConnectionSpec.of(engine.url()).openOutsideNamespace();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    public static String quote(TestEngine engine, String name) {
        return ConnectionSpec.of(engine.url()).dialect().quoteIdentifier(name);
    }

    /** Drops a test namespace and all it holds; for cleaning up after a test only. */
    public static void dropNamespace(TestEngine engine, String name) throws SQLException {
        if (!name.startsWith("userbench_t_")) {
            throw new IllegalArgumentException("tests only drop namespaces they named userbench_t_...");
        }
        admin(engine, engine == TestEngine.POSTGRESQL
                ? "DROP SCHEMA IF EXISTS " + quote(engine, name) + " CASCADE"
                : "DROP DATABASE IF EXISTS " + quote(engine, name));
    }

    public static boolean namespaceExists(String url, String name) throws SQLException {
        ConnectionSpec spec = ConnectionSpec.of(url);
        try (Connection connection = spec.openOutsideNamespace()) {
            return spec.dialect().namespaceExists(connection, name);
        }
    }

    /** What the namespace holds, as the tool's dialect lists it. */
    public static List<String> objects(String url, String name) throws SQLException {
        ConnectionSpec spec = ConnectionSpec.of(url);
        Dialect dialect = spec.dialect();
        try (Connection connection = spec.openOutsideNamespace()) {
            return dialect.objectsIn(connection, name).stream().map(String::toLowerCase).sorted().toList();
        }
    }

    /** Rows of a table in a namespace (a qualified name; SQLite's file needs none). */
    public static long count(String url, String namespace, String table) throws SQLException {
        ConnectionSpec spec = ConnectionSpec.of(url);
        Dialect dialect = spec.dialect();
        String qualified = url.startsWith("jdbc:sqlite:") ? dialect.quoteIdentifier(table)
                : dialect.quoteIdentifier(namespace) + "." + dialect.quoteIdentifier(table);
        try (Connection connection = spec.openOutsideNamespace();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + qualified)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
