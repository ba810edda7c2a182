package dev.userbench.schema;

import dev.userbench.model.Field;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sharded layouts' definitions and the statements derived from them, without a server. */
class ShardedLayoutSqlTest {

    private final Dialect postgres = new PostgresDialect();

    @Test
    void theShardedLayoutsAreNamedByTheirShardKeyAndParseFromTheCommandLine() {
        assertThat(Layouts.parse("monolith@uid, monolith@uid+email_lookup,fragmented@uid,fragmented@email"))
                .containsExactlyElementsOf(Layouts.sharded());
        assertThat(Layouts.sharded()).allMatch(Layout::sharded);
        assertThat(Layouts.all()).noneMatch(Layout::sharded);
        assertThatThrownBy(() -> Layouts.parse("monolith@email")).hasMessageContaining("monolith@uid+email_lookup");
    }

    @Test
    void aLoginOnTheLookupLayoutIsTwoStatementsTheUidFromTheEmailLookupTableThenTheRowByUid() {
        LayoutSql sql = postgres.sql(Layouts.MONOLITH_BY_UID_EMAIL_LOOKUP);
        assertThat(sql.loginProjected().uidLookup()).isEqualTo("SELECT uid FROM user_email_lookup_sl WHERE email = ?");
        assertThat(sql.loginProjected().sql()).endsWith("FROM user_monolith_sl WHERE uid = ?");
        assertThat(sql.loginWholeRow().uidLookup()).isEqualTo(sql.loginProjected().uidLookup());
        assertThat(sql.selectBy(Field.UID, Field.ALL).uidLookup()).isNull();
        LayoutSql.Select byEmail = postgres.sql(Layouts.MONOLITH_BY_UID).loginProjected();
        assertThat(byEmail.uidLookup()).isNull();
        assertThat(byEmail.sql()).endsWith("WHERE email = ?");
    }

    @Test
    void aNewUserIsWrittenToTheLookupTableBeforeTheUsersOwnRows() {
        assertThat(postgres.sql(Layouts.MONOLITH_BY_UID_EMAIL_LOOKUP).writtenTables()).extracting(TableDef::name)
                .containsExactly("user_email_lookup_sl", "user_monolith_sl");
        assertThat(postgres.sql(Layouts.FRAGMENTED_BY_EMAIL).writtenTables()).extracting(TableDef::name)
                .containsExactly("user_auth_se", "user_profile_se");
    }

    @Test
    void theAuthTableOfFragmentedByEmailIsShardedByEmailAndItsProfileByUid() {
        Sharding sharding = Layouts.FRAGMENTED_BY_EMAIL.sharding();
        assertThat(sharding.keyOf(Layouts.FRAGMENTED_BY_EMAIL.root())).isEqualTo(Field.EMAIL);
        assertThat(sharding.keyOf(Layouts.FRAGMENTED_BY_EMAIL.tables().get(1))).isEqualTo(Field.UID);
        assertThat(Layouts.MONOLITH_BY_UID_EMAIL_LOOKUP.sharding().keyOf(
                Layouts.MONOLITH_BY_UID_EMAIL_LOOKUP.sharding().lookup())).isEqualTo(Field.EMAIL);
    }

    @Test
    void onPostgresqlEachShardedTableIsHashPartitionedByItsKeyIntoForeignTablesOnTheShards() {
        String ddl = String.join("\n", postgres.sql(Layouts.FRAGMENTED_BY_EMAIL).create());
        assertThat(ddl).contains("CREATE TABLE user_auth_se (", ") PARTITION BY HASH (email)",
                "CREATE TABLE user_profile_se (", ") PARTITION BY HASH (uid)",
                "CREATE FOREIGN TABLE %I PARTITION OF user_auth_se FOR VALUES WITH (MODULUS %s, REMAINDER %s) SERVER %I",
                "public.dblink_exec", "CREATE UNIQUE INDEX ix_user_auth_se_email ON user_auth_se (email)");
    }

    @Test
    void spiderRangeCutsSplitTheUidSpaceEvenlyAndFollowTheEmailsSortedOrder() {
        assertThat(SpiderTables.cut(Field.UID, 1, 2)).isEqualTo("X'7fffffffffffffff0000000000000000'");
        assertThat(SpiderTables.cut(Field.UID, 1, 4)).isEqualTo("X'3fffffffffffffff0000000000000000'");
        List<String> cuts = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
            cuts.add(SpiderTables.cut(Field.EMAIL, i, 4));
        }
        assertThat(cuts).isSorted().doesNotHaveDuplicates().allMatch(cut -> cut.startsWith("'") && cut.contains("@"));
    }

    @Test
    void aShardedLayoutOnAnEngineWithoutShardingIsRefusedNamingTheCluster() {
        assertThatThrownBy(() -> new SqliteDialect().sql(Layouts.MONOLITH_BY_UID).create())
                .hasMessageContaining("cluster:postgres");
    }
}
