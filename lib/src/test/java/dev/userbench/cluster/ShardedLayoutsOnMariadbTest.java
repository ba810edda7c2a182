package dev.userbench.cluster;

import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The sharded layouts on a MariaDB head with Spider in front of two MariaDB shards. */
@org.junit.jupiter.api.condition.EnabledIf("dev.userbench.cluster.ClusterPackages#mariadb")
class ShardedLayoutsOnMariadbTest extends ShardedLayoutsContract {

    @BeforeAll
    static void start() throws Exception {
        startCluster(LocalMariadbCluster.start(2, List.of(), Path.of("temp/cluster").toAbsolutePath()));
    }

    @Override
    Connection openShard(ShardEndpoint shard) throws SQLException {
        return LocalMariadbCluster.open(shard);
    }
}
