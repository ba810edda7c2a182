package dev.userbench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB head with Spider and N MariaDB shards on this machine, from the machine's own MariaDB (Debian's
 * {@code mariadb-server} and {@code mariadb-plugin-spider}, the same version): each server made by
 * {@code mariadb-install-db --no-defaults} in a fresh folder under the project's {@code temp/cluster/} and run as
 * {@code mariadbd --no-defaults --user=mysql} on a free port of 127.0.0.1 (without {@code --no-defaults} it would read
 * the machine's my.cnf and take port 3306). The head loads Spider and names its shards as servers
 * {@code userbench_shard_1..N}; its sessions set {@code spider_conn_recycle_mode=2} and {@code spider_semi_trx=0}
 * (otherwise Spider reconnects per statement). The machine's own MariaDB is never touched. {@link #close()} stops
 * every server and removes the folder; a shutdown hook does the same when the JVM ends first.
 */
public final class LocalMariadbCluster implements Cluster {

    static final String OS_USER = "mysql";
    static final String SERVER_PREFIX = "userbench_shard_";
    static final Path SPIDER = Path.of("/usr/lib/mysql/plugin/ha_spider.so");
    static final String SESSION = "sessionVariables=spider_conn_recycle_mode=2,spider_semi_trx=0";

    private record Node(String name, Path data, int port, Process process) {
        String url() {
            return "jdbc:mariadb://127.0.0.1:" + port + "/mysql?user=root";
        }
    }

    private final Path folder;
    private final List<Node> nodes = new ArrayList<>();
    private final List<ShardEndpoint> shards = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    private LocalMariadbCluster(Path folder) {
        this.folder = folder;
        this.hook = new Thread(this::closeQuietly, "userbench-cluster-stop");
    }

    /** Starts a head and {@code shardCount} local shards, or a head in front of the {@code external} shards. */
    public static LocalMariadbCluster start(int shardCount, List<ShardEndpoint> external, Path temp) throws IOException {
        checkInstalled();
        Files.createDirectories(temp);
        Path folder = Files.createTempDirectory(temp, "userbench-cluster-");
        if (LocalProcesses.root()) {
            Files.setOwner(folder, folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER));
        }
        LocalMariadbCluster cluster = new LocalMariadbCluster(folder);
        Runtime.getRuntime().addShutdownHook(cluster.hook);
        try {
            Node head = cluster.startNode("head");
            if (external.isEmpty()) {
                for (int i = 1; i <= shardCount; i++) {
                    Node shard = cluster.startNode("shard" + i);
                    cluster.shards.add(new ShardEndpoint("127.0.0.1", shard.port(), "mysql", "root", null));
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

    /** One sentence naming the package when the server or Spider is missing. */
    static void checkInstalled() {
        if (!Files.isExecutable(Path.of("/usr/sbin/mariadbd")) || !Files.isExecutable(Path.of("/usr/bin/mariadb-install-db"))) {
            throw new ClusterUnavailableException("a local MariaDB cluster needs the MariaDB server: install it with "
                    + "apt-get install mariadb-server mariadb-plugin-spider");
        }
        if (!Files.exists(SPIDER)) {
            throw new ClusterUnavailableException("a local MariaDB cluster needs Spider for its head: install it with "
                    + "apt-get install mariadb-plugin-spider");
        }
    }

    private Node startNode(String name) throws IOException {
        Path data = folder.resolve(name);
        Path logs = LocalProcesses.subfolderFor(OS_USER, folder, "logs");
        Path log = logs.resolve(name + ".log");
        // mariadb-install-db runs as root and hands the files to --user; mariadbd drops to it itself
        Process install = new ProcessBuilder("/usr/bin/mariadb-install-db", "--no-defaults", "--user=" + OS_USER,
                "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!install.waitFor(180, TimeUnit.SECONDS) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new IOException("mariadb-install-db failed: " + LocalProcesses.tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making " + name, e);
        }
        int port = LocalProcesses.freePort();
        Process server = new ProcessBuilder("/usr/sbin/mariadbd", "--no-defaults", "--user=" + OS_USER,
                "--datadir=" + data, "--port=" + port, "--socket=" + data.resolve("mariadb.sock"),
                "--pid-file=" + data.resolve("mariadb.pid"), "--bind-address=127.0.0.1", "--skip-name-resolve",
                "--innodb-buffer-pool-size=64M", "--log-error=" + log)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Node node = new Node(name, data, port, server);
        nodes.add(node);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (Connection connection = DriverManager.getConnection(node.url())) {
                return node;
            } catch (SQLException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("mariadbd " + name + " did not start: " + LocalProcesses.tail(log));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting " + name, e);
                }
            }
        }
    }

    private void connectHead(Node head) throws IOException {
        try (Connection connection = DriverManager.getConnection(head.url());
             Statement statement = connection.createStatement()) {
            statement.execute("INSTALL SONAME 'ha_spider'");
            for (int i = 0; i < shards.size(); i++) {
                ShardEndpoint shard = shards.get(i);
                statement.execute("CREATE SERVER " + SERVER_PREFIX + (i + 1) + " FOREIGN DATA WRAPPER mysql OPTIONS "
                        + "(HOST " + literal(shard.host()) + ", PORT " + shard.port() + ", USER "
                        + literal(shard.user() == null ? "root" : shard.user()) + ", PASSWORD "
                        + literal(shard.password() == null ? "" : shard.password()) + ", DATABASE "
                        + literal(shard.database()) + ")");
            }
        } catch (SQLException e) {
            throw new IOException("the cluster's head could not load Spider or name its shards: " + e.getMessage(), e);
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String headUrl() {
        return "jdbc:mariadb://127.0.0.1:" + nodes.get(0).port() + "/mysql?user=root&" + SESSION;
    }

    @Override
    public List<ShardEndpoint> shards() {
        return List.copyOf(shards);
    }

    public Path folder() {
        return folder;
    }

    public List<Long> pids() {
        return nodes.stream().map(n -> n.process().pid()).toList();
    }

    @Override
    public ClusterInfo describe() {
        return describe(headUrl(), shards);
    }

    /** The cluster whose head and shards these are, as results.json describes it. */
    static ClusterInfo describe(String headUrl, List<ShardEndpoint> shards) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("routing", "ENGINE=SPIDER, PARTITION BY RANGE COLUMNS (shard key) at the key's quantiles");
        settings.put("spider_conn_recycle_mode", "2");
        settings.put("spider_semi_trx", "0");
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
        return new ClusterInfo("mariadb", shards.size(), "spider", head, versions,
                shards.stream().map(ShardEndpoint::toString).toList(), settings, Map.of(), Map.of());
    }

    private static String version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT VERSION()")) {
            row.next();
            return "MariaDB " + row.getString(1);
        }
    }

    static Connection open(ShardEndpoint shard) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", shard.user() == null ? "root" : shard.user());
        if (shard.password() != null) {
            properties.setProperty("password", shard.password());
        }
        properties.setProperty("connectTimeout", "10000");
        return DriverManager.getConnection("jdbc:mariadb://" + shard.host() + ":" + shard.port() + "/", properties);
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
        return new StatementCounters(connections);
    }

    /** Stops local shard {@code shard} (1-based) at once, as a crash would. */
    @Override
    public void kill(int shard) {
        if (shard < 1 || shard >= nodes.size()) {
            throw new IllegalArgumentException("no local shard " + shard + ": this cluster has " + (nodes.size() - 1));
        }
        LocalProcesses.killHard(nodes.get(shard).process().pid());
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
        return new ClusterState("mariadb", folder.toString(), headUrl(), shards(),
                nodes.stream().map(n -> new ClusterState.Server(n.data().toString(), n.process().pid())).toList(),
                null);
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
        for (Node node : nodes) {
            node.process().destroy(); // SIGTERM: a clean shutdown
        }
        for (Node node : nodes) {
            try {
                if (!node.process().waitFor(60, TimeUnit.SECONDS)) {
                    LocalProcesses.killHard(node.process().pid());
                }
            } catch (InterruptedException e) {
                LocalProcesses.killHard(node.process().pid());
                Thread.currentThread().interrupt();
            }
        }
        LocalProcesses.deleteTree(folder);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            System.err.println("userbench: the local cluster did not stop cleanly: " + e.getMessage());
        }
    }

    /** The statements each shard ran, from its own counters (SHOW GLOBAL STATUS counts itself under Com_show_status). */
    private static final class StatementCounters implements ShardActivity {
        private final List<Connection> connections;

        StatementCounters(List<Connection> connections) {
            this.connections = connections;
        }

        @Override
        public long[] read() throws SQLException {
            long[] readings = new long[connections.size()];
            for (int i = 0; i < connections.size(); i++) {
                try (Statement statement = connections.get(i).createStatement();
                     ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', "
                             + "'Com_insert', 'Com_update', 'Com_delete', 'Com_insert_select', 'Com_replace')")) {
                    while (rows.next()) {
                        readings[i] += rows.getLong(2);
                    }
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
