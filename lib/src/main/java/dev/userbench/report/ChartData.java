package dev.userbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The numbers a chart draws, copied out of the Tablesaw table when the chart is built, so a {@link Chart} stays
 * immutable even if the table changes later. Arrays are never handed out.
 */
sealed interface ChartData {

    /** Bars of {@code values[group][category]} (NaN where a combination is missing). */
    record GroupedBars(List<String> categories, List<String> groups, double[][] values) implements ChartData {
        static GroupedBars from(Table table, String categoryColumn, String groupColumn, String valueColumn) {
            Column<?> category = table.column(categoryColumn);
            Column<?> group = table.column(groupColumn);
            NumericColumn<?> value = numeric(table, valueColumn);
            List<String> categories = distinct(category);
            List<String> groups = distinct(group);
            double[][] values = new double[groups.size()][categories.size()];
            for (double[] row : values) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            for (int row = 0; row < table.rowCount(); row++) {
                if (!value.isMissing(row)) {
                    values[groups.indexOf(group.getString(row))][categories.indexOf(category.getString(row))] =
                            value.getDouble(row);
                }
            }
            return new GroupedBars(categories, groups, values);
        }
    }

    /** One estimate with its confidence interval per category, drawn horizontally. */
    record Intervals(List<String> categories, double[] estimates, double[] lows, double[] highs)
            implements ChartData {
        static Intervals from(Table table, String categoryColumn, String estimateColumn, String lowColumn,
                              String highColumn) {
            Column<?> category = table.column(categoryColumn);
            NumericColumn<?> estimate = numeric(table, estimateColumn);
            NumericColumn<?> low = numeric(table, lowColumn);
            NumericColumn<?> high = numeric(table, highColumn);
            List<String> categories = new ArrayList<>();
            int rows = table.rowCount();
            double[] estimates = new double[rows];
            double[] lows = new double[rows];
            double[] highs = new double[rows];
            for (int row = 0; row < rows; row++) {
                categories.add(category.getString(row));
                estimates[row] = estimate.getDouble(row);
                lows[row] = low.getDouble(row);
                highs[row] = high.getDouble(row);
            }
            return new Intervals(List.copyOf(categories), estimates, lows, highs);
        }
    }

    /** One series of (x, y) points per group, sorted by x; rows with a missing x or y are left out. */
    record Lines(List<String> groups, List<double[]> xs, List<double[]> ys) implements ChartData {
        static Lines from(Table table, String xColumn, String yColumn, String groupColumn) {
            NumericColumn<?> x = numeric(table, xColumn);
            NumericColumn<?> y = numeric(table, yColumn);
            Column<?> group = groupColumn == null ? null : table.column(groupColumn);
            Map<String, List<double[]>> points = new LinkedHashMap<>();
            for (int row = 0; row < table.rowCount(); row++) {
                if (x.isMissing(row) || y.isMissing(row)) {
                    continue;
                }
                String name = group == null ? yColumn : group.getString(row);
                points.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x.getDouble(row), y.getDouble(row)});
            }
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (List<double[]> series : points.values()) {
                series.sort((a, b) -> Double.compare(a[0], b[0]));
                xs.add(series.stream().mapToDouble(p -> p[0]).toArray());
                ys.add(series.stream().mapToDouble(p -> p[1]).toArray());
            }
            return new Lines(List.copyOf(points.keySet()), List.copyOf(xs), List.copyOf(ys));
        }
    }

    /** Five numbers per category, in {@link BoxColumns#inOrder()} order. */
    record Boxes(List<String> categories, double[][] fiveNumbers) implements ChartData {
        static Boxes from(Table table, String categoryColumn, BoxColumns columns) {
            Column<?> category = table.column(categoryColumn);
            List<NumericColumn<?>> numbers = columns.inOrder().stream().<NumericColumn<?>>map(c -> numeric(table, c)).toList();
            List<String> categories = new ArrayList<>();
            double[][] fiveNumbers = new double[table.rowCount()][];
            for (int row = 0; row < table.rowCount(); row++) {
                categories.add(category.getString(row));
                int r = row;
                fiveNumbers[row] = numbers.stream().mapToDouble(c -> c.getDouble(r)).toArray();
            }
            return new Boxes(List.copyOf(categories), fiveNumbers);
        }
    }

    private static NumericColumn<?> numeric(Table table, String name) {
        Column<?> column = table.column(Objects.requireNonNull(name, "column name"));
        if (column instanceof NumericColumn<?> numeric) {
            return numeric;
        }
        throw new IllegalArgumentException("column '" + name + "' must be numeric but is " + column.type());
    }

    private static List<String> distinct(Column<?> column) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (int row = 0; row < column.size(); row++) {
            values.add(column.getString(row));
        }
        return List.copyOf(values);
    }
}
