package dev.userbench.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables the tool created under names of the user's choosing (advise's {@code adv_<table>_...}), listed in
 * the marked namespace before they are created and struck off once dropped. Their names follow the user's table,
 * so a name alone cannot say whose a table is: {@code clean} drops a table only when this ledger lists it, and
 * {@code advise} never replaces a table of that name the ledger does not list. An interrupted or cut run leaves
 * its entries behind, which is how {@code clean} finds what it left.
 */
public final class CreatedTables {

    public static final String TABLE = "userbench_created";

    private CreatedTables() {
    }

    /** Lists the tables before they are created, and commits, so a run cut while creating them leaves their names. */
    public static void record(Connection connection, Dialect dialect, List<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (table_name VARCHAR(200) NOT NULL, "
                    + "created_at VARCHAR(40) NOT NULL)" + dialect.tableOptions());
        }
        List<String> known = listed(connection);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (table_name, created_at) VALUES (?, ?)")) {
            for (String table : tables) {
                if (!containsIgnoringCase(known, table)) {
                    insert.setString(1, table.toLowerCase(Locale.ROOT));
                    insert.setString(2, Instant.now().toString());
                    insert.executeUpdate();
                }
            }
        }
        commitUnlessAutoCommit(connection);
    }

    /** Strikes dropped tables off the list. */
    public static void forget(Connection connection, List<String> tables) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE table_name = ?")) {
            for (String table : tables) {
                delete.setString(1, table.toLowerCase(Locale.ROOT));
                delete.executeUpdate();
            }
        }
        commitUnlessAutoCommit(connection);
    }

    /** The listed tables; none when the namespace holds no ledger ({@code objects}: the namespace's tables). */
    public static List<String> listed(Connection connection, List<String> objects) throws SQLException {
        return containsIgnoringCase(objects, TABLE) ? listed(connection) : List.of();
    }

    /**
     * Refuses, before anything is created, a table of one of these names that the ledger does not list: it is
     * someone else's, and creating ours would drop it.
     */
    public static void refuseForeign(Connection connection, Dialect dialect, Namespace namespace, List<String> tables)
            throws SQLException {
        List<String> objects = dialect.objectsIn(connection, namespace.name());
        List<String> listed = listed(connection, objects);
        commitUnlessAutoCommit(connection);
        List<String> foreign = tables.stream()
                .filter(t -> containsIgnoringCase(objects, t) && !containsIgnoringCase(listed, t)).toList();
        if (!foreign.isEmpty()) {
            throw new NamespaceRefusedException("userbench will not replace " + String.join(", ", foreign) + " in "
                    + namespace.describe(dialect) + ": the tool did not create it; rename it, or "
                    + (dialect.engine() == Engine.SQLITE ? "point --jdbc-url at another file"
                    : "name another " + dialect.namespaceKind() + " with --schema NAME"));
        }
    }

    private static List<String> listed(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM " + TABLE)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static boolean containsIgnoringCase(List<String> names, String wanted) {
        return names.stream().anyMatch(wanted::equalsIgnoreCase);
    }

    private static void commitUnlessAutoCommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
