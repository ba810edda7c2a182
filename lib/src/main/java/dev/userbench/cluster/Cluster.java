package dev.userbench.cluster;

import java.io.IOException;
import java.util.List;

/**
 * A head and its shards, started by the tool ({@link LocalPostgresCluster}, {@link LocalMariadbCluster}) or on
 * servers given with {@code --shard-url}: the layouts and workloads run through the head's JDBC URL; the shards are
 * reached directly only to count which of them an operation touched.
 */
public interface Cluster extends AutoCloseable {

    /** The head's JDBC URL, user included (a local cluster trusts local connections). */
    String headUrl();

    List<ShardEndpoint> shards();

    /** What results.json says about the cluster: engine, shards, versions, settings. */
    ClusterInfo describe();

    /** Counts, per shard, the statements the head sent there. */
    ShardActivity activity() throws java.sql.SQLException;

    /** Stops shard {@code shard} (1-based) at once, as a crash would (tests: a shard lost mid-run). */
    void kill(int shard) throws IOException;

    /** Stops every server the tool started and removes their files; safe to call twice. */
    @Override
    void close() throws IOException;

    /** The project's temp/ folder (where a MariaDB cluster keeps its servers' files while it runs). */
    static java.nio.file.Path projectTemp() {
        String home = System.getProperty("userbench.home");
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        // a notebook runs in the repository's notebooks/ folder: its clusters go in the repository's temp/ too
        boolean notebook = here.getFileName() != null && here.getFileName().toString().equals("notebooks")
                && java.nio.file.Files.isDirectory(here.resolveSibling("lib"));
        return (home == null || home.isBlank() ? notebook ? here.getParent() : here : java.nio.file.Path.of(home))
                .resolve("temp");
    }

    /** How results.json describes a cluster of this engine with this head and these shards. */
    static ClusterInfo describe(String engine, String headUrl, List<ShardEndpoint> shards) {
        return ClusterUrl.POSTGRES.equals(engine) ? LocalPostgresCluster.describe(headUrl, shards)
                : LocalMariadbCluster.describe(headUrl, shards);
    }

    /** The shards' counters for a cluster of this engine. */
    static ShardActivity activity(String engine, List<ShardEndpoint> shards) throws java.sql.SQLException {
        return ClusterUrl.POSTGRES.equals(engine) ? LocalPostgresCluster.activity(shards)
                : LocalMariadbCluster.activity(shards);
    }

    /** Leaves the cluster running when this JVM ends ({@code userbench cluster up}); what stops it later. */
    ClusterState detach();

    /** Starts the cluster a {@code cluster:} URL names, on local shards or on the given ones. */
    static Cluster start(ClusterUrl url, List<ShardEndpoint> external) throws IOException {
        return switch (url.engine()) {
            case ClusterUrl.POSTGRES -> LocalPostgresCluster.start(url.shards(), external);
            case ClusterUrl.MARIADB -> LocalMariadbCluster.start(url.shards(), external, projectTemp().resolve("cluster"));
            default -> throw new IllegalArgumentException("unknown cluster " + url);
        };
    }
}
