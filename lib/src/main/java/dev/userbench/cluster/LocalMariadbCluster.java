package dev.userbench.cluster;

import java.util.List;

/** A MariaDB head with Spider and N MariaDB shards on this machine. */
final class LocalMariadbCluster {

    private LocalMariadbCluster() {
    }

    static Cluster start(int shards, List<ShardEndpoint> external) {
        throw new ClusterUnavailableException("cluster:mariadb is not built yet: use cluster:postgres");
    }
}
