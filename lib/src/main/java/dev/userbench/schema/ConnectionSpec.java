package dev.userbench.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where to connect: a JDBC URL and, optionally, a user and password given apart from it.
 * {@link #toString()} and {@link #maskedUrl()} never show a password.
 */
public record ConnectionSpec(String url, String user, String password) {

    public ConnectionSpec {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no JDBC URL given: pass --jdbc-url, e.g. jdbc:sqlite:temp/db/benchmarking_user.db");
        }
        url = url.trim();
    }

    public static ConnectionSpec of(String url) {
        return new ConnectionSpec(url, null, null);
    }

    public Dialect dialect() {
        return Dialects.forUrl(url);
    }

    public String maskedUrl() {
        return JdbcUrls.mask(url);
    }

    /** Opens a connection with auto-commit off, the dialect's driver defaults and session settings applied. */
    public Connection open() throws SQLException {
        Dialect dialect = dialect();
        Properties properties = dialect.driverDefaults();
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        dialect.beforeConnect(url);
        Connection connection = DriverManager.getConnection(url, properties);
        try {
            dialect.onConnect(connection);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return maskedUrl() + (user == null ? "" : " as " + user);
    }
}
