package dev.userbench.footprint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * InnoDB's buffer pool, resized online with {@code SET GLOBAL innodb_buffer_pool_size}. The server rounds
 * the request to whole chunks (times the pool instances) and resizes in the background; {@link #apply}
 * waits until {@code Innodb_buffer_pool_resize_status} reports the resize finished and returns the size
 * the server settled on. This changes the whole server, for every session: {@link #close()} puts the
 * original size back and is meant for a finally block (try-with-resources). Needs the privilege to set
 * global variables (SUPER or SYSTEM_VARIABLES_ADMIN).
 */
public final class InnodbBufferPoolSize implements CacheControl {

    private static final Duration RESIZE_TIMEOUT = Duration.ofMinutes(5);

    private final Connection connection;
    private final long original;

    public InnodbBufferPoolSize(Connection connection) throws SQLException {
        this.connection = connection;
        this.original = currentBytes();
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
    public long currentBytes() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@GLOBAL.innodb_buffer_pool_size")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public long apply(long bytes) throws SQLException {
        if (bytes == currentBytes()) {
            return bytes;
        }
        String before = resizeStatus();
        try (Statement statement = connection.createStatement()) {
            // a number, not data: formatting it into the statement is safe (SET GLOBAL takes no parameters)
            statement.execute("SET GLOBAL innodb_buffer_pool_size = " + Math.max(0, bytes));
        }
        awaitResize(before);
        return currentBytes();
    }

    /**
     * Waits until the status line says the resize completed. MariaDB writes "Completed resizing buffer
     * pool at <time>." (the time changes with every resize) or, when the request rounds to the current
     * size, "Size did not change" / nothing new.
     */
    private void awaitResize(String before) throws SQLException {
        long deadline = System.nanoTime() + RESIZE_TIMEOUT.toNanos();
        while (true) {
            String status = resizeStatus();
            boolean finished = status.isEmpty()
                    || (!status.equals(before) && (status.startsWith("Completed") || status.contains("did not change")))
                    || (status.equals(before) && !status.toLowerCase(java.util.Locale.ROOT).contains("resizing")
                            && !status.toLowerCase(java.util.Locale.ROOT).contains("withdraw") && settled());
            if (finished) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SQLException("the buffer pool resize did not finish within " + RESIZE_TIMEOUT + ": " + status);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the buffer pool resized", e);
            }
        }
    }

    /** The pool's page count matches the variable: no resize is pending. */
    private boolean settled() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                     + " WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_TOTAL') * @@innodb_page_size"
                     + " <= @@GLOBAL.innodb_buffer_pool_size")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private String resizeStatus() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_resize_status'")) {
            return row.next() && row.getString(2) != null ? row.getString(2).trim() : "";
        }
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        apply(original);
    }
}
