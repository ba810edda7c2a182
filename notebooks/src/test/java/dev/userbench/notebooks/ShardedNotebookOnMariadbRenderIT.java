package dev.userbench.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The second notebook with its clusters on MariaDB ({@code userbench render --jdbc-url cluster:mariadb}, which sets
 * {@code USERBENCH_CLUSTER_ENGINE=mariadb}): a Spider head and 1, then 2 MariaDB shards, the same cells and outputs as
 * on PostgreSQL. Skipped where the MariaDB server or Spider is missing.
 */
class ShardedNotebookOnMariadbRenderIT extends ShardedNotebookRenderIT {

    @Override
    String engine() {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mariadbd")), "the MariaDB server is not installed");
        assumeTrue(Files.exists(Path.of("/usr/lib/mysql/plugin/ha_spider.so")), "Spider is not installed");
        return "mariadb";
    }
}
