package dev.userbench.definition;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.schema.Dialects;
import dev.userbench.schema.Engine;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition's columns on one engine: each {@link ColumnKind} as the engine's natural type, which its dialect
 * spells ({@code Dialect.columnType}: native uuid and timestamptz on PostgreSQL, BINARY(16) and DATETIME on
 * MySQL/MariaDB, a 16-byte BLOB and integer seconds on SQLite) and the DDL of a split's parts; values bind as the
 * dialect binds every value.
 */
public record EngineTypes(Engine engine) {

    /** The engine's natural type for the column: its dialect's spelling (SQL lives with its dialect). */
    public String type(ColumnDefinition column, boolean indexed) {
        return Dialects.of(engine).columnType(column.kind(), column.length(), column.scale(), indexed);
    }

    /** A column of the user's table as this engine's SQL names it: quoted, as any name may be a keyword here. */
    public String column(String name) {
        return Dialects.of(engine).quoteIdentifier(name);
    }

    /** Columns as {@link #column(String)} names them, separated by commas. */
    public String columns(List<String> names) {
        return names.stream().map(this::column).collect(Collectors.joining(", "));
    }

    /**
     * CREATE TABLE of each part: the key as primary key, unique columns unique, NOT NULL kept; every column name
     * quoted (a user's table may call a column {@code order} or {@code blob}).
     */
    public List<String> create(SplitTable split) {
        List<String> ddl = new ArrayList<>();
        TableDefinition definition = split.definition();
        for (SplitTable.Part part : split.parts()) {
            StringBuilder sql = new StringBuilder("CREATE TABLE ").append(part.table()).append(" (\n");
            for (String name : part.columns()) {
                ColumnDefinition column = definition.column(name);
                boolean unique = definition.uniqueColumns().contains(name);
                boolean key = definition.isKey(name);
                ColumnDefinition declared = key && column.nullable() ? new ColumnDefinition(column.name(), column.kind(),
                        column.declaredType(), column.length(), column.scale(), false, column.allowed(),
                        column.averageBytes()) : column;
                sql.append("    ").append(column(name)).append(' ')
                        .append(Dialects.of(engine).columnDefinition(declared, unique || key))
                        .append(unique ? " UNIQUE" : "").append(",\n");
            }
            sql.append("    PRIMARY KEY (").append(columns(definition.primaryKey())).append(")\n)");
            sql.append(Dialects.of(engine).tableOptions());
            ddl.add(sql.toString());
        }
        SplitTable.CoveringIndex covering = split.covering();
        if (covering != null) {
            String table = split.parts().get(0).table();
            ddl.add(engine == Engine.POSTGRESQL
                    ? "CREATE INDEX " + table + "_cov ON " + table + " (" + column(covering.lookup()) + ") INCLUDE ("
                            + columns(covering.include()) + ")"
                    : "CREATE INDEX " + table + "_cov ON " + table + " (" + columns(covering.columns()) + ")");
        }
        return ddl;
    }

    public List<String> drop(SplitTable split) {
        return split.parts().stream().map(p -> "DROP TABLE IF EXISTS " + p.table()).toList();
    }

    /** INSERT of every column of one part, in the part's column order. */
    public String insert(SplitTable.Part part) {
        return "INSERT INTO " + part.table() + " (" + columns(part.columns()) + ") VALUES ("
                + part.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** Binds a value a {@link RowGenerator} made for the column, as the dialect binds every value. */
    public void bind(PreparedStatement statement, int index, ColumnDefinition column, Object value) throws SQLException {
        Dialects.of(engine).bind(statement, index, column.kind(), value);
    }

    /** A value read back as comparable text: the same row reads the same on every layout of one engine. */
    public static String normalized(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
