package dev.userbench.bench.workload;

import dev.userbench.schema.Dialect;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.PreparedSelect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The prepared statements (and selects) one step holds, closed together (all of them, even when one close fails). */
final class Statements implements AutoCloseable {

    private final Connection connection;
    private final List<AutoCloseable> statements = new ArrayList<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statements.add(statement);
        return statement;
    }

    /** A select by one key: one statement, or two when it looks the uid up first ({@link PreparedSelect}). */
    PreparedSelect prepare(Dialect dialect, LayoutSql.Select select) throws SQLException {
        PreparedSelect prepared = PreparedSelect.prepare(connection, dialect, select);
        statements.add(prepared);
        return prepared;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (AutoCloseable statement : statements) {
            try {
                statement.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            } catch (Exception e) {
                first = first == null ? new SQLException(e.getMessage(), e) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
