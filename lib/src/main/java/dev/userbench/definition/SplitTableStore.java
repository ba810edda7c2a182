package dev.userbench.definition;

import dev.userbench.schema.Engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, fills, settles and drops the tables of a {@link SplitTable} on one engine. Rows are generated and sent
 * in batches of batched prepared INSERTs, one transaction, every part in step (row {@code i} of every part in the
 * same batch), so memory stays flat whatever the row count, as the user seeder's.
 */
public final class SplitTableStore {

    private final EngineTypes types;
    private final int batchSize;

    public SplitTableStore(Engine engine, int batchSize) {
        this.types = new EngineTypes(engine);
        this.batchSize = batchSize;
    }

    public EngineTypes types() {
        return types;
    }

    public void recreate(Connection connection, SplitTable split) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : types.drop(split)) {
                statement.execute(ddl);
            }
            for (String ddl : types.create(split)) {
                statement.execute(ddl);
            }
        }
        connection.commit();
    }

    public void drop(Connection connection, SplitTable split) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : types.drop(split)) {
                statement.execute(ddl);
            }
        }
        connection.commit();
    }

    /** Inserts rows {@code 0 .. rows-1} into the split's empty tables and commits. */
    public void load(Connection connection, SplitTable split, RowGenerator generator, long rows) throws SQLException {
        TableDefinition definition = split.definition();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (SplitTable.Part part : split.parts()) {
                inserts.add(connection.prepareStatement(EngineTypes.insert(part)));
            }
            List<String> names = definition.columnNames();
            for (long row = 0; row < rows; row++) {
                Object[] values = generator.row(row);
                for (int p = 0; p < split.parts().size(); p++) {
                    SplitTable.Part part = split.parts().get(p);
                    PreparedStatement insert = inserts.get(p);
                    for (int c = 0; c < part.columns().size(); c++) {
                        String column = part.columns().get(c);
                        types.bind(insert, c + 1, definition.column(column), values[names.indexOf(column)]);
                    }
                    insert.addBatch();
                }
                if ((row + 1) % batchSize == 0 || row == rows - 1) {
                    for (PreparedStatement insert : inserts) {
                        insert.executeBatch();
                    }
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            for (PreparedStatement insert : inserts) {
                insert.close();
            }
        }
    }

    /** Fresh statistics and visibility, as the user seeder's {@code settle}: VACUUM ANALYZE, ANALYZE TABLE. */
    public void settle(Connection connection, SplitTable split) throws SQLException {
        switch (types.engine()) {
            case POSTGRESQL -> {
                connection.commit();
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    for (String table : split.tableNames()) {
                        statement.execute("VACUUM ANALYZE " + table);
                    }
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
            case MYSQL -> {
                try (Statement statement = connection.createStatement()) {
                    for (String table : split.tableNames()) {
                        statement.execute("ANALYZE TABLE " + table);
                    }
                }
                connection.commit();
            }
            case SQLITE -> {
            }
        }
    }
}
