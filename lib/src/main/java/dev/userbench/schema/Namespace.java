package dev.userbench.schema;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where the tool keeps its tables: a MySQL/MariaDB database or a PostgreSQL schema of its own
 * (default {@value #DEFAULT_NAME}), or, on SQLite, the database file itself. The URL's database is only
 * where the connection lands; {@link #enter} then moves the session into the namespace, creating it
 * when absent. The tool works only in a namespace that carries its marker table, so pointed by mistake
 * at an application's database it refuses instead of dropping anything.
 *
 * @param name          the database or schema name (ignored on SQLite, whose file is the namespace)
 * @param adoptExisting take over a namespace that already holds other tables (then marked as adopted)
 */
public record Namespace(String name, boolean adoptExisting) {

    /** The table that marks a namespace as the tool's own. */
    public static final String MARKER_TABLE = "userbench_marker";
    public static final String DEFAULT_NAME = "userbench";
    /** PostgreSQL truncates longer names to 63 bytes without a word; MySQL allows 64 characters. */
    public static final int MAX_NAME_BYTES = 63;
    /** The longest file name Linux file systems (ext4, xfs, btrfs) allow: MySQL/MariaDB's database directory. */
    static final int MAX_FILE_NAME_BYTES = 255;
    /** MySQL and MariaDB refuse database names starting with this (it once meant "a raw file name follows"). */
    static final String MYSQL50_PREFIX = "#mysql50#";
    /** System namespaces: never adopted, whatever the flags say. */
    private static final Set<String> SYSTEM = Set.of("mysql", "information_schema", "performance_schema", "sys",
            "pg_catalog", "pg_toast");

    public Namespace {
        String problem = problemWith(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static Namespace standard() {
        return new Namespace(DEFAULT_NAME, false);
    }

    public Namespace adopting(boolean adopt) {
        return new Namespace(name, adopt);
    }

    /**
     * Why a name cannot be a namespace, or null when it can. Quoting handles any character; these are the
     * names that some supported engine refuses or does not hold faithfully, so that one --schema works on
     * every engine (checked against the real servers by {@code IdentifierQuotingPropertyTest}).
     */
    public static String problemWith(String name) {
        if (name == null || name.isEmpty()) {
            return "the --schema name is empty: give a name such as " + DEFAULT_NAME;
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return "the --schema name is longer than " + MAX_NAME_BYTES + " bytes (PostgreSQL would cut it short): "
                    + "give a shorter name";
        }
        if (name.indexOf('\0') >= 0) {
            return "the --schema name contains a NUL character, which no database accepts: give another name";
        }
        if (name.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
            return "the --schema name contains characters outside Unicode's Basic Multilingual Plane, which MySQL "
                    + "does not allow in names: give another name";
        }
        if (" \t\n\u000B\f\r".indexOf(name.charAt(name.length() - 1)) >= 0) {
            return "the --schema name ends with a space, tab or line break, which MySQL does not allow: remove it";
        }
        if (name.startsWith("pg_")) {
            return "a --schema name starting with pg_ is PostgreSQL's own: such schemas cannot be created and are "
                    + "never adopted, so give a name without that prefix";
        }
        if (name.startsWith(MYSQL50_PREFIX)) {
            return "a --schema name starting with " + MYSQL50_PREFIX + " is MySQL's marker for old file names, which "
                    + "it refuses as a database name: give a name without that prefix";
        }
        if (mysqlFileNameBytes(name) > MAX_FILE_NAME_BYTES) {
            return "the --schema name would take more than " + MAX_FILE_NAME_BYTES + " bytes as a MySQL/MariaDB "
                    + "directory name (each character other than an ASCII letter, digit or _ takes up to 5 bytes there): "
                    + "give a shorter or plainer name";
        }
        return null;
    }

    /**
     * The longest the directory name MySQL/MariaDB makes for a database can be: ASCII letters, digits and
     * {@code _} stay one byte, every other character becomes {@code @} and a code of 2 or 4 characters
     * ("Mapping of Identifiers to File Names" in MySQL's manual), counted here at its longest.
     */
    static int mysqlFileNameBytes(String name) {
        int bytes = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            bytes += plain ? 1 : 5;
        }
        return bytes;
    }

    /** What was found on entering. */
    public record Entry(boolean createdNamespace, boolean wroteMarker, boolean adopted) {
    }

    /**
     * Moves the session into the namespace, creating it when absent, and makes sure it carries the marker:
     * an empty namespace gets one; one holding other tables is refused unless adopting was asked for.
     * Run with auto-commit on, so every step here is committed (PostgreSQL's search_path included).
     */
    public Entry enter(Connection connection, Dialect dialect) throws SQLException {
        boolean created = false;
        if (!dialect.namespaceExists(connection, name)) {
            dialect.createNamespace(connection, name);
            created = true;
        }
        dialect.enterNamespace(connection, name);
        List<String> objects = dialect.objectsIn(connection, name);
        if (NamespaceMarker.presentIn(objects)) {
            return new Entry(false, false, false);
        }
        boolean adopted = false;
        if (!objects.isEmpty()) {
            refuseUnlessAdoptable(dialect, objects);
            adopted = true;
        }
        NamespaceMarker.write(connection, dialect, created && !adopted);
        return new Entry(created, true, adopted);
    }

    /** Moves the session into the namespace if it exists; never creates or marks anything. */
    public boolean enterIfExists(Connection connection, Dialect dialect) throws SQLException {
        if (!dialect.namespaceExists(connection, name)) {
            return false;
        }
        dialect.enterNamespace(connection, name);
        return true;
    }

    /** How the namespace is named in messages, e.g. {@code database `userbench`}. */
    public String describe(Dialect dialect) {
        return dialect.engine() == Engine.SQLITE ? "the SQLite database file"
                : dialect.namespaceKind() + " " + dialect.quoteIdentifier(name);
    }

    /** Every table name the tool may create in a namespace: the layouts' tables and the marker. */
    public static Set<String> toolTables() {
        Set<String> names = new TreeSet<>();
        Layouts.all().forEach(layout -> names.addAll(layout.tableNames()));
        // on a cluster's head: the sharded layouts' routing tables, their email lookups included
        Layouts.sharded().forEach(layout -> {
            names.addAll(layout.tableNames());
            if (layout.sharding().lookup() != null) {
                names.add(layout.sharding().lookup().name());
            }
        });
        names.add(NamespaceMarker.TABLE);
        names.add(CreatedTables.TABLE);
        return names;
    }

    private void refuseUnlessAdoptable(Dialect dialect, List<String> objects) {
        String where = describe(dialect);
        String listed = sample(objects);
        String elsewhere = dialect.engine() == Engine.SQLITE
                ? "point --jdbc-url at a file of its own (e.g. jdbc:sqlite:temp/db/benchmarking_user.db)"
                : "name a new or empty " + dialect.namespaceKind() + " with --schema NAME (default " + DEFAULT_NAME + ")";
        if (!adoptExisting) {
            throw new NamespaceRefusedException("userbench will not create or drop tables in " + where + ": it holds "
                    + objects.size() + " object(s) (" + listed + ") and no " + NamespaceMarker.TABLE + " table, so it is "
                    + "not the tool's; " + elsewhere + ", or adopt it with --allow-existing");
        }
        if (SYSTEM.contains(name.toLowerCase(Locale.ROOT)) && dialect.engine() != Engine.SQLITE) {
            throw new NamespaceRefusedException(where + " is a system " + dialect.namespaceKind()
                    + " and is never adopted: " + elsewhere);
        }
        Set<String> ours = toolTables();
        List<String> clashing = objects.stream().filter(o -> ours.contains(o.toLowerCase(Locale.ROOT))).toList();
        if (!clashing.isEmpty()) {
            throw new NamespaceRefusedException("userbench will not adopt " + where + ": it already holds "
                    + sample(clashing) + ", which the tool would drop and recreate; rename them or " + elsewhere);
        }
    }

    private static String sample(List<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        String shown = sorted.stream().limit(5).collect(Collectors.joining(", "));
        return sorted.size() > 5 ? shown + ", ..." : shown;
    }

}
