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

/** A local MariaDB cluster starts a Spider head that names its shards, and stopping leaves nothing behind. */
@Tag("cluster")
@org.junit.jupiter.api.condition.EnabledIf("dev.userbench.cluster.ClusterPackages#mariadb")
class LocalMariadbClusterTest {

    @Test
    void aClusterStartsASpiderHeadThatNamesEveryShardAndStopsLeavingNoProcessAndNoFileBehind() throws Exception {
        LocalMariadbCluster cluster = LocalMariadbCluster.start(2, List.of(), Path.of("temp/cluster").toAbsolutePath());
        Path folder = cluster.folder();
        List<Long> pids = cluster.pids();
        try (Connection head = DriverManager.getConnection(cluster.headUrl());
             ResultSet rows = head.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM mysql.servers WHERE "
                     + "Server_name LIKE 'userbench\\_shard\\_%'), @@spider_conn_recycle_mode, @@spider_semi_trx")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(2);
            assertThat(rows.getInt(2)).isEqualTo(2);
            assertThat(rows.getInt(3)).isZero();
        }
        assertThat(pids).hasSize(3).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(folder).isDirectory();

        cluster.close();

        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(Files.exists(folder)).isFalse();
    }
}
