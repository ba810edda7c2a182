package dev.userbench.schema;

import dev.userbench.testing.TestEngine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names checked against the real engines, not against a copy of the rule: {@link Namespace#problemWith}
 * refuses exactly the names MariaDB or PostgreSQL would refuse or alter as a database/schema name; any name
 * it accepts, quoted by the dialect, also names exactly that table in a real SQLite; and quoting never lets
 * a name end the identifier early.
 */
@Tag("engine")
class IdentifierQuotingPropertyTest {

    private final SqliteDialect sqlite = new SqliteDialect();

    @Provide
    Arbitrary<String> oddNames() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(70),
                Arbitraries.strings().withChars("\"'`;-/\\ .()[]$%*\n\tUbü€ж").ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("\"", "\"\"", "a\"b", "`x`", "x; DROP TABLE t; --", "Robert'); --", " lead", "[br]"));
    }

    @Property(tries = 150)
    void aValidNameRoundTripsThroughQuotingInSqlite(@ForAll("oddNames") String name) throws Exception {
        // SQLite keeps sqlite_ table names for itself; on SQLite a namespace name never names a table anyway
        if (Namespace.problemWith(name) != null || name.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")) {
            return;
        }
        Path file = Files.createTempFile("userbench-quoting", ".db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            String table = sqlite.quoteIdentifier(name);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (" + sqlite.quoteIdentifier(name) + " INTEGER)");
                statement.execute("INSERT INTO " + table + " VALUES (42)");
            }
            try (PreparedStatement lookup = connection.prepareStatement(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
                lookup.setString(1, name);
                try (ResultSet rows = lookup.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
            }
            assertThat(sqlite.objectsIn(connection, "main")).containsExactly(name);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT " + sqlite.quoteIdentifier(name) + " FROM " + table)) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Names near every edge a server has: the byte and file-name lengths, reserved prefixes, trailing and
     * leading spaces, quotes and separators, letters MySQL spells in 3 or 5 bytes on disk, characters
     * outside the Basic Multilingual Plane, lone surrogates and NUL.
     */
    @Provide
    Arbitrary<String> namespaceNames() {
        Arbitrary<String> punctuation = Arbitraries.strings().withChars("\"'`;-/\\ .()[]$%*@#?!").ofMinLength(40)
                .ofMaxLength(63);
        Arbitrary<String> letters = Arbitraries.strings().withChars("abzAZ09_üéжλ€中").ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "pg_", "PG_", "pg", "#mysql50#", "#MYSQL50#", " ", "_");
        Arbitrary<String> suffix = Arbitraries.of("", "", "", " ", "\t", "\u0000", "\uD83D\uDE00", "\uD800", ".");
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(70),
                Arbitraries.strings().withChars("\"'`;-/\\ .()[]$%*\n\tUbü€ж").ofMinLength(1).ofMaxLength(20),
                Combinators.combine(prefix, letters, punctuation, suffix).as((p, l, q, x) -> p + l + q + x),
                Combinators.combine(prefix, letters, suffix).as((p, l, x) -> p + l + x));
    }

    /** Each edge once: the limits found on the servers so far, and their neighbours that must pass. */
    @Provide
    Arbitrary<String> knownEdges() {
        return Arbitraries.of("pg_x", "PG_x", "pg_", "#mysql50#x", "#MYSQL50#x", ".", "..", " lead", "\tlead",
                "x ", "x\t", "x\n", "x\r", "x\u000B", "x\f", "x\u00a0", "x\u3000", "x\u001f", "x\u0000y",
                "\"".repeat(51), "\"".repeat(52), "ü" + ".".repeat(49), "ü" + ".".repeat(50), "中".repeat(21),
                "a".repeat(63), "a".repeat(64), "\uD83D\uDE00", "x\uD800", "x; DROP TABLE t; --");
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void eachKnownEdgeIsRefusedExactlyWhenMariadbOrPostgresqlWouldNotHoldIt(@ForAll("knownEdges") String name)
            throws SQLException {
        aNameIsRefusedExactlyWhenMariadbOrPostgresqlWouldNotHoldIt(name);
    }

    /**
     * {@link Namespace#problemWith} refuses a name exactly when MariaDB or PostgreSQL would refuse it as a
     * database/schema name or not hold it faithfully (created, found under that very name in the catalog, a
     * table made inside, dropped). The one allowance: a name refused for its on-disk length on MySQL/MariaDB,
     * which counts every character other than ASCII letters, digits and _ at its longest spelling (5 bytes),
     * may still fit when its letters take MariaDB's short (3-byte) spelling; and the {@code #mysql50#} prefix, which
     * some MariaDB 10.11 releases hold and later ones refuse.
     */
    @Property(tries = 100)
    void aNameIsRefusedExactlyWhenMariadbOrPostgresqlWouldNotHoldIt(@ForAll("namespaceNames") String name)
            throws SQLException {
        Optional<Boolean> mariadb = ServerProbe.MARIADB.holds(name);
        Optional<Boolean> postgres = ServerProbe.POSTGRESQL.holds(name);
        // a name that already exists (test, public, information_schema...) says nothing about naming
        Assume.that(mariadb.isPresent() && postgres.isPresent());
        String problem = Namespace.problemWith(name);
        String seen = "MariaDB holds it: " + mariadb.get() + ", PostgreSQL holds it: " + postgres.get()
                + ", problemWith: " + problem;
        if (problem == null) {
            assertThat(mariadb.get() && postgres.get()).as(seen).isTrue();
        } else if (!(mariadb.get() && postgres.get())) {
            return;
        } else if (name.toLowerCase(java.util.Locale.ROOT).startsWith("#mysql50#")) {
            // MariaDB 10.11.19 refuses the prefix as a database name, 10.11.5 (the embedded server) holds it:
            // refusing it holds on every server this tool meets
            return;
        } else {
            assertThat(Namespace.mysqlFileNameBytes(name)).as(seen).isGreaterThan(Namespace.MAX_FILE_NAME_BYTES);
            assertThat(shortestMysqlFileNameBytes(name)).as(seen).isLessThanOrEqualTo(Namespace.MAX_FILE_NAME_BYTES);
        }
    }

    /** MySQL's on-disk spelling at its shortest: a letter outside ASCII may take 3 bytes, other characters 5. */
    private static int shortestMysqlFileNameBytes(String name) {
        int bytes = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            bytes += c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? 1 : c >= 128 && Character.isLetter(c) ? 3 : 5;
        }
        return bytes;
    }

    @AfterContainer
    static void closeTheProbes() throws SQLException {
        for (ServerProbe probe : ServerProbe.values()) {
            probe.close();
        }
    }

    /** One admin connection per server, outside any namespace, asking it whether it holds a name. */
    enum ServerProbe {
        MARIADB(TestEngine.MARIADB), POSTGRESQL(TestEngine.POSTGRESQL);

        private final TestEngine engine;
        private Connection connection;

        ServerProbe(TestEngine engine) {
            this.engine = engine;
        }

        /**
         * Whether the server creates a namespace under exactly this name, lists it so, creates a table in it
         * and drops it; empty when the name exists already (then it is not ours to create or drop).
         */
        Optional<Boolean> holds(String name) throws SQLException {
            Connection db = connection();
            Dialect dialect = ConnectionSpec.of(engine.url()).dialect();
            String quoted = dialect.quoteIdentifier(name);
            if (names(db).contains(name)) {
                return Optional.empty();
            }
            try (Statement statement = db.createStatement()) {
                try {
                    statement.execute((engine == TestEngine.POSTGRESQL ? "CREATE SCHEMA " : "CREATE DATABASE ") + quoted);
                } catch (SQLException refused) {
                    if (lost(refused)) {
                        // PostgreSQL answers a NUL in the statement as a protocol violation: a refusal too, once a
                        // new connection shows that the server itself is still there
                        close();
                        connection();
                        return Optional.of(false);
                    }
                    // created meanwhile by someone else: no answer, and nothing of ours to drop
                    return alreadyExists(refused) ? Optional.empty() : Optional.of(false);
                }
                try {
                    boolean listed = names(db).contains(name);
                    statement.execute("CREATE TABLE " + quoted + "." + NamespaceMarker.TABLE + " (id INTEGER)");
                    return Optional.of(listed);
                } catch (SQLException refused) {
                    if (lost(refused)) {
                        throw refused;
                    }
                    return Optional.of(false);
                } finally {
                    // the same quoted name reaches what CREATE made, even where the server altered the name
                    statement.execute(engine == TestEngine.POSTGRESQL ? "DROP SCHEMA " + quoted + " CASCADE"
                            : "DROP DATABASE " + quoted);
                }
            }
        }

        private boolean alreadyExists(SQLException e) {
            return engine == TestEngine.POSTGRESQL ? "42P06".equals(e.getSQLState()) : e.getErrorCode() == 1007;
        }

        private static boolean lost(SQLException e) {
            return e.getSQLState() != null && e.getSQLState().startsWith("08");
        }

        private List<String> names(Connection db) throws SQLException {
            List<String> names = new ArrayList<>();
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery(engine == TestEngine.POSTGRESQL
                         ? "SELECT nspname FROM pg_catalog.pg_namespace" : "SELECT schema_name FROM information_schema.schemata")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }

        private synchronized Connection connection() throws SQLException {
            if (connection == null) {
                connection = ConnectionSpec.of(engine.url()).openOutsideNamespace();
            }
            return connection;
        }

        synchronized void close() throws SQLException {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    @Property(tries = 200)
    void quotingNeverLetsTheNameEndTheIdentifierEarly(@ForAll("oddNames") String name) throws SQLException {
        for (Dialect dialect : new Dialect[] {new SqliteDialect(), new PostgresDialect(), new MySqlDialect()}) {
            String quoted = dialect.quoteIdentifier(name);
            char quote = quoted.charAt(0);
            String inner = quoted.substring(1, quoted.length() - 1);
            assertThat(quoted.charAt(quoted.length() - 1)).isEqualTo(quote);
            // every quote character inside comes doubled, so none of them closes the identifier
            assertThat(inner.replace(String.valueOf(quote).repeat(2), "")).doesNotContain(String.valueOf(quote));
            assertThat(inner.replace(String.valueOf(quote).repeat(2), String.valueOf(quote))).isEqualTo(name);
        }
    }
}
