package dev.userbench.cluster;

import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The sharded layouts on a PostgreSQL head reaching two PostgreSQL shards through postgres_fdw. */
@org.junit.jupiter.api.condition.EnabledIf("dev.userbench.cluster.ClusterPackages#postgres")
class ShardedLayoutsOnPostgresTest extends ShardedLayoutsContract {

    @BeforeAll
    static void start() throws Exception {
        startCluster(LocalPostgresCluster.start(2, List.of()));
    }

    @Override
    Connection openShard(ShardEndpoint shard) throws SQLException {
        return LocalPostgresCluster.open(shard);
    }
}
