package dev.userbench.footprint;

import dev.userbench.schema.Layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite page-cache misses, counted as the read system calls of the measuring thread. sqlite-jdbc exposes no
 * {@code sqlite3_db_status(SQLITE_DBSTATUS_CACHE_MISS)}, but SQLite runs inside this JVM, on the thread that
 * calls it, and, with memory-mapping off (its default, checked here), fetches each page its cache misses with
 * one {@code read} of a page. Linux counts each thread's reads in {@code /proc/thread-self/io} ({@code syscr});
 * the thread's own counter leaves out what the JVM's other threads read meanwhile (class loading, the JIT, the
 * garbage collector, another client). The figure still holds the few reads SQLite makes per transaction to
 * check whether the file changed: read it as misses of SQLite's cache, give or take a few. The work must run on
 * the calling thread. SQLite keeps no count of hits, so {@code pagesHit} is null. Linux only: elsewhere
 * {@link #available()} is false and measuring fails.
 */
public final class SqliteReadCallsProbe implements WorkingSetProbe {

    static final String COUNTER = "read syscalls of the measuring thread (/proc/thread-self/io syscr; SQLite cache misses)";
    private static final Path PROC_IO = Path.of("/proc/thread-self/io");

    public static boolean available() {
        return Files.isReadable(PROC_IO);
    }

    @Override
    public WorkingSet measure(Connection connection, Layout layout, String workload, long operations, SqlWork work)
            throws Exception {
        requireNoMmap(connection);
        long overhead = readCallsOfReadingTheCounter();
        long before = readCalls();
        work.run();
        long after = readCalls();
        return new WorkingSet(layout.name(), workload, operations, null, Math.max(0, after - before - overhead), COUNTER);
    }

    private static void requireNoMmap(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA mmap_size")) {
            if (row.next() && row.getLong(1) > 0) {
                throw new IllegalStateException("PRAGMA mmap_size is " + row.getLong(1)
                        + ": memory-mapped pages are read without system calls, so misses cannot be counted");
            }
        }
    }

    /** Reading /proc/thread-self/io is itself a few read calls; measured, not assumed. */
    private static long readCallsOfReadingTheCounter() throws IOException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long first = readCalls();
            least = Math.min(least, readCalls() - first);
        }
        return least;
    }

    static long readCalls() throws IOException {
        if (!available()) {
            throw new IllegalStateException("/proc/thread-self/io is not readable: SQLite cache misses can only be counted on Linux (3.17 or later)");
        }
        for (String line : Files.readAllLines(PROC_IO)) {
            if (line.startsWith("syscr:")) {
                return Long.parseLong(line.substring("syscr:".length()).trim());
            }
        }
        throw new IllegalStateException("/proc/thread-self/io has no syscr line");
    }
}
