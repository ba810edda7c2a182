package dev.userbench.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One prepared INSERT per table, reused for the whole load, each write sent as one JDBC batch per
 * table (the referenced table first, so foreign keys hold at every step). With the driver settings of
 * the dialects a batch travels as one round trip: SQLite steps it in-process, MySQL/MariaDB drivers
 * rewrite it into multi-row INSERTs, pgjdbc into multi-row VALUES.
 */
final class BatchedInsertLoader implements BulkLoader {

    static final BatchedInsertLoader INSTANCE = new BatchedInsertLoader();

    private BatchedInsertLoader() {
    }

    @Override
    public String description() {
        return "batched prepared INSERTs";
    }

    @Override
    public <R> Load<R> start(Connection connection, Dialect dialect, List<LoadTable<R>> tables) throws SQLException {
        List<PreparedStatement> inserts = new ArrayList<>(tables.size());
        try {
            for (LoadTable<R> table : tables) {
                inserts.add(connection.prepareStatement(table.insert(dialect)));
            }
        } catch (SQLException | RuntimeException e) {
            for (PreparedStatement insert : inserts) {
                insert.close();
            }
            throw e;
        }
        return new Load<>() {
            @Override
            public void write(List<R> rows) throws SQLException {
                for (int t = 0; t < tables.size(); t++) {
                    List<LoadTable.Column<R>> columns = tables.get(t).columns();
                    PreparedStatement insert = inserts.get(t);
                    for (R row : rows) {
                        for (int c = 0; c < columns.size(); c++) {
                            LoadTable.Column<R> column = columns.get(c);
                            dialect.bind(insert, c + 1, column.kind(), column.value().apply(row));
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }

            @Override
            public void finish() {
                // every write was sent at once: nothing is held back
            }

            @Override
            public void close() throws SQLException {
                SQLException first = null;
                for (PreparedStatement insert : inserts) {
                    try {
                        insert.close();
                    } catch (SQLException e) {
                        first = first == null ? e : first;
                    }
                }
                if (first != null) {
                    throw first;
                }
            }
        };
    }
}
