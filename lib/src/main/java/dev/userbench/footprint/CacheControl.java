package dev.userbench.footprint;

import dev.userbench.schema.ConnectionSpec;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One engine cache that a {@link CacheSweep} resizes. Closing it puts the original size back, so use it
 * in try-with-resources: the setting is restored even when the measurement fails.
 * From {@link #forSession(ConnectionSpec, Connection)}: SQLite's per-connection {@code cache_size}, InnoDB's
 * server-wide {@code innodb_buffer_pool_size}, or, for PostgreSQL (whose {@code shared_buffers} takes a
 * restart), a fixed cache that reports its size and ignores requests. The embedded module supplies a
 * PostgreSQL control that restarts a server it started.
 */
public interface CacheControl extends AutoCloseable {

    /** The engine refused a size (e.g. below its minimum for this configuration); nothing changed. */
    final class SizeRefused extends SQLException {
        public SizeRefused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** The engine's name for the setting, e.g. {@code innodb_buffer_pool_size}. */
    String setting();

    /** True when a change restarts the server: connections made before it are gone afterwards. */
    default boolean restartsServer() {
        return false;
    }

    /** False when requests are ignored (the cache size is fixed for this run). */
    boolean adjustable();

    /** The size in effect now, in bytes. */
    long currentBytes() throws SQLException;

    /**
     * Asks for a cache of about {@code bytes} and returns the size the engine actually uses (it may round,
     * e.g. InnoDB to whole chunks), once the change has taken effect. Throws {@link SizeRefused} when the engine
     * will not take that size.
     */
    long apply(long bytes) throws SQLException;

    /** The connection measurements must use at the current setting (it changes when a server restarts). */
    Connection connection() throws SQLException;

    /** Restores the size found when this control was made. */
    @Override
    void close() throws SQLException;

    /**
     * The cache of the engine {@code spec} points at, measured on {@code connection} (the session's). InnoDB's
     * control opens a connection of its own from {@code spec} for the change and the restore.
     */
    static CacheControl forSession(ConnectionSpec spec, Connection connection) throws SQLException {
        return switch (spec.dialect().engine()) {
            case SQLITE -> new SqliteCacheSize(connection);
            case MYSQL -> new InnodbBufferPoolSize(spec, connection);
            case POSTGRESQL -> FixedCache.postgres(connection);
        };
    }
}
