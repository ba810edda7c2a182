package dev.userbench.cluster;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A local PostgreSQL cluster starts its head and shards, the head reaches them, and stopping leaves nothing behind. */
@Tag("cluster")
@org.junit.jupiter.api.condition.EnabledIf("dev.userbench.cluster.ClusterPackages#postgres")
class LocalPostgresClusterTest {

    @Test
    void aClusterStartsAHeadThatReachesEveryShardAndStopsLeavingNoProcessAndNoFileBehind() throws Exception {
        LocalPostgresCluster cluster = LocalPostgresCluster.start(2, List.of());
        Path folder = cluster.folder();
        List<Long> pids = cluster.pids();
        try (Connection head = DriverManager.getConnection(cluster.headUrl());
             ResultSet servers = head.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_foreign_server WHERE srvname LIKE 'userbench\\_shard\\_%'")) {
            servers.next();
            assertThat(servers.getLong(1)).isEqualTo(2);
        }
        assertThat(pids).hasSize(3).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(folder).startsWith(Path.of(System.getProperty("java.io.tmpdir"))).isDirectory();

        cluster.close();

        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(Files.exists(folder)).isFalse();
        cluster.close(); // a second stop is harmless
    }

    @Test
    void theClusterDescribesItsEngineShardsAndVersions() throws Exception {
        try (LocalPostgresCluster cluster = LocalPostgresCluster.start(1, List.of())) {
            ClusterInfo info = cluster.describe();
            assertThat(info.engine()).isEqualTo("postgresql");
            assertThat(info.shards()).isEqualTo(1);
            assertThat(info.headVersion()).startsWith("PostgreSQL ");
            assertThat(info.shardVersions()).hasSize(1).allMatch(v -> v.startsWith("PostgreSQL "));
            assertThat(info.settings()).containsEntry("batch_size", "500");
        }
    }
}
