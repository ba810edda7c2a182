package dev.userbench.report;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables as styled HTML for notebook outputs and the report. Styles are inline because notebook viewers
 * (GitHub's included) drop or scope {@code <style>} elements; numbers are right-aligned and formatted readably.
 */
public final class HtmlTables {
    private static final String TABLE_STYLE = "border-collapse:collapse;margin:0.6em 0;font-size:13px;"
            + "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
            + "font-variant-numeric:tabular-nums;color:#222";
    private static final String CAPTION_STYLE = "caption-side:top;text-align:left;font-weight:600;padding:0 0 4px 0";
    private static final String HEAD_STYLE = "padding:4px 10px;border-bottom:2px solid #444;background:#f4f4f4;"
            + "font-weight:600;";
    private static final String CELL_STYLE = "padding:3px 10px;border-bottom:1px solid #e2e2e2;";

    private HtmlTables() {
    }

    /** Every row of the table, with its name (if any) as caption. */
    public static String html(Table table) {
        StringBuilder out = new StringBuilder(256 + table.rowCount() * table.columnCount() * 48);
        out.append("<table class=\"userbench-table\" style=\"").append(TABLE_STYLE).append("\">");
        if (table.name() != null && !table.name().isBlank()) {
            out.append("<caption style=\"").append(CAPTION_STYLE).append("\">").append(Html.escape(table.name()))
                    .append("</caption>");
        }
        out.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            out.append("<th style=\"").append(HEAD_STYLE).append("text-align:").append(alignment(column))
                    .append("\">").append(Html.escape(column.name())).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (int row = 0; row < table.rowCount(); row++) {
            out.append("<tr>");
            for (Column<?> column : table.columns()) {
                out.append("<td style=\"").append(CELL_STYLE).append("text-align:").append(alignment(column))
                        .append("\">").append(Html.escape(cell(column, row))).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String alignment(Column<?> column) {
        return column instanceof NumericColumn<?> ? "right" : "left";
    }

    /** Integers grouped (12,345), decimals to three significant digits; missing values left empty. */
    static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        if (column instanceof NumericColumn<?> numeric) {
            ColumnType type = column.type();
            if (type == ColumnType.INTEGER || type == ColumnType.LONG || type == ColumnType.SHORT) {
                return Numbers.integer((long) numeric.getDouble(row));
            }
            return Numbers.readable(numeric.getDouble(row));
        }
        return column.getString(row);
    }
}
