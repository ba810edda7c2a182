package dev.userbench.cli;

import dev.userbench.cluster.Cluster;
import dev.userbench.cluster.ClusterState;
import dev.userbench.cluster.LocalPostgresCluster;
import dev.userbench.cluster.ShardEndpoint;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.schema.Namespace;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code userbench clean} on a cluster left up: the sharded layouts' tables go from the head and from every shard, and
 * nothing the tool did not create (a table of the user's on a shard, the head's servers to its shards) is touched; and
 * {@code clean --shard-url} on the shards a {@code --shard-url} run left its tables on.
 */
@Tag("cluster")
@org.junit.jupiter.api.condition.EnabledIf("dev.userbench.cluster.ClusterPackages#both")
class ClusterCleanTest {

    private static final Path TEMP = Main.home().resolve("temp");
    private static final String SCHEMA = "sharded2_clean_t";

    @AfterEach
    void down() {
        Userbench.run("cluster", "down");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void cleanOnAClusterRemovesTheShardedTablesFromTheHeadAndEveryShardAndNothingElse(String engine) throws Exception {
        boolean postgres = engine.equals("postgres");
        Userbench.Outcome up = Userbench.run("cluster", "up", "cluster:" + engine + "?shards=2");
        assertThat(up.exitCode()).as(up.console()).isZero();
        ClusterState state = ClusterState.read(TEMP).orElseThrow();
        ConnectionSpec head = ConnectionSpec.of(state.headUrl()).withNamespace(new Namespace(SCHEMA, false));
        try (Connection connection = head.open()) {
            for (Layout layout : List.of(Layouts.MONOLITH_BY_UID_EMAIL_LOOKUP, Layouts.FRAGMENTED_BY_EMAIL)) {
                LayoutSql sql = head.dialect().sql(layout);
                Seeder.recreate(connection, sql);
                new Seeder(50).load(connection, sql, new UserGenerator(42, 50), 50, Progress.NONE);
            }
        }
        try (Connection shard = openShard(state.shards().get(0), postgres); Statement statement = shard.createStatement()) {
            statement.execute("CREATE TABLE " + SCHEMA + ".not_ours (id int PRIMARY KEY)");
        }
        assertThat(tablesOnShards(state, postgres)).contains("user_email_lookup_sl", "user_monolith_sl", "user_auth_se");

        Userbench.Outcome clean = Userbench.run("clean", "--jdbc-url", "cluster:" + engine, "--schema", SCHEMA);

        assertThat(clean.exitCode()).as(clean.console()).isZero();
        assertThat(clean.out()).contains("user_email_lookup_sl", "user_monolith_sl", "user_auth_se", "user_profile_se");
        assertThat(tablesOnShards(state, postgres)).containsExactly("not_ours");
        try (Connection connection = DriverManager.getConnection(state.headUrl());
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(postgres
                    ? "SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = '" + SCHEMA + "'"
                    : "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + SCHEMA + "'")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the head's namespace, the tool's own").isZero();
            }
            try (ResultSet rows = statement.executeQuery(postgres
                    ? "SELECT count(*) FROM pg_catalog.pg_foreign_server WHERE srvname LIKE 'userbench\\_shard\\_%'"
                    : "SELECT count(*) FROM mysql.servers WHERE Server_name LIKE 'userbench\\_shard\\_%'")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the head's servers, the cluster's until cluster down").isEqualTo(2);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void cleanWithShardUrlsRemovesTheShardedTablesARunLeftOnThoseShardsAndNothingElse() throws Exception {
        try (Cluster shards = LocalPostgresCluster.start(1, List.of())) {
            // what a --shard-url run leaves on its shards: the tables its head (here the shards' own) created there
            ConnectionSpec head = ConnectionSpec.of(shards.headUrl()).withNamespace(new Namespace(SCHEMA, false));
            try (Connection connection = head.open()) {
                LayoutSql sql = head.dialect().sql(Layouts.MONOLITH_BY_UID_EMAIL_LOOKUP);
                Seeder.recreate(connection, sql);
                new Seeder(50).load(connection, sql, new UserGenerator(42, 50), 50, Progress.NONE);
            }
            assertThat(tablesOn(shards.shards(), true)).contains("user_email_lookup_sl", "user_monolith_sl");
            try (Connection shard = openShard(shards.shards().get(0), true); Statement statement = shard.createStatement()) {
                statement.execute("CREATE TABLE " + SCHEMA + ".not_ours (id int PRIMARY KEY)");
            }
            List<String> shardUrls = shards.shards().stream().flatMap(s -> java.util.stream.Stream.of("--shard-url",
                    "jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + s.database() + "?user=postgres")).toList();

            Userbench.Outcome clean = Userbench.run(Userbench.args(List.of("clean", "--jdbc-url", "cluster:postgres",
                    "--schema", SCHEMA), shardUrls.toArray(String[]::new)));

            assertThat(clean.exitCode()).as(clean.console()).isZero();
            assertThat(tablesOn(shards.shards(), true)).containsExactly("not_ours");
        }
    }

    @org.junit.jupiter.api.Test
    void aShardUrlWithoutAClusterUrlIsRefusedNamingTheClusterUrl() {
        Userbench.Outcome clean = Userbench.run("clean", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test",
                "--shard-url", "jdbc:postgresql://127.0.0.1:5433/test");

        assertThat(clean.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(clean.err().strip()).doesNotContain("\n").contains("cluster:postgres");
    }

    private static Connection openShard(ShardEndpoint shard, boolean postgres) throws SQLException {
        return DriverManager.getConnection(postgres
                ? "jdbc:postgresql://" + shard.host() + ":" + shard.port() + "/" + shard.database() + "?user=postgres"
                : "jdbc:mariadb://" + shard.host() + ":" + shard.port() + "/?user=root");
    }

    /** The tables in the tool's namespace on every shard, asked of the shards directly. */
    private static List<String> tablesOnShards(ClusterState state, boolean postgres) throws SQLException {
        return tablesOn(state.shards(), postgres);
    }

    private static List<String> tablesOn(List<ShardEndpoint> shards, boolean postgres) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (ShardEndpoint shard : shards) {
            try (Connection connection = openShard(shard, postgres);
                 PreparedStatement list = connection.prepareStatement(postgres
                         ? "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = ?"
                         : "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
                list.setString(1, SCHEMA);
                try (ResultSet rows = list.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
        }
        return tables;
    }
}
