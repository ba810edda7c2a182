package dev.userbench.bench;

import dev.userbench.model.User;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Rows;
import dev.userbench.schema.TableDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts every user into an empty layout in one transaction. Users are made before the clock starts
 * (the study timed object construction too). Variant {@code seed} keeps the study's shape: a
 * single-table layout goes in batches, as the ORM's unit of work sent it, while a split layout sends
 * each row at once, as the study's {@code flush()} per user did. Variant {@code batched} sends every
 * table in batches: the fair comparison.
 */
public final class InsertBenchmark extends StudyBenchmark {

    public static final String DISTRIBUTION = "sequential";
    public static final String OPERATION = "insert";
    public static final String SEED = "seed";
    public static final String BATCHED = "batched";

    /** {@value #DISTRIBUTION}: users 0 .. n-1 in order. */
    private InsertBenchmark(String variant) {
        super(OPERATION, variant, DISTRIBUTION);
    }

    public static InsertBenchmark seed() {
        return new InsertBenchmark(SEED);
    }

    public static InsertBenchmark batched() {
        return new InsertBenchmark(BATCHED);
    }

    @Override
    public boolean mutates() {
        return true;
    }

    /** A row on the study's row-at-a-time path of a split layout, a batch of rows otherwise. */
    @Override
    public String callUnit(LayoutSql sql) {
        return SEED.equals(variant()) && !sql.layout().singleTable() ? "row" : "batch";
    }

    @Override
    public long calls(BenchContext context) {
        return context.users();
    }

    @Override
    public void run(BenchContext context, LayoutSql sql, long calls, LatencyRecorder recorder) throws SQLException {
        Connection connection = context.connection();
        List<TableDef> tables = sql.writtenTables();
        boolean rowAtATime = SEED.equals(variant()) && !sql.layout().singleTable();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (TableDef table : tables) {
                inserts.add(connection.prepareStatement(sql.insert(table)));
            }
            List<User> batch = new ArrayList<>(context.batchSize());
            for (long from = 0; from < calls; from += context.batchSize()) {
                int size = (int) Math.min(context.batchSize(), calls - from);
                batch.clear();
                for (int i = 0; i < size; i++) {
                    batch.add(context.generator().user(from + i));
                }
                if (rowAtATime) {
                    insertRowByRow(sql, tables, inserts, batch, recorder);
                } else {
                    insertBatched(sql, tables, inserts, batch, recorder);
                }
                context.progress().update(OPERATION + " " + variant() + " " + sql.layout().name(), from + size, calls);
            }
            long start = System.nanoTime();
            connection.commit();
            recorder.addWall(System.nanoTime() - start);
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

    private static void insertBatched(LayoutSql sql, List<TableDef> tables, List<PreparedStatement> inserts,
                                      List<User> batch, LatencyRecorder recorder) throws SQLException {
        long start = System.nanoTime();
        for (int t = 0; t < tables.size(); t++) {
            Rows.sendBatch(sql.dialect(), inserts.get(t), tables.get(t), batch);
        }
        long elapsed = System.nanoTime() - start;
        recorder.recordBatch(elapsed, batch.size());
        recorder.addWall(elapsed);
    }

    private static void insertRowByRow(LayoutSql sql, List<TableDef> tables, List<PreparedStatement> inserts,
                                       List<User> batch, LatencyRecorder recorder) throws SQLException {
        for (User user : batch) {
            long start = System.nanoTime();
            for (int t = 0; t < tables.size(); t++) {
                PreparedStatement insert = inserts.get(t);
                Rows.bind(sql.dialect(), insert, tables.get(t), user);
                insert.executeUpdate();
            }
            long elapsed = System.nanoTime() - start;
            recorder.record(elapsed);
            recorder.addWall(elapsed);
        }
    }
}
