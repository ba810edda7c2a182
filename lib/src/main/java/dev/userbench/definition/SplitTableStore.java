package dev.userbench.definition;

import dev.userbench.schema.BulkLoader;
import dev.userbench.schema.Engine;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.Dialects;
import dev.userbench.schema.LoadTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, fills, settles and drops the tables of a {@link SplitTable} on one engine. Rows are generated in batches
 * and go through the engine's {@link BulkLoader}, the one the study's users go through, in one transaction.
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

    /**
     * Inserts rows {@code 0 .. rows-1} into the split's empty tables through the engine's bulk path (the one the
     * study's users go through: COPY on PostgreSQL, batched INSERTs elsewhere) and commits. Rows are generated in
     * batches, so memory stays flat whatever the row count.
     */
    public void load(Connection connection, SplitTable split, TableRows generator, long rows) throws SQLException {
        load(connection, split, generator, rows, Dialects.of(types.engine()).bulkLoader());
    }

    /** As {@link #load(Connection, SplitTable, TableRows, long)}, through the given loader. */
    public void load(Connection connection, SplitTable split, TableRows generator, long rows, BulkLoader loader)
            throws SQLException {
        Dialect dialect = Dialects.of(types.engine());
        try (BulkLoader.Load<Object[]> load = loader.start(connection, dialect, loadTables(split))) {
            List<Object[]> batch = new ArrayList<>(batchSize);
            for (long row = 0; row < rows; row++) {
                batch.add(generator.row(row));
                if (batch.size() == batchSize) {
                    load.write(batch);
                    batch.clear();
                }
            }
            load.write(batch);
            load.finish();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    /** The split's parts as a load fills them: each column read from a generated row by its place in the definition. */
    static List<LoadTable<Object[]>> loadTables(SplitTable split) {
        TableDefinition definition = split.definition();
        List<String> names = definition.columnNames();
        return split.parts().stream().map(part -> new LoadTable<Object[]>(part.table(), part.columns().stream()
                .map(column -> {
                    int index = names.indexOf(column);
                    return new LoadTable.Column<Object[]>(column, definition.column(column).kind(), row -> row[index]);
                }).toList())).toList();
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
