package dev.userbench.definition;

/**
 * The rows of a table as a load and a workload need them: row {@code i} a pure function of the seed and {@code i},
 * every value as its column kind's Java type. The study's own table gets the study's users ({@link StudyRows}), so a
 * proof of a split of {@code users.sql} runs on the very users {@code run} measures; any other table gets
 * {@link RowGenerator}'s values by column name and kind.
 */
public interface TableRows {

    TableDefinition table();

    /** Every column's value of row {@code row}, in the definition's column order. */
    Object[] row(long row);

    Object value(String column, long row);

    /** The average bytes a value of the column takes (as generated, or as the engine measured it). */
    double expectedBytes(String column);

    /** The study's users for the study's table (its columns, by name and kind); generated rows for any other. */
    static TableRows of(TableDefinition table, long seed) {
        return StudyRows.fits(table) ? new StudyRows(table, seed) : new RowGenerator(table, seed);
    }
}
