package dev.userbench.cluster;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.Session;
import dev.userbench.bench.workload.KeyDistribution;
import dev.userbench.bench.workload.LoginWorkload;
import dev.userbench.bench.workload.Mix;
import dev.userbench.bench.workload.WorkloadSettings;
import dev.userbench.model.User;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.schema.Namespace;
import dev.userbench.schema.PreparedSelect;
import dev.userbench.model.Field;
import dev.userbench.schema.Rows;
import dev.userbench.schema.TableDef;
import dev.userbench.seed.DataCheck;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sharded layouts on a local cluster of two shards (PostgreSQL through postgres_fdw, MariaDB through Spider): each
 * holds the seeded users through the head, the shards themselves say how many of them a login touched, and only the
 * lookup table keeps an email unique across shards.
 */
@Tag("cluster")
abstract class ShardedLayoutsContract {

    private static final long USERS = 300;
    private static final UserGenerator GENERATOR = new UserGenerator(42, 200);

    static Cluster cluster;
    static ConnectionSpec head;

    /** Starts the class's cluster of two shards and the head's connection spec in namespace sharded_t. */
    static void startCluster(Cluster started) {
        cluster = started;
        head = ConnectionSpec.of(cluster.headUrl()).withNamespace(new Namespace("sharded_t", false));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** A connection straight to a shard, outside the head. */
    abstract Connection openShard(ShardEndpoint shard) throws SQLException;

    static List<Layout> shardedLayouts() {
        return Layouts.sharded();
    }

    private static LayoutSql seeded(Connection connection, Layout layout) throws SQLException {
        LayoutSql sql = head.dialect().sql(layout);
        Seeder.recreate(connection, sql);
        new Seeder(100).load(connection, sql, GENERATOR, USERS, Progress.NONE);
        Seeder.settle(connection, sql);
        return sql;
    }

    @ParameterizedTest
    @MethodSource("shardedLayouts")
    void everyShardedLayoutHoldsTheSeededUsersThroughTheHeadWithTheExpectedChecksum(Layout layout) throws Exception {
        try (Connection connection = head.open()) {
            LayoutSql sql = seeded(connection, layout);

            DataCheck.Summary summary = DataCheck.of(connection, sql);

            assertThat(summary.holds(USERS, DataCheck.expected(GENERATOR, USERS))).as(summary.toString()).isTrue();
            assertThat(ShardedDataCheck.duplicateEmails(connection, sql)).isZero();
        }
    }

    @Test
    void theSeededRowsAreSpreadOverEveryShard() throws Exception {
        try (Connection connection = head.open()) {
            seeded(connection, Layouts.MONOLITH_BY_UID);
        }
        for (ShardEndpoint shard : cluster.shards()) {
            try (Connection direct = openShard(shard);
                 var rows = direct.createStatement().executeQuery("SELECT COUNT(*) FROM sharded_t.user_monolith_su")) {
                rows.next();
                assertThat(rows.getLong(1)).as(shard.toString()).isBetween(1L, USERS - 1);
            }
        }
    }

    @Test
    void aLoginByEmailTouchesOneShardOnFragmentedByEmailAndEveryShardOnMonolithByUid() throws Exception {
        assertThat(shardsPerLogin(Layouts.FRAGMENTED_BY_EMAIL)).isEqualTo(1.0);
        assertThat(shardsPerLogin(Layouts.MONOLITH_BY_UID)).isEqualTo(2.0);
    }

    @Test
    void aLoginOnTheLookupLayoutTouchesOnlyTheLookupsShardAndTheUsersShard() throws Exception {
        Layout layout = Layouts.MONOLITH_BY_UID_EMAIL_LOOKUP;
        // the workload's own pass: never every shard on every login, as a subquery for the uid did on PostgreSQL
        assertThat(shardsPerLogin(layout)).isGreaterThanOrEqualTo(1.0).isLessThan(2.0);
        List<Connection> shards = new ArrayList<>();
        // the direct connections stay open (and idle) while the shards count: a closing backend would count as activity
        try (Session session = new Session(head); ShardActivity activity = cluster.activity();
             PreparedSelect login = PreparedSelect.prepare(session.connection(), head.dialect(),
                     head.dialect().sql(layout).loginProjected())) {
            for (ShardEndpoint shard : cluster.shards()) {
                shards.add(openShard(shard));
            }
            Connection connection = session.connection();
            assertThat(login.statements()).isEqualTo(2);
            for (long i = 0; i < 20; i++) {
                User user = GENERATOR.user(i * 13);
                Set<Integer> holding = new TreeSet<>(List.of(
                        shardHolding(shards, "user_email_lookup_sl", Field.EMAIL, user.email()),
                        shardHolding(shards, "user_monolith_sl", Field.UID, user.uid())));
                connection.commit();
                long[] before = activity.read();
                try (ResultSet row = login.query(Field.EMAIL, user.email())) {
                    assertThat(row.next()).isTrue();
                }
                connection.commit();
                long[] after = activity.read();
                Set<Integer> touched = new TreeSet<>();
                for (int shard = 0; shard < after.length; shard++) {
                    if (after[shard] != before[shard]) {
                        touched.add(shard);
                    }
                }
                assertThat(touched).as("user %d", i * 13).isEqualTo(holding);
            }
        } finally {
            for (Connection shard : shards) {
                shard.close();
            }
        }
    }

    /** The shard (0-based) whose own table holds the row with this key, asked directly. */
    private static int shardHolding(List<Connection> shards, String table, Field key, Object value) throws SQLException {
        int holding = -1;
        for (int shard = 0; shard < shards.size(); shard++) {
            try (PreparedStatement find = shards.get(shard).prepareStatement("SELECT COUNT(*) FROM sharded_t." + table
                    + " WHERE " + key.column() + " = ?")) {
                head.dialect().bind(find, 1, key, value);
                try (ResultSet rows = find.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        assertThat(holding).as("%s on one shard only", value).isEqualTo(-1);
                        holding = shard;
                    }
                }
            }
            if (!shards.get(shard).getAutoCommit()) {
                shards.get(shard).commit();
            }
        }
        assertThat(holding).as("%s on some shard", value).isNotNegative();
        return holding;
    }

    private double shardsPerLogin(Layout layout) throws Exception {
        try (Session session = new Session(head); ShardActivity activity = cluster.activity()) {
            LayoutSql sql = seeded(session.connection(), layout);
            BenchContext context = new BenchContext(session, GENERATOR, USERS, 100, List.of(), Progress.NONE);
            LoginWorkload login = new LoginWorkload(new WorkloadSettings(1, 40, KeyDistribution.UNIFORM, 0.99,
                    Mix.parse("login=1"), 42));
            ShardsTouched.Count count = ShardsTouched.count(context, login, sql, activity, 40);
            assertThat(count.operations()).isEqualTo(40);
            return count.perOperation();
        }
    }

    @Test
    void aDuplicateEmailIsRefusedByTheLookupTableLayout() throws Exception {
        try (Connection connection = head.open()) {
            LayoutSql sql = seeded(connection, Layouts.MONOLITH_BY_UID_EMAIL_LOOKUP);
            User taken = GENERATOR.user(7);

            for (int attempt = 0; attempt < 10; attempt++) {
                User twin = withUid(taken, UUID.randomUUID());
                assertThatThrownBy(() -> signUp(connection, sql, twin)).isInstanceOf(SQLException.class)
                        .hasMessageMatching("(?is).*duplicate.*");
                connection.rollback();
            }
            assertThat(ShardedDataCheck.duplicateEmails(connection, sql)).isZero();
        }
    }

    @Test
    void aDuplicateEmailOnAnotherShardIsAcceptedByTheMonolithShardedByUidWithoutTheLookupTable() throws Exception {
        try (Connection connection = head.open()) {
            LayoutSql sql = seeded(connection, Layouts.MONOLITH_BY_UID);
            User taken = GENERATOR.user(7);
            int accepted = 0;
            // a new uid lands on the taken email's shard half the time, where that shard's index refuses it
            for (int attempt = 0; attempt < 20 && accepted == 0; attempt++) {
                try {
                    signUp(connection, sql, withUid(taken, UUID.randomUUID()));
                    accepted++;
                } catch (SQLException refusedOnTheSameShard) {
                    connection.rollback();
                }
            }
            assertThat(accepted).isEqualTo(1);
            assertThat(ShardedDataCheck.duplicateEmails(connection, sql)).isEqualTo(1);
        }
    }

    private static void signUp(Connection connection, LayoutSql sql, User user) throws SQLException {
        for (TableDef table : sql.writtenTables()) {
            try (PreparedStatement insert = connection.prepareStatement(sql.insert(table))) {
                Rows.bind(sql.dialect(), insert, table, user);
                insert.executeUpdate();
            }
        }
        connection.commit();
    }

    private static User withUid(User user, UUID uid) {
        return new User(uid, user.email(), user.passwordHash(), user.role(), user.verified(), user.name(), user.phone(),
                user.location(), user.bio(), user.profileImage(), user.createdAt(), user.lastActive());
    }
}
