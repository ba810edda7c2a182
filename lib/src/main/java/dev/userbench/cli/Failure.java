package dev.userbench.cli;

import dev.userbench.bench.RunFailedException;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.Dialects;
import dev.userbench.schema.JdbcUrls;
import dev.userbench.schema.NamespaceRefusedException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A failure as the user should read it: one sentence that names the fix, and an exit code. Built from
 * any exception, in this one place; every URL it mentions is masked and every known password removed,
 * since drivers quote URLs and logins back in their messages.
 */
public record Failure(String message, ExitCode exitCode) {

    /** The class names of each engine's drivers: to tell a missing driver from a URL no driver accepts. */
    private static final Map<String, List<String>> DRIVERS = Map.of(
            "sqlite", List.of("org.sqlite.JDBC"),
            "mysql", List.of("com.mysql.cj.jdbc.Driver", "org.mariadb.jdbc.Driver"),
            "postgresql", List.of("org.postgresql.Driver"));

    public static Failure of(Throwable error, String maskedUrl) {
        return of(error, maskedUrl, List.of());
    }

    /** The failure with the connection's URL masked and its passwords removed from the message. */
    public static Failure of(Throwable error, ConnectionSpec connection) {
        return connection == null ? of(error, "", List.of()) : of(error, connection.maskedUrl(), connection.secrets());
    }

    /**
     * A run that stopped part-way. A wrong argument found that late is the run's failure (exit 4) unless
     * nothing had started yet; a connection that broke after the run had started says so.
     */
    public static Failure ofRun(RunFailedException failed, ConnectionSpec connection) {
        Failure failure = of(failed.getCause(), connection);
        boolean started = failed.partial() != null;
        if (!started) {
            return failure;
        }
        if (failure.exitCode() != ExitCode.USAGE && connectionLost(failed.getCause())) {
            return new Failure("the connection to " + connection.maskedUrl() + " was lost: check that the server is "
                    + "still up and reachable, then run again (the next run starts from fresh tables)", ExitCode.CONNECTION);
        }
        return failure.exitCode() == ExitCode.USAGE ? new Failure(failure.message(), ExitCode.RUN_FAILED) : failure;
    }

    /**
     * A failure after the connection was up (an advise that was seeding or measuring): a session that went away is
     * named as such, whatever the driver's own words for it ("statement closed" from mysql-connector-j, with the
     * rollback's 08003 suppressed under it).
     */
    public static Failure ofSession(Throwable error, ConnectionSpec connection) {
        Failure failure = of(error, connection);
        if (connection != null && failure.exitCode() == ExitCode.RUN_FAILED && connectionLost(error)) {
            return new Failure("the connection to " + connection.maskedUrl() + " was lost: check that the server is "
                    + "still up and reachable, then run again", ExitCode.CONNECTION);
        }
        return failure;
    }

    static Failure of(Throwable error, String maskedUrl, Collection<String> secrets) {
        Failure failure = classify(error, maskedUrl);
        return new Failure(JdbcUrls.redact(failure.message(), secrets), failure.exitCode());
    }

    /** The stack trace for --verbose, with the same masking as the message. */
    public static String stackTrace(Throwable error, ConnectionSpec connection) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return connection == null ? JdbcUrls.mask(trace.toString()) : connection.redact(trace.toString());
    }

    private static Failure classify(Throwable error, String maskedUrl) {
        if (error instanceof UsageException usage) {
            return new Failure(usage.getMessage(), ExitCode.USAGE);
        }
        NamespaceRefusedException refused = find(error, NamespaceRefusedException.class);
        if (refused != null) {
            return new Failure(clean(refused.getMessage()), ExitCode.USAGE);
        }
        if (error instanceof dev.userbench.cluster.ClusterUnavailableException missing) {
            return new Failure(missing.getMessage(), ExitCode.MISSING_TOOL);
        }
        if (error instanceof IllegalArgumentException) {
            return new Failure(clean(error.getMessage()), ExitCode.USAGE);
        }
        SQLException sql = find(error, SQLException.class);
        if (sql != null) {
            return ofSql(sql, maskedUrl);
        }
        if (error instanceof AccessDeniedException denied) {
            return new Failure("cannot write " + denied.getFile() + ": choose a writable folder with --out", ExitCode.USAGE);
        }
        if (error instanceof FileSystemException fs) {
            return new Failure("cannot write " + fs.getFile() + " (" + fs.getReason() + "): choose another folder with --out",
                    ExitCode.RUN_FAILED);
        }
        if (error instanceof IOException io) {
            return new Failure("could not write the results: " + clean(io.getMessage()), ExitCode.RUN_FAILED);
        }
        return new Failure("the run failed: " + clean(String.valueOf(error.getMessage())) + " (run with --verbose for details)",
                ExitCode.RUN_FAILED);
    }

    private static Failure ofSql(SQLException e, String url) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = clean(e.getMessage());
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("no suitable driver") || lower.contains("unable to parse url")
                || lower.contains("malformed") && lower.contains("url")) {
            return noDriver(url);
        }
        if (lower.contains("access denied") && lower.contains("to database")) {
            return new Failure("the database user may not use that database (" + text + "): grant it all privileges "
                    + "on the tool's database, or choose another with --schema", ExitCode.CONNECTION);
        }
        if (e instanceof SQLInvalidAuthorizationSpecException || state.startsWith("28")
                || lower.contains("access denied") || lower.contains("password authentication failed")) {
            return new Failure("the server at " + url + " refused the user or password: check --user and "
                    + "USERBENCH_PASSWORD (or --password)", ExitCode.CONNECTION);
        }
        if (state.equals("3D000") || lower.contains("unknown database") || (lower.contains("database") && lower.contains("does not exist"))) {
            return new Failure("the database named in " + url + " does not exist: name an existing one in the URL "
                    + "(it is only where userbench connects; its tables go in a database or schema of its own, see --schema)",
                    ExitCode.CONNECTION);
        }
        if (isDiskFull(e, state, lower)) {
            return new Failure("the database ran out of space (" + text + "): free disk space or use fewer --users, "
                    + "then run again; the unfinished transaction was rolled back", ExitCode.RUN_FAILED);
        }
        if (state.startsWith("42501") || lower.contains("permission denied") || lower.contains("command denied")) {
            return new Failure("the database user may not do what the tool needs (" + text + "): grant it the right "
                    + "to create tables in its own database or schema (see --schema), or use another --user",
                    ExitCode.CONNECTION);
        }
        if (state.startsWith("08") || lower.contains("communications link failure") || lower.contains("connection refused")
                || lower.contains("connect timed out") || lower.contains("could not connect")) {
            return new Failure("could not connect to " + url + ": check that the server is running and the host and "
                    + "port are right (" + text + ")", ExitCode.CONNECTION);
        }
        return new Failure("the database reported an error: " + text + " (run with --verbose for details)", ExitCode.RUN_FAILED);
    }

    /** No driver took the URL: either none is on the class path for its engine, or the URL is malformed. */
    private static Failure noDriver(String url) {
        String engine;
        try {
            Dialect dialect = Dialects.forUrl(url);
            engine = dialect.engine().label();
        } catch (IllegalArgumentException notOurs) {
            return new Failure("no JDBC driver accepts " + url + ": check the URL's scheme (jdbc:sqlite:, jdbc:mysql:, "
                    + "jdbc:mariadb:, jdbc:postgresql:) and spelling", ExitCode.USAGE);
        }
        List<String> wanted = DRIVERS.getOrDefault(engine, List.of());
        boolean registered = DriverManager.drivers().anyMatch(d -> wanted.contains(d.getClass().getName()));
        if (!registered) {
            return new Failure("the JDBC driver for " + engine + " (" + String.join(" or ", wanted) + ") is not on the "
                    + "class path: run the tool's jar (./userbench), or add the driver jar to the class path", ExitCode.USAGE);
        }
        return new Failure("the " + engine + " driver does not accept " + url + " as a JDBC URL: check its form, "
                + "e.g. jdbc:mysql://HOST:PORT/DB or jdbc:postgresql://HOST:PORT/DB with a numeric port", ExitCode.USAGE);
    }

    private static boolean isDiskFull(SQLException e, String state, String lower) {
        return state.equals("53100") || e.getErrorCode() == 1114 || lower.contains("sqlite_full")
                || lower.contains("disk is full") || lower.contains("no space left") || lower.contains("disk full");
    }

    /**
     * Whether a session that was up went away. Drivers say so in many ways: SQL state 08xxx, or only that the
     * statement or connection is closed (mysql-connector-j, whose rollback then fails with 08003), so the
     * causes and suppressed exceptions are all looked at.
     */
    private static boolean connectionLost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isConnectionLoss(sql)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof SQLException sql && isConnectionLoss(sql)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return state.startsWith("08") || text.contains("communications link") || text.contains("connection closed")
                || text.contains("connection has been closed") || text.contains("connection is closed")
                || text.contains("i/o error");
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** First line only, with any URL masked: drivers like to quote the URL back. */
    private static String clean(String message) {
        if (message == null) {
            return "no detail given";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return JdbcUrls.mask(first);
    }
}
