package dev.userbench.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Removes what the tool created and nothing else: its tables (those of every layout, those listed in
 * {@link CreatedTables}, and the marker; on a cluster's head the sharded layouts' tables there and on every shard,
 * through the head's own servers)
 * from a namespace that carries the marker, then the namespace itself when the marker says the tool
 * created it and nothing else is left in it. A namespace without the marker is not touched at all.
 */
public final class NamespaceCleaner {

    /** What cleaning did. {@code droppedNamespace} false with {@code leftOver} empty means it was adopted. */
    public record Outcome(boolean namespaceFound, List<String> droppedTables, boolean droppedNamespace,
                          List<String> leftOver) {
        public Outcome {
            droppedTables = List.copyOf(droppedTables);
            leftOver = List.copyOf(leftOver);
        }
    }

    private NamespaceCleaner() {
    }

    public static Outcome clean(ConnectionSpec spec) throws SQLException {
        Dialect dialect = spec.dialect();
        Namespace namespace = spec.namespace();
        List<String> dropped = new ArrayList<>();
        List<String> leftOver;
        boolean dropNamespace;
        Optional<Path> file = dialect.namespaceFile(spec.url());
        if (file.isPresent() && !Files.exists(file.get())) {
            // connecting would create the very file there is nothing to clean in
            return new Outcome(false, List.of(), false, List.of());
        }
        try (Connection connection = spec.openOutsideNamespace()) {
            if (!namespace.enterIfExists(connection, dialect)) {
                return new Outcome(false, List.of(), false, List.of());
            }
            List<String> objects = dialect.objectsIn(connection, namespace.name());
            if (!NamespaceMarker.presentIn(objects)) {
                throw new NamespaceRefusedException("nothing removed: " + namespace.describe(dialect)
                        + " carries no " + NamespaceMarker.TABLE + " table, so nothing in it is the tool's");
            }
            boolean created = NamespaceMarker.createdNamespace(connection);
            Set<String> ours = Namespace.toolTables();
            for (Layout layout : Layouts.all()) {
                // referencing tables first: the layout's own drop order
                for (String ddl : dialect.sql(layout).drop()) {
                    String table = ddl.substring(ddl.lastIndexOf(' ') + 1);
                    if (containsIgnoringCase(objects, table)) {
                        execute(connection, ddl);
                        dropped.add(table);
                    }
                }
            }
            // the tables a command named after the user's table (advise's candidates), only those it listed
            for (String table : CreatedTables.listed(connection, objects)) {
                if (containsIgnoringCase(objects, table)) {
                    execute(connection, "DROP TABLE " + table);
                    dropped.add(table);
                }
            }
            if (containsIgnoringCase(objects, CreatedTables.TABLE)) {
                execute(connection, "DROP TABLE " + CreatedTables.TABLE);
                dropped.add(CreatedTables.TABLE);
            }
            for (Layout layout : Layouts.sharded()) {
                // on a cluster's head: the routing tables here and the tables they route to on every shard
                LayoutSql sql = dialect.sql(layout);
                List<String> tables = sql.writtenTables().stream().map(TableDef::name)
                        .filter(table -> containsIgnoringCase(objects, table)).toList();
                if (!tables.isEmpty()) {
                    dropSharded(connection, sql);
                    dropped.addAll(tables);
                }
            }
            execute(connection, "DROP TABLE " + NamespaceMarker.TABLE);
            dropped.add(NamespaceMarker.TABLE);
            leftOver = dialect.objectsIn(connection, namespace.name()).stream()
                    .filter(o -> !ours.contains(o.toLowerCase(Locale.ROOT))).toList();
            dropNamespace = created && leftOver.isEmpty();
            if (dropNamespace && file.isEmpty()) {
                dialect.dropNamespace(connection, namespace.name());
            }
        }
        if (dropNamespace && file.isPresent()) {
            deleteDatabaseFile(file.get());
        }
        return new Outcome(true, dropped, dropNamespace, leftOver);
    }

    /** The sharded layout's tables on the head and on the shards, in a transaction of their own. */
    private static void dropSharded(Connection connection, LayoutSql sql) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            sql.dialect().shardedTables().drop(connection, sql);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The file and the journals SQLite may leave beside it. */
    private static void deleteDatabaseFile(Path file) throws SQLException {
        try {
            for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new SQLException("the tool's tables are gone but the file " + file + " could not be deleted: "
                    + e.getMessage(), "58030", e);
        }
    }

    private static boolean containsIgnoringCase(List<String> names, String wanted) {
        return names.stream().anyMatch(wanted::equalsIgnoreCase);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
