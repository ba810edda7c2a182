package dev.userbench.advisor;

import dev.userbench.schema.Engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Bytes a split's tables take with their indexes, from the engine's own accounting, as the study's storage probe
 * reads it: PostgreSQL {@code pg_total_relation_size}, InnoDB's {@code data_length + index_length} after
 * {@code ANALYZE TABLE}, SQLite {@code dbstat}.
 */
final class Storage {

    private Storage() {
    }

    static long bytes(Connection connection, Engine engine, List<String> tables) throws SQLException {
        String sql = switch (engine) {
            case POSTGRESQL -> "SELECT pg_total_relation_size(to_regclass(?))";
            case MYSQL -> "SELECT data_length + index_length FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND table_name = ?";
            case SQLITE -> "SELECT SUM(pgsize) FROM dbstat WHERE name IN "
                    + "(SELECT name FROM sqlite_master WHERE tbl_name = ?)";
        };
        long total = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String table : tables) {
                statement.setString(1, table);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next()) {
                        total += result.getLong(1);
                    }
                }
            }
        }
        connection.commit();
        return total;
    }
}
