package dev.userbench.seed;

import dev.userbench.model.User;
import dev.userbench.schema.BulkLoader;
import dev.userbench.schema.LayoutSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Fills a layout with the generator's users through the dialect's {@link BulkLoader} in one
 * transaction, with generation overlapped: generator threads make the next batches while this thread
 * sends the current one, through a bounded window ({@link UserBatches}), so seeding takes about the
 * longer of generating and inserting, and memory does not grow with the user count.
 */
public final class Seeder {

    /** Rows per batch of the plain insert benchmarks; seeding uses the same unless told otherwise. */
    public static final int DEFAULT_BATCH = 1000;
    /** One generator thread already makes users faster than any engine here takes them. */
    public static final int DEFAULT_THREADS = 1;

    /**
     * How long seeding took. {@code wallNanos} is the whole load, generation included;
     * {@code insertNanos} the time spent sending and committing; {@code waitNanos} the time the sender
     * waited for users not made yet; {@code generateNanos} the generator threads' time, summed over
     * threads and overlapped with inserting.
     */
    public record Timing(long users, long generateNanos, long insertNanos, long waitNanos, long wallNanos) {
        public double seconds() {
            return wallNanos / 1e9;
        }

        public double usersPerSecond() {
            return wallNanos == 0 ? 0 : users / seconds();
        }
    }

    private final int batchSize;
    private final int threads;

    public Seeder(int batchSize, int threads) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one row, got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        this.batchSize = batchSize;
        this.threads = threads;
    }

    public Seeder(int batchSize) {
        this(batchSize, DEFAULT_THREADS);
    }

    public Seeder() {
        this(DEFAULT_BATCH);
    }
    /** Drops and recreates the layout's tables (committed). */
    public static void recreate(Connection connection, LayoutSql sql) throws SQLException {
        if (sql.layout().sharded()) {
            sql.dialect().shardedTables().recreate(connection, sql);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String ddl : sql.drop()) {
                statement.execute(ddl);
            }
            for (String ddl : sql.create()) {
                statement.execute(ddl);
            }
        }
        connection.commit();
    }

    /**
     * Brings freshly seeded tables to the state a server that ran a while would have them in, the same after
     * every seeding so that every measurement starts alike: on PostgreSQL {@code VACUUM ANALYZE} (the
     * visibility map lets an index-only scan, e.g. of {@code monolith_covering}'s INCLUDE index, skip the heap,
     * instead of depending on when autovacuum passes; fresh statistics for the planner); on MySQL/MariaDB
     * {@code ANALYZE TABLE} (fresh persistent statistics). SQLite has no visibility map, and its planner picks
     * the email index without statistics, so nothing is done there: {@code ANALYZE} would only add a table.
     * Table names come from the layout's definition, never from a user.
     */
    public static void settle(Connection connection, LayoutSql sql) throws SQLException {
        if (sql.layout().sharded()) {
            // the shards' own tables are what the plans there read; the head's routing tables hold nothing
            sql.dialect().shardedTables().settle(connection, sql);
            return;
        }
        switch (sql.dialect().engine()) {
            case POSTGRESQL -> {
                connection.commit();
                boolean autoCommit = connection.getAutoCommit();
                // VACUUM refuses to run inside a transaction block
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    for (String table : sql.layout().tableNames()) {
                        statement.execute("VACUUM ANALYZE " + table);
                    }
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
            case MYSQL -> {
                try (Statement statement = connection.createStatement()) {
                    for (String table : sql.layout().tableNames()) {
                        statement.execute("ANALYZE TABLE " + table);
                    }
                }
                connection.commit();
            }
            case SQLITE -> {
                // nothing to settle (see above)
            }
        }
    }

    /** Drops the layout's tables (committed). */
    public static void drop(Connection connection, LayoutSql sql) throws SQLException {
        if (sql.layout().sharded()) {
            sql.dialect().shardedTables().drop(connection, sql);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String ddl : sql.drop()) {
                statement.execute(ddl);
            }
        }
        connection.commit();
    }

    /** Inserts users {@code 0 .. count-1} into the (empty) layout by the dialect's bulk path and commits. */
    public Timing load(Connection connection, LayoutSql sql, UserGenerator generator, long count, Progress progress)
            throws SQLException {
        return load(connection, sql, generator, count, progress, sql.bulkLoader());
    }

    /** Inserts users {@code 0 .. count-1} into the (empty) layout through the given loader and commits. */
    public Timing load(Connection connection, LayoutSql sql, UserGenerator generator, long count, Progress progress,
                       BulkLoader loader) throws SQLException {
        if (count < 0) {
            throw new IllegalArgumentException("cannot seed " + count + " users");
        }
        String phase = "seeding " + sql.layout().name();
        long begin = System.nanoTime();
        long insertNanos = 0;
        try (UserBatches batches = new UserBatches(generator, 0, count, batchSize, threads);
             BulkLoader.Load<User> load = loader.start(connection, sql.dialect(), sql.loadTables())) {
            long done = 0;
            while (batches.hasNext()) {
                List<User> batch = batches.next();
                long start = System.nanoTime();
                load.write(batch);
                insertNanos += System.nanoTime() - start;
                done += batch.size();
                progress.update(phase, done, count);
            }
            long start = System.nanoTime();
            load.finish();
            connection.commit();
            insertNanos += System.nanoTime() - start;
            if (count == 0) {
                progress.update(phase, 0, 0);
            }
            return new Timing(count, batches.generateNanos(), insertNanos, batches.waitNanos(), System.nanoTime() - begin);
        } catch (SQLException | RuntimeException | Error e) {
            // an engine may have rolled back already (SQLite on a full disk): keep the cause, not the rollback's error
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }
}
