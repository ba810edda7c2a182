package dev.userbench.cli;

import dev.userbench.schema.JdbcUrls;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Locale;

/**
 * A failure as the user should read it: one sentence that names the fix, and an exit code.
 * Built from any exception; the JDBC URL it mentions is always masked.
 */
public record Failure(String message, ExitCode exitCode) {

    public static Failure of(Throwable error, String maskedUrl) {
        if (error instanceof UsageException usage) {
            return new Failure(usage.getMessage(), ExitCode.USAGE);
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
        if (lower.contains("no suitable driver")) {
            return new Failure("no JDBC driver accepts " + url + ": check the URL's scheme (jdbc:sqlite:, jdbc:mysql:, "
                    + "jdbc:mariadb:, jdbc:postgresql:) and spelling", ExitCode.USAGE);
        }
        if (e instanceof SQLInvalidAuthorizationSpecException || state.startsWith("28")
                || lower.contains("access denied") || lower.contains("password authentication failed")) {
            return new Failure("the server at " + url + " refused the user or password: check --user and "
                    + "USERBENCH_PASSWORD (or --password)", ExitCode.CONNECTION);
        }
        if (state.equals("3D000") || lower.contains("unknown database") || (lower.contains("database") && lower.contains("does not exist"))) {
            return new Failure("the database named in " + url + " does not exist: create it or name another in the URL",
                    ExitCode.CONNECTION);
        }
        if (state.startsWith("08") || lower.contains("communications link failure") || lower.contains("connection refused")
                || lower.contains("connect timed out") || lower.contains("could not connect")) {
            return new Failure("could not connect to " + url + ": check that the server is running and the host and "
                    + "port are right (" + text + ")", ExitCode.CONNECTION);
        }
        return new Failure("the database reported an error: " + text + " (run with --verbose for details)", ExitCode.RUN_FAILED);
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
