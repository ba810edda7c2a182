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
    public String insert(Dialect dialect) {
        return "INSERT INTO " + name + " (" + columnList(dialect) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * The columns in order, each quoted as the dialect quotes an identifier: a user's table may name a column
     * {@code order}, {@code key} or {@code blob}, which the engine would otherwise read as a keyword.
     */
    public String columnList(Dialect dialect) {
        return columns.stream().map(c -> dialect.quoteIdentifier(c.name())).collect(Collectors.joining(", "));
    }
}
