package dev.userbench.schema;

import dev.userbench.model.Field;
import dev.userbench.model.User;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binds users' values to an INSERT of one table, column by column. */
public final class Rows {

    private Rows() {
    }

    /** Binds every user to the table's INSERT and sends them as one JDBC batch. */
    public static void sendBatch(Dialect dialect, PreparedStatement insert, TableDef table, List<User> users)
            throws SQLException {
        for (User user : users) {
            bind(dialect, insert, table, user);
            insert.addBatch();
        }
        insert.executeBatch();
    }

    public static void bind(Dialect dialect, PreparedStatement statement, TableDef table, User user) throws SQLException {
        List<Field> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            dialect.bind(statement, i + 1, columns.get(i), user);
        }
    }
}
