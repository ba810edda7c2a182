package dev.userbench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A PostgreSQL head and N PostgreSQL shards on this machine, from the machine's own PostgreSQL binaries (Debian's
 * {@code postgresql} package, which ships postgres_fdw and dblink), each a cluster of its own: {@code initdb} and
 * {@code pg_ctl} run as the {@code postgres} OS user (initdb refuses root) in a fresh folder of the system temp dir
 * that user can write, on free ports, listening on 127.0.0.1 only and trusting local connections. The head reaches
 * the shards through postgres_fdw servers {@code userbench_shard_1..N} ({@code batch_size} 500, so loading through
 * the head sends rows in batches). The machine's own PostgreSQL is never touched. {@link #close()} stops every server
 * and removes the folder; a shutdown hook does the same when the JVM ends first (Ctrl-C, a failure).
 */
public final class LocalPostgresCluster implements Cluster {

    static final String OS_USER = "postgres";
    static final String SERVER_PREFIX = "userbench_shard_";
    static final int BATCH_SIZE = 500;

    /** One local server: its data folder and port. */
    private record Node(String name, Path data, int port) {
        String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        }
    }

    private final Path bin;
    private final Path folder;
    private final List<Node> nodes = new ArrayList<>();
    private final List<ShardEndpoint> shards = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    private LocalPostgresCluster(Path bin, Path folder) {
        this.bin = bin;
        this.folder = folder;
        this.hook = new Thread(this::closeQuietly, "userbench-cluster-stop");
    }

    /** Starts a head and {@code shardCount} local shards, or a head in front of the {@code external} shards. */
    public static LocalPostgresCluster start(int shardCount, List<ShardEndpoint> external) throws IOException {
        Path bin = binaries();
        LocalPostgresCluster cluster = new LocalPostgresCluster(bin, LocalProcesses.folderFor(OS_USER, "userbench-cluster-"));
        Runtime.getRuntime().addShutdownHook(cluster.hook);
        try {
            Node head = cluster.startNode("head");
            if (external.isEmpty()) {
                for (int i = 1; i <= shardCount; i++) {
                    Node shard = cluster.startNode("shard" + i);
                    cluster.shards.add(new ShardEndpoint("127.0.0.1", shard.port(), "postgres", "postgres", null));
                }
            } else {
                cluster.shards.addAll(external);
            }
            cluster.connectHead(head);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.closeQuietly();
            throw e;
        }
    }

    /** The newest installed PostgreSQL's server binaries; one sentence naming the package when there are none. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))
                                && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> versionOf(b.getParent().getFileName().toString())));
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                // fall through to the sentence below
            }
        }
        throw new ClusterUnavailableException("a local PostgreSQL cluster needs the PostgreSQL server binaries "
                + "(initdb, pg_ctl, postgres_fdw): install them with apt-get install postgresql");
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Node startNode(String name) throws IOException {
        Path data = folder.resolve(name);
        Path log = LocalProcesses.subfolderFor(OS_USER, folder, "logs").resolve(name + ".log");
        if (LocalProcesses.root()) {
            Files.createFile(log);
            Files.setOwner(log, log.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER));
        }
        LocalProcesses.run(OS_USER, log, 120, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        int port = LocalProcesses.freePort();
        Node node = new Node(name, data, port);
        nodes.add(node);
        LocalProcesses.run(OS_USER, log, 120, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                log.toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1",
                "start");
        return node;
    }

    /** postgres_fdw and dblink on the head, one foreign server and user mapping per shard. */
    private void connectHead(Node head) throws IOException {
        try (Connection connection = DriverManager.getConnection(head.url());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS postgres_fdw SCHEMA public");
            statement.execute("CREATE EXTENSION IF NOT EXISTS dblink SCHEMA public");
            for (int i = 0; i < shards.size(); i++) {
                ShardEndpoint shard = shards.get(i);
                String server = SERVER_PREFIX + (i + 1);
                statement.execute("CREATE SERVER " + server + " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host "
                        + literal(shard.host()) + ", port " + literal(String.valueOf(shard.port())) + ", dbname "
                        + literal(shard.database()) + ", batch_size " + literal(String.valueOf(BATCH_SIZE)) + ")");
                statement.execute("CREATE USER MAPPING FOR PUBLIC SERVER " + server + " OPTIONS (user "
                        + literal(shard.user() == null ? "postgres" : shard.user())
                        + (shard.password() == null ? "" : ", password " + literal(shard.password())) + ")");
            }
        } catch (SQLException e) {
            throw new IOException("the cluster's head could not reach its shards: " + e.getMessage(), e);
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String headUrl() {
        return nodes.get(0).url();
    }

    @Override
    public List<ShardEndpoint> shards() {
        return List.copyOf(shards);
    }

    /** The local folder holding every server's files (gone after {@link #close()}). */
    public Path folder() {
        return folder;
    }

    /** The process ids of the servers this cluster started (their postmasters). */
    public List<Long> pids() {
        return nodes.stream().map(n -> LocalProcesses.pidIn(n.data().resolve("postmaster.pid"))).filter(p -> p > 0).toList();
    }

    @Override
    public ClusterInfo describe() {
        return describe(headUrl(), shards);
    }

    /** The cluster whose head and shards these are, as results.json describes it. */
    static ClusterInfo describe(String headUrl, List<ShardEndpoint> shards) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("routing", "PARTITION BY HASH (shard key), partitions are postgres_fdw foreign tables");
        settings.put("batch_size", String.valueOf(BATCH_SIZE));
        settings.put("async_capable", "off");
        List<String> versions = new ArrayList<>();
        String head;
        try (Connection connection = DriverManager.getConnection(headUrl)) {
            head = version(connection);
            for (ShardEndpoint shard : shards) {
                try (Connection remote = open(shard)) {
                    versions.add(version(remote));
                }
            }
        } catch (SQLException e) {
            head = "unknown (" + e.getMessage() + ")";
        }
        return new ClusterInfo("postgresql", shards.size(), "postgres_fdw", head, versions,
                shards.stream().map(ShardEndpoint::toString).toList(), settings, Map.of(), Map.of());
    }

    private static String version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            return "PostgreSQL " + row.getString(1);
        }
    }

    static Connection open(ShardEndpoint shard) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", shard.user() == null ? "postgres" : shard.user());
        if (shard.password() != null) {
            properties.setProperty("password", shard.password());
        }
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://" + shard.host() + ":" + shard.port() + "/" + shard.database(),
                properties);
    }

    @Override
    public ShardActivity activity() throws SQLException {
        return activity(shards);
    }

    /** Counters read on a connection of their own to each of these shards. */
    static ShardActivity activity(List<ShardEndpoint> shards) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (ShardEndpoint shard : shards) {
                connections.add(open(shard));
            }
        } catch (SQLException e) {
            for (Connection connection : connections) {
                connection.close();
            }
            throw e;
        }
        return new PostgresShardActivity(connections);
    }

    /** Stops local shard {@code shard} (1-based) at once, as a crash would. */
    @Override
    public void kill(int shard) throws IOException {
        if (shard < 1 || shard >= nodes.size()) {
            throw new IllegalArgumentException("no local shard " + shard + ": this cluster has " + (nodes.size() - 1));
        }
        Node node = nodes.get(shard);
        LocalProcesses.run(OS_USER, folder.resolve("logs").resolve(node.name() + ".log"), 60,
                bin.resolve("pg_ctl").toString(), "-D", node.data().toString(), "-m", "immediate", "-w", "stop");
    }

    /**
     * Leaves the cluster running after this JVM ends (no shutdown hook any more) and returns what stops it later; only a
     * cluster of local shards can be left so, since no password is kept.
     */
    public synchronized ClusterState detach() {
        if (nodes.size() != shards.size() + 1) {
            throw new IllegalArgumentException("only a cluster of local shards can be left running: leave out --shard-url");
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        closed = true;
        return new ClusterState("postgres", folder.toString(), headUrl(), shards(),
                nodes.stream().map(n -> new ClusterState.Server(n.data().toString(), LocalProcesses.pidIn(n.data().resolve("postmaster.pid")))).toList(),
                bin.toString());
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // this is the hook running
        }
        IOException first = null;
        for (Node node : nodes) {
            long pid = LocalProcesses.pidIn(node.data().resolve("postmaster.pid"));
            try {
                if (pid > 0) {
                    LocalProcesses.run(OS_USER, folder.resolve("logs").resolve(node.name() + ".log"), 60,
                            bin.resolve("pg_ctl").toString(), "-D", node.data().toString(), "-m", "fast", "-w", "stop");
                }
            } catch (IOException e) {
                first = first == null ? e : first;
            }
            LocalProcesses.killHard(pid);
        }
        LocalProcesses.deleteTree(folder);
        if (first != null) {
            throw first;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            System.err.println("userbench: the local cluster did not stop cleanly: " + e.getMessage());
        }
    }

    /** Statements per shard read from its client backends' state changes (the probe's own excluded). */
    private static final class PostgresShardActivity implements ShardActivity {
        private final List<Connection> connections;
        private final List<PreparedStatement> reads = new ArrayList<>();

        PostgresShardActivity(List<Connection> connections) throws SQLException {
            this.connections = connections;
            for (Connection connection : connections) {
                reads.add(connection.prepareStatement("SELECT coalesce(sum((extract(epoch FROM state_change) * 1000000)::bigint), 0) "
                        + "+ count(*) FROM pg_catalog.pg_stat_activity WHERE pid <> pg_backend_pid() "
                        + "AND backend_type = 'client backend'"));
            }
        }

        @Override
        public long[] read() throws SQLException {
            long[] readings = new long[reads.size()];
            for (int i = 0; i < reads.size(); i++) {
                try (ResultSet row = reads.get(i).executeQuery()) {
                    row.next();
                    readings[i] = row.getLong(1);
                }
            }
            return readings;
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (Connection connection : connections) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
