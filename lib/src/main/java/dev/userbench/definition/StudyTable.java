package dev.userbench.definition;

import dev.userbench.schema.Layout;
import dev.userbench.schema.TableDef;

import java.util.List;

/**
 * The study's layouts seen as what they are: partitions of the columns of {@code users.sql}. The layouts in
 * {@code schema.Layouts} stay the definitions the study's benchmarks run on; this says which partition each is.
 */
public final class StudyTable {

    private StudyTable() {
    }

    public static TableDefinition definition() {
        return Examples.USERS.definition();
    }

    /** The column groups of a layout: each of its tables' columns, the key left out. */
    public static ColumnGroups groups(Layout layout) {
        TableDefinition table = definition();
        List<List<String>> groups = layout.tables().stream()
                .map(TableDef::columns)
                .map(fields -> fields.stream().map(dev.userbench.model.Field::column).toList())
                .toList();
        return ColumnGroups.of(table, groups);
    }
}
