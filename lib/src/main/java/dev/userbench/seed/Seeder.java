package dev.userbench.seed;

import dev.userbench.model.User;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Rows;
import dev.userbench.schema.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a layout with the generator's users through JDBC batches in one transaction, holding only
 * one batch of users at a time, so memory does not grow with the user count.
 */
public final class Seeder {

    public static final int DEFAULT_BATCH = 1000;

    /** How long seeding took, split into making users and sending them. */
    public record Timing(long users, long generateNanos, long insertNanos) {
        public double seconds() {
            return (generateNanos + insertNanos) / 1e9;
        }

        public double usersPerSecond() {
            return users / seconds();
        }
    }

    private final int batchSize;

    public Seeder(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one row, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public Seeder() {
        this(DEFAULT_BATCH);
    }

    /** Drops and recreates the layout's tables (committed). */
    public static void recreate(Connection connection, LayoutSql sql) throws SQLException {
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

    /** Drops the layout's tables (committed). */
    public static void drop(Connection connection, LayoutSql sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : sql.drop()) {
                statement.execute(ddl);
            }
        }
        connection.commit();
    }

    /** Inserts users {@code 0 .. count-1} into the (empty) layout and commits. */
    public Timing load(Connection connection, LayoutSql sql, UserGenerator generator, long count, Progress progress)
            throws SQLException {
        List<TableDef> tables = sql.layout().tables();
        List<PreparedStatement> inserts = new ArrayList<>(tables.size());
        try {
            for (TableDef table : tables) {
                inserts.add(connection.prepareStatement(sql.insert(table)));
            }
            User[] batch = new User[batchSize];
            long generateNanos = 0;
            long insertNanos = 0;
            for (long from = 0; from < count; from += batchSize) {
                int size = (int) Math.min(batchSize, count - from);
                long t0 = System.nanoTime();
                for (int i = 0; i < size; i++) {
                    batch[i] = generator.user(from + i);
                }
                long t1 = System.nanoTime();
                for (int t = 0; t < tables.size(); t++) {
                    PreparedStatement insert = inserts.get(t);
                    for (int i = 0; i < size; i++) {
                        Rows.bind(sql.dialect(), insert, tables.get(t), batch[i]);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                long t2 = System.nanoTime();
                generateNanos += t1 - t0;
                insertNanos += t2 - t1;
                progress.update("seeding " + sql.layout().name(), from + size, count);
            }
            long t3 = System.nanoTime();
            connection.commit();
            insertNanos += System.nanoTime() - t3;
            return new Timing(count, generateNanos, insertNanos);
        } catch (SQLException | RuntimeException e) {
            // an engine may have rolled back already (SQLite on a full disk): keep the cause, not the rollback's error
            try {
                connection.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        } finally {
            for (PreparedStatement insert : inserts) {
                insert.close();
            }
        }
    }
}
