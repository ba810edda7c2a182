package dev.userbench.advisor;

import dev.userbench.definition.TableDefinition;
import dev.userbench.schema.Engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A workload read from the engine's own statement statistics instead of a file: PostgreSQL's
 * {@code pg_stat_statements}, MySQL/MariaDB's {@code performance_schema.events_statements_summary_by_digest}. Every
 * statement of the current database that names the table and that the advisor can read becomes a query weighted by
 * its call count; the others (joins, other tables, lists the digest shortened) are counted as skipped.
 */
public final class StatementStatistics {

    /** The imported queries and how many statements naming the table could not be used. */
    public record Imported(List<WorkloadQuery> queries, int skipped, String source) {
    }

    private static final Pattern DOLLAR = Pattern.compile("\\$\\d+");

    private StatementStatistics() {
    }

    public static Imported read(Connection connection, Engine engine, TableDefinition table) throws SQLException {
        return switch (engine) {
            case POSTGRESQL -> postgres(connection, table);
            case MYSQL -> mysql(connection, table);
            case SQLITE -> throw new IllegalArgumentException("SQLite keeps no statement statistics: give the workload "
                    + "as a file with --queries");
        };
    }

    private static Imported postgres(Connection connection, TableDefinition table) throws SQLException {
        String preload = single(connection, "SELECT current_setting('shared_preload_libraries')");
        if (preload == null || !preload.toLowerCase(Locale.ROOT).contains("pg_stat_statements")) {
            throw new IllegalArgumentException("pg_stat_statements is not loaded on this server: add "
                    + "shared_preload_libraries = 'pg_stat_statements' to postgresql.conf, restart the server, run "
                    + "CREATE EXTENSION pg_stat_statements in the database, run the workload, then import again");
        }
        if (single(connection, "SELECT extname FROM pg_extension WHERE extname = 'pg_stat_statements'") == null) {
            throw new IllegalArgumentException("pg_stat_statements is loaded but not created in this database: run "
                    + "CREATE EXTENSION pg_stat_statements, run the workload, then import again");
        }
        String sql = "SELECT query, calls FROM pg_stat_statements "
                + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query ~* ? "
                + "ORDER BY calls DESC";
        List<String[]> rows = rows(connection, sql, "\\m" + table.name() + "\\M");
        return imported(table, rows, "pg_stat_statements", true);
    }

    private static Imported mysql(Connection connection, TableDefinition table) throws SQLException {
        String enabled = single(connection, "SELECT @@performance_schema");
        if (!"1".equals(enabled)) {
            throw new IllegalArgumentException("performance_schema is off on this server: start it with "
                    + "performance_schema=ON (in the [mysqld] section of its configuration), run the workload, then "
                    + "import again");
        }
        String sql = "SELECT DIGEST_TEXT, COUNT_STAR FROM performance_schema.events_statements_summary_by_digest "
                + "WHERE SCHEMA_NAME = DATABASE() AND DIGEST_TEXT LIKE ? ORDER BY COUNT_STAR DESC";
        List<String[]> rows = rows(connection, sql, "%" + table.name() + "%");
        return imported(table, rows, "events_statements_summary_by_digest", false);
    }

    private static Imported imported(TableDefinition table, List<String[]> rows, String source, boolean dollars) {
        List<WorkloadQuery> queries = new ArrayList<>();
        int skipped = 0;
        for (String[] row : rows) {
            String text = row[0].trim();
            if (dollars) {
                text = DOLLAR.matcher(text).replaceAll("?");
            }
            String upper = text.toUpperCase(Locale.ROOT);
            if (!(upper.startsWith("SELECT") || upper.startsWith("UPDATE") || upper.startsWith("INSERT")
                    || upper.startsWith("DELETE"))) {
                continue;
            }
            long calls = Long.parseLong(row[1]);
            try {
                WorkloadQuery query = new WorkloadQuery(source.startsWith("pg") ? "pg" + (queries.size() + 1)
                        : "digest" + (queries.size() + 1), text, calls);
                AnalyzedQuery.of(table, query);
                queries.add(query);
            } catch (IllegalArgumentException notUsable) {
                skipped++;
            }
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no statement on " + table.name()
                    + " that the advisor can use (" + skipped + " skipped): run the workload first, or give it with --queries");
        }
        return new Imported(List.copyOf(queries), skipped, source);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } finally {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static List<String[]> rows(Connection connection, String sql, String parameter) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new String[] {result.getString(1), result.getString(2)});
                }
            }
        } finally {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        return rows;
    }
}
