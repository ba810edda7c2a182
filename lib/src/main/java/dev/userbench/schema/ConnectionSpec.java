package dev.userbench.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where to connect: a JDBC URL, optionally a user and password given apart from it, and the
 * {@link Namespace} the tool's tables live in. {@link #open()} is the one way a session starts: it
 * connects (bounded by {@link #CONNECT_TIMEOUT}) and enters the namespace. {@link #toString()} and
 * {@link #maskedUrl()} never show a password; {@link #redact} removes it from any text.
 */
public record ConnectionSpec(String url, String user, String password, Namespace namespace) {

    /** The whole connect (TCP, the server's greeting, the login) gives up after this long. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionSpec {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no JDBC URL given: pass --jdbc-url, e.g. jdbc:sqlite:temp/db/benchmarking_user.db");
        }
        url = url.trim();
        namespace = namespace == null ? Namespace.standard() : namespace;
    }

    /** In the default namespace, {@value Namespace#DEFAULT_NAME}. */
    public ConnectionSpec(String url, String user, String password) {
        this(url, user, password, Namespace.standard());
    }

    public static ConnectionSpec of(String url) {
        return new ConnectionSpec(url, null, null);
    }

    public ConnectionSpec withNamespace(Namespace value) {
        return new ConnectionSpec(url, user, password, value);
    }

    public Dialect dialect() {
        return Dialects.forUrl(url);
    }

    public String maskedUrl() {
        return JdbcUrls.mask(url);
    }

    /** Every password this spec knows of (given apart or in the URL): what {@link #redact} removes. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(JdbcUrls.passwords(url));
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        return List.copyOf(secrets);
    }

    /** The text with every URL masked and this spec's passwords removed: for anything shown or written. */
    public String redact(String text) {
        return JdbcUrls.redact(text, secrets());
    }

    /**
     * Opens a connection inside the namespace (creating and marking it when absent; refusing, with a
     * {@link NamespaceRefusedException}, one that is not the tool's), with auto-commit off, the dialect's
     * driver defaults and session settings applied.
     */
    public Connection open() throws SQLException {
        Dialect dialect = dialect();
        Connection connection = connect();
        try {
            dialect.onConnect(connection);
            namespace.enter(connection, dialect);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Opens a connection where the URL points, outside the namespace, with auto-commit on: for
     * {@code clean}, which must not create the namespace it is asked to remove, and for tests.
     */
    public Connection openOutsideNamespace() throws SQLException {
        Connection connection = connect();
        try {
            dialect().onConnect(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private Connection connect() throws SQLException {
        Dialect dialect = dialect();
        Properties properties = dialect.driverDefaults();
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        dialect.beforeConnect(url);
        return BoundedConnect.within(CONNECT_TIMEOUT, maskedUrl(), () -> DriverManager.getConnection(url, properties));
    }

    @Override
    public String toString() {
        return maskedUrl() + (user == null ? "" : " as " + user) + " in " + namespace.name();
    }
}
