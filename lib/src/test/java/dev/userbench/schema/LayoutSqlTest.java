package dev.userbench.schema;

import dev.userbench.model.Field;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayoutSqlTest {

    private final Dialect sqlite = new SqliteDialect();

    @Test
    void theStudysLoginReadsTheWholeMonolithRow() {
        LayoutSql.Select login = sqlite.sql(Layouts.MONOLITH).loginWholeRow();
        assertThat(login.sql()).isEqualTo("SELECT uid, email, password_hash, role, is_verified, name, phone, location, "
                + "bio, profile_image, created_at, last_active FROM user_monolith WHERE email = ?");
        assertThat(login.fields()).isEqualTo(Field.ALL);
    }

    @Test
    void theProjectedLoginOnTheSplitTouchesOnlyTheAuthTable() {
        LayoutSql.Select login = sqlite.sql(Layouts.FRAGMENTED).loginProjected();
        assertThat(login.sql()).isEqualTo("SELECT uid, email, password_hash, role, is_verified FROM user_auth WHERE email = ?");
    }

    @Test
    void readingTheWholeUserOfTheSplitJoinsItsTables() {
        LayoutSql.Select whole = sqlite.sql(Layouts.FRAGMENTED).selectBy(Field.UID, Field.ALL);
        assertThat(whole.sql()).contains("FROM user_auth t0 JOIN user_profile t1 ON t1.uid = t0.uid")
                .endsWith("WHERE t0.uid = ?");
        assertThat(whole.fields()).isEqualTo(Field.ALL);
    }

    @Test
    void anUpdateIsOneStatementPerTableItTouches() {
        List<LayoutSql.Update> split = sqlite.sql(Layouts.FRAGMENTED).updateByUid(Set.of(Field.LAST_ACTIVE, Field.ROLE));
        assertThat(split).extracting(LayoutSql.Update::table).containsExactly("user_auth", "user_profile");
        List<LayoutSql.Update> hot = sqlite.sql(Layouts.FRAGMENTED_HOT_TOUCH).updateByUid(Set.of(Field.LAST_ACTIVE));
        assertThat(hot).singleElement().satisfies(u -> assertThat(u.sql())
                .isEqualTo("UPDATE user_auth_ht SET last_active = ? WHERE uid = ?"));
    }

    @Test
    void theSplitProfileReferencesTheAuthTable() {
        assertThat(sqlite.sql(Layouts.FRAGMENTED).createScript())
                .contains("FOREIGN KEY (uid) REFERENCES user_auth (uid)")
                .contains("CREATE UNIQUE INDEX ix_user_auth_email ON user_auth (email)");
    }

    @Test
    void eachEngineDeclaresItsNaturalUuidType() {
        assertThat(new SqliteDialect().columnDefinition(Field.UID)).startsWith("BLOB");
        assertThat(new MySqlDialect().columnDefinition(Field.UID)).startsWith("BINARY(16)");
        assertThat(new PostgresDialect().columnDefinition(Field.UID)).startsWith("uuid");
    }

    @Test
    void aCoveringIndexUsesIncludeOnPostgresAndAWiderKeyElsewhere() {
        IndexDef covering = Layouts.MONOLITH_COVERING.indexes().get(1);
        assertThat(new PostgresDialect().createIndex(covering))
                .isEqualTo("CREATE INDEX ix_user_monolith_cov_login ON user_monolith_cov (email) INCLUDE (uid, password_hash, role, is_verified)");
        assertThat(new MySqlDialect().createIndex(covering))
                .isEqualTo("CREATE INDEX ix_user_monolith_cov_login ON user_monolith_cov (email, uid, password_hash, role, is_verified)");
    }

    @Test
    void theDialectIsChosenFromTheUrlScheme() {
        assertThat(Dialects.forUrl("jdbc:sqlite:x.db").engine()).isEqualTo(Engine.SQLITE);
        assertThat(Dialects.forUrl("jdbc:mysql://h/db").engine()).isEqualTo(Engine.MYSQL);
        assertThat(Dialects.forUrl("jdbc:mariadb://h/db").engine()).isEqualTo(Engine.MYSQL);
        assertThat(Dialects.forUrl("jdbc:postgresql://h/db").engine()).isEqualTo(Engine.POSTGRESQL);
        assertThatThrownBy(() -> Dialects.forUrl("jdbc:oracle:thin:@h:1521/x")).hasMessageContaining("'oracle' is not supported");
        assertThatThrownBy(() -> Dialects.forUrl("sqlite:x.db")).hasMessageContaining("is not a JDBC URL");
    }

    @Test
    void aLayoutThatLosesAFieldIsRejected() {
        assertThatThrownBy(() -> new Layout("broken", "", List.of(new TableDef("t", List.of(Field.UID, Field.EMAIL))), List.of()))
                .hasMessageContaining("misses fields");
    }

    @Test
    void anUnknownLayoutNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Layouts.parse("monolith,sharded"))
                .hasMessage("unknown layout 'sharded': choose from monolith, fragmented, monolith_covering, fragmented_hot_touch");
    }
}
