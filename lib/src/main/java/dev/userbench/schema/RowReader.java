package dev.userbench.schema;

import dev.userbench.model.Field;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads every column of a SELECT's current row as the model's Java type, the way a login or a profile
 * view hands them to the application, and folds each value into a sink so that the JIT cannot drop the
 * reads as unused. Built once per statement, outside any timed section: a read allocates nothing beyond
 * what the driver and {@link Dialect#read} do.
 */
public final class RowReader {

    private final Dialect dialect;
    private final Field[] fields;
    private long sink;

    public RowReader(Dialect dialect, List<Field> fields) {
        this.dialect = dialect;
        this.fields = fields.toArray(Field[]::new);
    }

    /** A reader of the select's columns, in its column order. */
    public static RowReader of(Dialect dialect, LayoutSql.Select select) {
        return new RowReader(dialect, select.fields());
    }

    /** Reads every column of the row the result set is on. */
    public void read(ResultSet row) throws SQLException {
        read(row, null);
    }

    /** Reads every column of the row the result set is on and returns the value of {@code wanted} (null if absent). */
    public Object read(ResultSet row, Field wanted) throws SQLException {
        Object kept = null;
        for (int i = 0; i < fields.length; i++) {
            Object value = dialect.read(row, i + 1, fields[i]);
            sink += value == null ? 0 : value.hashCode();
            if (fields[i] == wanted) {
                kept = value;
            }
        }
        return kept;
    }

    /** The fold of every value read so far: hand it to something that outlives the timed section. */
    public long sink() {
        return sink;
    }
}
