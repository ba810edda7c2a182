package dev.userbench.model;

import java.util.List;
import java.util.Locale;

/**
 * One column of a table definition.
 *
 * @param name          the column's name as declared (lower case)
 * @param kind          what it holds
 * @param declaredType  the type as written, e.g. {@code varchar(255)}, for people
 * @param length        the declared length of a text or binary column (or precision of a decimal), null if none
 * @param scale         the scale of a decimal, null otherwise
 * @param nullable      whether it may be null
 * @param allowed       the only values it may take ({@code ENUM(...)} or {@code CHECK (c IN (...))}), empty if any
 * @param averageBytes  the average stored width measured by the engine (pg_stats.avg_width, a sample elsewhere),
 *                      null when the definition came from a file
 */
public record ColumnDefinition(String name, ColumnKind kind, String declaredType, Integer length, Integer scale,
                               boolean nullable, List<String> allowed, Double averageBytes) {

    public ColumnDefinition {
        allowed = List.copyOf(allowed);
    }

    public ColumnDefinition withAverageBytes(Double value) {
        return new ColumnDefinition(name, kind, declaredType, length, scale, nullable, allowed, value);
    }

    /** Whether it is declared fixed-length text ({@code CHAR(n)}), which an engine may store padded to n. */
    public boolean fixedLength() {
        String type = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT);
        return kind == ColumnKind.TEXT && length != null && (type.startsWith("char(") || type.startsWith("character(")
                || type.startsWith("nchar(") || type.equals("char") || type.equals("character"));
    }
}
