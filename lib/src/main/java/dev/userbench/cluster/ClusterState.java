package dev.userbench.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A cluster left running by {@code userbench cluster up} for later runs (a notebook's): what {@code down} needs to stop
 * it and what a run through its head needs to count shards touched, kept in {@code temp/cluster/running.json}. No
 * password is kept: a local cluster's servers trust local connections, and a cluster on {@code --shard-url} servers is
 * not kept.
 *
 * @param engine  {@code postgres} or {@code mariadb}
 * @param folder  the servers' files, removed by {@link #stop()}
 * @param headUrl the head's JDBC URL
 * @param shards  the shards, for the counters
 * @param servers each local server's data folder and process id, the head first
 * @param bin     PostgreSQL's binaries ({@code pg_ctl}), or null
 */
public record ClusterState(String engine, String folder, String headUrl, List<ShardEndpoint> shards,
                           List<Server> servers, String bin) {

    /** One local server: where its files are and its process. */
    public record Server(String data, long pid) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

    public static Path file(Path temp) {
        return temp.resolve("cluster").resolve("running.json");
    }

    public static Optional<ClusterState> read(Path temp) throws IOException {
        Path file = file(temp);
        return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), ClusterState.class)) : Optional.empty();
    }

    public void write(Path temp) throws IOException {
        Files.createDirectories(file(temp).getParent());
        JSON.writeValue(file(temp).toFile(), this);
    }

    /** Whether every server of the cluster is still running. */
    public boolean running() {
        return servers.stream().allMatch(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    /** Stops every server and removes their files. */
    public void stop() throws IOException {
        for (Server server : servers) {
            if (bin != null && Files.exists(Path.of(server.data(), "postmaster.pid"))) {
                try {
                    LocalProcesses.run(LocalPostgresCluster.OS_USER, Path.of(folder, "logs", "stop.log"), 60,
                            Path.of(bin, "pg_ctl").toString(), "-D", server.data(), "-m", "fast", "-w", "stop");
                } catch (IOException e) {
                    // killed below
                }
            } else {
                ProcessHandle.of(server.pid()).ifPresent(ProcessHandle::destroy);
            }
        }
        for (Server server : servers) {
            ProcessHandle.of(server.pid()).ifPresent(process -> {
                try {
                    process.onExit().get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LocalProcesses.killHard(server.pid());
                }
            });
        }
        LocalProcesses.deleteTree(Path.of(folder));
    }

    /** The cluster as a run sees it: its head, its shards' counters; closing it leaves it running. */
    public Cluster attached() {
        ClusterState state = this;
        return new Cluster() {
            @Override
            public String headUrl() {
                return state.headUrl;
            }

            @Override
            public List<ShardEndpoint> shards() {
                return state.shards;
            }

            @Override
            public ClusterInfo describe() {
                return Cluster.describe(engine, state.headUrl, state.shards);
            }

            @Override
            public ShardActivity activity() throws SQLException {
                return Cluster.activity(engine, state.shards);
            }

            @Override
            public void kill(int shard) {
                throw new UnsupportedOperationException("an attached cluster is stopped by userbench cluster down");
            }

            @Override
            public ClusterState detach() {
                return state;
            }

            @Override
            public void close() {
                // it outlives the run: userbench cluster down stops it
            }
        };
    }
}
