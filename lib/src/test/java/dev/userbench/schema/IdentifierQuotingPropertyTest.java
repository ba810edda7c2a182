package dev.userbench.schema;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any name the tool accepts, quoted by the dialect, names exactly that table in a real SQLite: created,
 * found under its own name in the catalogue, written and read back. Any other name is refused up front.
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

    @Property(tries = 300)
    void aValidNameRoundTripsThroughQuotingInSqlite(@ForAll("oddNames") String name) throws Exception {
        if (Namespace.problemWith(name) != null) {
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

    @Property(tries = 300)
    void aNameIsRefusedExactlyWhenNoEngineWouldHoldItFaithfully(@ForAll("oddNames") String name) {
        String problem = Namespace.problemWith(name);
        boolean holdable = !name.isEmpty() && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63
                && name.indexOf('\0') < 0 && name.chars().noneMatch(c -> Character.isSurrogate((char) c))
                && !name.endsWith(" ");
        assertThat(problem == null).as(String.valueOf(problem)).isEqualTo(holdable);
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
