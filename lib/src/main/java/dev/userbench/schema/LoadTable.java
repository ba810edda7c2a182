package dev.userbench.schema;

import dev.userbench.model.ColumnKind;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table a bulk load fills, whatever its rows come from: its name and its columns, each with its kind and how
 * to read its value (as the kind's Java type, see {@link Dialect#bind(java.sql.PreparedStatement, int, ColumnKind,
 * Object)}) from a source row of type {@code R}. The study's layouts fill theirs from users, a table
 * definition's parts from generated rows; both through the same {@link BulkLoader}.
 */
public record LoadTable<R>(String name, List<Column<R>> columns) {

    /** One column: its name, its kind, and its value in a source row. */
    public record Column<R>(String name, ColumnKind kind, Function<R, Object> value) {
    }

    public LoadTable {
        columns = List.copyOf(columns);
    }

    /** The INSERT of one row, every column in order. */
    public String insert() {
        return "INSERT INTO " + name + " (" + columnList() + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    public String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
