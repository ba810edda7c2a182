package dev.userbench.orm;

import dev.userbench.schema.ConnectionSpec;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What can be validated on SQLite: every table and column the entities map exists (their types cannot be compared,
 * see {@link OrmSessions#boot}).
 */
final class SqliteTables {

    private SqliteTables() {
    }

    static void check(ConnectionSpec spec, SessionFactory factory) {
        Set<String> missing = new TreeSet<>();
        try (Connection connection = spec.open()) {
            for (EntityMappingType entity : factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                    .streamEntityDescriptors().toList()) {
                entity.forEachSelectable((index, column) -> {
                    String table = column.getContainingTableExpression();
                    if (!columns(connection, table).contains(column.getSelectionExpression().toLowerCase(Locale.ROOT))) {
                        missing.add(table + "." + column.getSelectionExpression());
                    }
                });
                entity.getIdentifierMapping().forEachSelectable((index, column) -> {
                    String table = column.getContainingTableExpression();
                    if (!columns(connection, table).contains(column.getSelectionExpression().toLowerCase(Locale.ROOT))) {
                        missing.add(table + "." + column.getSelectionExpression());
                    }
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the tables' columns: " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Schema validation: missing column(s) " + String.join(", ", missing));
        }
    }

    private static Set<String> columns(Connection connection, String table) {
        Set<String> columns = new HashSet<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, null, table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the columns of " + table + ": " + e.getMessage(), e);
        }
        return columns;
    }
}
