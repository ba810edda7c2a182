package dev.userbench.definition;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.seed.UserGenerator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The study's users as the rows of a definition holding exactly the study's columns (users.sql, or the same table
 * read from a catalog, in any column order): row {@code i} is user {@code i} of the study's generator, the user
 * {@code seed} and {@code run} put in the layouts. One entity, one generator, whichever command seeds it.
 */
public final class StudyRows implements TableRows {

    private static final int WIDTH_SAMPLE = 512;

    private final TableDefinition table;
    private final UserGenerator users;
    private final Field[] fields;

    StudyRows(TableDefinition table, long seed) {
        if (!fits(table)) {
            throw new IllegalArgumentException("table " + table.name() + " does not hold the study's columns");
        }
        this.table = table;
        this.users = new UserGenerator(seed);
        this.fields = table.columns().stream().map(c -> field(c.name()).orElseThrow()).toArray(Field[]::new);
    }

    /** Whether the table's columns are the study's fields, each of its kind, keyed by uid. */
    public static boolean fits(TableDefinition table) {
        if (table.columns().size() != Field.ALL.size() || !table.primaryKey().equals(List.of(Field.UID.column()))) {
            return false;
        }
        return table.columns().stream().allMatch(c -> field(c.name()).filter(f -> f.kind() == c.kind()).isPresent());
    }

    private static Optional<Field> field(String column) {
        return Arrays.stream(Field.values()).filter(f -> f.column().equals(column)).findFirst();
    }

    @Override
    public TableDefinition table() {
        return table;
    }

    @Override
    public Object[] row(long row) {
        User user = users.user(row);
        Object[] values = new Object[fields.length];
        for (int c = 0; c < fields.length; c++) {
            values[c] = fields[c].columnValue(user);
        }
        return values;
    }

    @Override
    public Object value(String column, long row) {
        return fields[table.columnNames().indexOf(column)].columnValue(users.user(row));
    }

    @Override
    public double expectedBytes(String column) {
        ColumnDefinition definition = table.column(column);
        if (definition.averageBytes() != null) {
            return definition.averageBytes();
        }
        if (definition.kind().fixedBytes() > 0) {
            return definition.kind().fixedBytes();
        }
        Field field = fields[table.columnNames().indexOf(definition.name())];
        double sum = 0;
        for (long row = 0; row < WIDTH_SAMPLE; row++) {
            Object value = field.columnValue(users.user(row));
            sum += value == null ? 0 : value.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        return sum / WIDTH_SAMPLE;
    }
}
