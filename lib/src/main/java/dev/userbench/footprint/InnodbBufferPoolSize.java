package dev.userbench.footprint;

import dev.userbench.schema.ConnectionSpec;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * InnoDB's buffer pool, resized online with {@code SET GLOBAL innodb_buffer_pool_size}. This changes the whole
 * server, for every session, so the change and the restore go through a connection of this control's own, never
 * the session's: when the session's connection is cut (Ctrl-C, a dropped network, a failed step), {@link #close()}
 * still puts the original size back, reconnecting once if its own connection went too. A JVM shutdown hook does
 * the same if the process ends while the size is changed. Needs the privilege to set global variables (SUPER or
 * SYSTEM_VARIABLES_ADMIN).
 * <p>How a resize ends differs by server. MariaDB from 10.11.12 (the rewrite that added
 * {@code innodb_buffer_pool_size_max}) resizes inside the {@code SET} statement and fails it when the resize is
 * aborted; its {@code Innodb_buffer_pool_resize_status} stays empty. Older MariaDB and MySQL resize in the
 * background: {@link #apply} then waits, at most {@link #RESIZE_TIMEOUT}, for the status to show a completion
 * message that is new (its text changed, or the pool's page count did; some versions write the same
 * "Completed resizing buffer pool." every time). An empty status there means "not started", never "finished".
 */
public final class InnodbBufferPoolSize implements CacheControl {

    static final Duration RESIZE_TIMEOUT = Duration.ofMinutes(5);
    /** MySQL's and MariaDB's "Variable ... can't be set to the value of ...". */
    private static final int ER_WRONG_VALUE_FOR_VAR = 1231;
    /** MariaDB's "innodb_buffer_pool_size change aborted". */
    private static final int ER_WRONG_USAGE = 1210;

    private final ConnectionSpec spec;
    private final Connection measuring;
    private final long original;
    private final boolean synchronous;
    private final long floor;
    private final Thread safetyNet = new Thread(this::restoreQuietly, "userbench-restore-buffer-pool");
    private Connection own;
    private boolean changed;
    private boolean hooked;

    /**
     * @param spec      where to open the control's own connection
     * @param measuring the session's connection, on which measurements run ({@link #connection()})
     */
    public InnodbBufferPoolSize(ConnectionSpec spec, Connection measuring) throws SQLException {
        this.spec = spec;
        this.measuring = measuring;
        this.own = spec.openOutsideNamespace();
        try {
            this.original = currentBytes();
            this.synchronous = hasVariable("innodb_buffer_pool_size_max");
            this.floor = minimum();
        } catch (SQLException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    public long originalBytes() {
        return original;
    }

    @Override
    public String setting() {
        return "innodb_buffer_pool_size";
    }

    @Override
    public boolean adjustable() {
        return true;
    }

    @Override
    public synchronized long currentBytes() throws SQLException {
        return queryLong("SELECT @@GLOBAL.innodb_buffer_pool_size");
    }

    /**
     * Asks for {@code bytes}, raised to the server's minimum (older servers refuse a smaller value rather than
     * raise it), and returns the size the server settled on once the resize is complete.
     */
    @Override
    public synchronized long apply(long requested) throws SQLException {
        long bytes = Math.max(floor, requested);
        long before = currentBytes();
        if (bytes == before) {
            return before;
        }
        Resize status = resize();
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(safetyNet);
            hooked = true;
        }
        changed = true;
        try (Statement statement = own.createStatement()) {
            // a number, not data: formatting it into the statement is safe (SET GLOBAL takes no parameters)
            statement.execute("SET GLOBAL innodb_buffer_pool_size = " + bytes);
        } catch (SQLException e) {
            if (e.getErrorCode() == ER_WRONG_VALUE_FOR_VAR) {
                throw new SizeRefused("the server refused innodb_buffer_pool_size = " + bytes + warning(), e);
            }
            if (e.getErrorCode() == ER_WRONG_USAGE) {
                // MariaDB 10.11.12+ gives up a shrink it cannot finish (pages in use) and keeps the old size
                throw new SizeRefused("the server could not shrink innodb_buffer_pool_size to " + bytes + " ("
                        + e.getMessage() + ")", e);
            }
            throw e;
        }
        if (!synchronous) {
            // the variable may still read the old size while the background resize runs: wait for its completion
            // whatever the variable says now
            awaitResize(status);
        }
        return currentBytes();
    }

    /** The status line and the pool's page count, to tell a new completion from an old one. */
    private record Resize(String status, long pages) {
    }

    private void awaitResize(Resize before) throws SQLException {
        long deadline = System.nanoTime() + RESIZE_TIMEOUT.toNanos();
        while (true) {
            Resize now = resize();
            String status = now.status().toLowerCase(Locale.ROOT);
            if (status.startsWith("resizing buffer pool failed")) {
                throw new SQLException("InnoDB could not resize its buffer pool: " + now.status());
            }
            boolean completion = status.startsWith("completed resizing buffer pool") || status.contains("did not change");
            boolean fresh = !now.status().equals(before.status()) || now.pages() != before.pages();
            if (completion && fresh) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SQLException("the buffer pool resize did not finish within " + RESIZE_TIMEOUT.toMinutes()
                        + " minutes (status: \"" + now.status() + "\")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the buffer pool resized", e);
            }
        }
    }

    private Resize resize() throws SQLException {
        String status = "";
        long pages = -1;
        try (Statement statement = own.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN"
                     + " ('Innodb_buffer_pool_resize_status', 'Innodb_buffer_pool_pages_total')")) {
            while (rows.next()) {
                if ("Innodb_buffer_pool_pages_total".equalsIgnoreCase(rows.getString(1))) {
                    pages = rows.getLong(2);
                } else if (rows.getString(2) != null) {
                    status = rows.getString(2).trim();
                }
            }
        }
        return new Resize(status, pages);
    }

    /** The server's reason for refusing the last statement, e.g. the minimum for its chunk size, or nothing. */
    private String warning() {
        try (Statement statement = own.createStatement(); ResultSet rows = statement.executeQuery("SHOW WARNINGS")) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                text.append(text.length() == 0 ? " (" : "; ").append(rows.getString(3));
            }
            return text.length() == 0 ? "" : text.append(')').toString();
        } catch (SQLException e) {
            return "";
        }
    }

    /** The smallest size the server takes: MariaDB lists it; elsewhere (MySQL) the server raises smaller values. */
    private long minimum() {
        try (Statement statement = own.createStatement();
             ResultSet row = statement.executeQuery("SELECT NUMERIC_MIN_VALUE FROM information_schema.SYSTEM_VARIABLES"
                     + " WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_SIZE'")) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException notMariadb) {
            return 0;
        }
    }

    private boolean hasVariable(String name) throws SQLException {
        try (Statement statement = own.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
            return rows.next();
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Statement statement = own.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public Connection connection() {
        return measuring;
    }

    /**
     * Puts the original size back through this control's own connection, reconnecting once if that connection
     * is gone, and checks that the server reports it. Idempotent; safe from a shutdown hook.
     */
    @Override
    public synchronized void close() throws SQLException {
        try {
            if (changed) {
                try {
                    apply(original);
                } catch (SQLException first) {
                    // our connection may have died with the session's (a network cut): one fresh try
                    closeQuietly(own);
                    own = spec.openOutsideNamespace();
                    try {
                        apply(original);
                    } catch (SQLException second) {
                        second.addSuppressed(first);
                        throw second;
                    }
                }
                long now = currentBytes();
                if (now != original) {
                    throw new SQLException("innodb_buffer_pool_size is " + now + " bytes after restoring it to "
                            + original + ": set it back by hand (SET GLOBAL innodb_buffer_pool_size = " + original + ")");
                }
                changed = false;
            }
        } finally {
            closeQuietly(own);
            if (hooked && Thread.currentThread() != safetyNet) {
                try {
                    Runtime.getRuntime().removeShutdownHook(safetyNet);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs now and finds nothing left to restore
                }
            }
        }
    }

    private void restoreQuietly() {
        try {
            synchronized (this) {
                if (changed) {
                    if (own.isClosed()) {
                        own = spec.openOutsideNamespace();
                    }
                    close();
                }
            }
        } catch (SQLException | RuntimeException e) {
            System.err.println("could not restore innodb_buffer_pool_size to " + original + " bytes: " + e.getMessage());
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
