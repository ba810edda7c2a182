package dev.userbench.footprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userbench.schema.Layout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The precise alternative to {@link PostgresStatioProbe} on PostgreSQL: {@code EXPLAIN (ANALYZE, BUFFERS)}
 * runs the statement and reports the shared buffers its plan hit and read, for this statement alone
 * (no lag, no other sessions, planning excluded). It runs each sampled statement once more, so use it
 * on a sample rather than inside a timed loop.
 */
public final class PostgresExplainBuffers {

    static final String COUNTER = "EXPLAIN (ANALYZE, BUFFERS) shared hit/read blocks";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PostgresExplainBuffers() {
    }

    /** Runs {@code sql} once per parameter value (each bound as text to its only {@code ?}) and sums the buffers. */
    public static WorkingSet measure(Connection connection, Layout layout, String workload, String sql,
                                     List<String> parameters) throws SQLException {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("give at least one parameter value to explain " + sql);
        }
        long hit = 0;
        long read = 0;
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)) {
            for (String parameter : parameters) {
                statement.setString(1, parameter);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    JsonNode plan = parse(row.getString(1)).get(0).get("Plan");
                    hit += plan.path("Shared Hit Blocks").asLong();
                    read += plan.path("Shared Read Blocks").asLong();
                }
            }
        }
        connection.commit();
        return new WorkingSet(layout.name(), workload, parameters.size(), hit, read, COUNTER);
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new SQLException("PostgreSQL returned a plan that is not JSON: " + e.getMessage(), e);
        }
    }
}
