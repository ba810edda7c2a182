package dev.userbench.bench;

import dev.userbench.schema.Dialect;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where, with what and how a run was measured, so that it can be reproduced: engine and driver, the
 * engine settings that decide the outcome, the JVM and its flags, the CPU, the tool's version and
 * every option. The JDBC URL is always masked.
 */
public record Environment(String engine, String engineVersion, String driver, String driverVersion, String jdbcUrl,
                          String jvm, List<String> jvmFlags, String os, int cpus, String cpuModel, long users,
                          int logins, long seed, String startedAt, String toolVersion, String cacheState,
                          Map<String, String> settings, Map<String, Object> options,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          dev.userbench.cluster.ClusterInfo cluster) {

    /** An environment on one server (no cluster). */
    public Environment(String engine, String engineVersion, String driver, String driverVersion, String jdbcUrl,
                       String jvm, List<String> jvmFlags, String os, int cpus, String cpuModel, long users,
                       int logins, long seed, String startedAt, String toolVersion, String cacheState,
                       Map<String, String> settings, Map<String, Object> options) {
        this(engine, engineVersion, driver, driverVersion, jdbcUrl, jvm, jvmFlags, os, cpus, cpuModel, users, logins, seed,
                startedAt, toolVersion, cacheState, settings, options, null);
    }

    /** The same environment, run through the head of this cluster. */
    public Environment withCluster(dev.userbench.cluster.ClusterInfo value) {
        return new Environment(engine, engineVersion, driver, driverVersion, jdbcUrl, jvm, jvmFlags, os, cpus, cpuModel,
                users, logins, seed, startedAt, toolVersion, cacheState, settings, options, value);
    }

    public static Environment capture(Connection connection, RunOptions options, Instant startedAt) throws SQLException {
        return capture(connection, options, startedAt, Map.of());
    }

    /** As {@link #capture(Connection, RunOptions, Instant)}, with more options (the workloads') added to {@code options}. */
    public static Environment capture(Connection connection, RunOptions options, Instant startedAt,
                                      Map<String, Object> moreOptions) throws SQLException {
        Map<String, Object> described = new java.util.LinkedHashMap<>(options.described());
        described.putAll(moreOptions);
        DatabaseMetaData meta = connection.getMetaData();
        Dialect dialect = options.connection().dialect();
        String cacheState = !options.cold() ? "warm"
                : dialect.coldStartPossible()
                ? "cold reads: a fresh connection and page cache per trial (the operating system's file cache stays warm)"
                : "warm only: the server's cache outlives connections and restarting the server is not ours to do";
        return new Environment(
                dialect.engine().label(),
                meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(),
                meta.getDriverName(),
                meta.getDriverVersion(),
                options.connection().maskedUrl(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                currentJvmFlags(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                currentCpuModel(),
                options.users(), options.logins(), options.seed(), startedAt.toString(),
                currentToolVersion(), cacheState, dialect.settings(connection), described);
    }

    /** JVM flags, without system properties' values: a -D may carry anything, a password included. */
    private static List<String> currentJvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .map(flag -> flag.startsWith("-D") && flag.contains("=") ? flag.substring(0, flag.indexOf('=')) + "=..." : flag)
                .toList();
    }

    private static String currentCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    /** The jar's version and, when run from a git checkout, its commit. */
    public static String currentToolVersion() {
        String version = Environment.class.getPackage().getImplementationVersion();
        String base = version == null ? "development" : version;
        String home = System.getProperty("userbench.home");
        if (home == null || !Files.isDirectory(Path.of(home, ".git"))) {
            return base;
        }
        try {
            Process git = new ProcessBuilder("git", "-C", home, "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            if (git.waitFor(3, TimeUnit.SECONDS) && git.exitValue() == 0) {
                String commit = new String(git.getInputStream().readAllBytes()).trim();
                return base + " (git " + commit + ")";
            }
            git.destroyForcibly();
        } catch (IOException e) {
            return base;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return base;
    }
}
