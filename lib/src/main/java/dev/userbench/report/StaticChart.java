package dev.userbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Draws a {@link Chart} as a static SVG picture: title, legend, axes with ticks and titles, gridlines and the data
 * marks, in the same colours as the live plotly chart that replaces it.
 */
final class StaticChart {
    private static final String AXIS = "#444444";
    private static final String GRID = "#e6e6e6";
    private static final String TEXT = "#222222";
    private static final double TICK_FONT = 11;
    private static final double TITLE_FONT = 16;
    private static final double AXIS_TITLE_FONT = 12;
    private static final double ROTATION = 35;

    private final Chart chart;
    private final int width;
    private final int height;

    StaticChart(Chart chart) {
        this.chart = chart;
        this.width = chart.width();
        this.height = chart.height();
    }

    String svg() {
        String accessibleTitle = chart.title().isEmpty() ? "chart" : chart.title();
        Svg svg = new Svg(width, height, accessibleTitle);
        svg.rect(0, 0, width, height, "#ffffff", null);
        double top = 14;
        if (!chart.title().isEmpty()) {
            svg.text(width / 2.0, top + TITLE_FONT, chart.title(), Svg.Anchor.MIDDLE, TITLE_FONT, TEXT, true, 0);
            top += TITLE_FONT + 14;
        }
        top = legend(svg, top);
        ChartData data = chart.data();
        if (data instanceof ChartData.GroupedBars bars) {
            drawBars(svg, top, bars);
        } else if (data instanceof ChartData.Intervals intervals) {
            drawIntervals(svg, top, intervals);
        } else if (data instanceof ChartData.Lines lines) {
            drawLines(svg, top, lines);
        } else if (data instanceof ChartData.Boxes boxes) {
            drawBoxes(svg, top, boxes);
        }
        return svg.close();
    }

    /** A legend in rows under the title; returns the top of the plot area. */
    private double legend(Svg svg, double top) {
        List<String> names = chart.legendNames();
        if (names.size() < 2) {
            return top + 8;
        }
        double x = 16;
        double y = top + 10;
        for (int i = 0; i < names.size(); i++) {
            double itemWidth = 22 + Svg.textWidth(names.get(i), 12) + 18;
            if (x + itemWidth > width - 16 && x > 16) {
                x = 16;
                y += 20;
            }
            svg.rect(x, y - 9, 14, 10, Palette.colour(i), null);
            svg.text(x + 20, y, names.get(i), Svg.Anchor.START, 12, TEXT);
            x += itemWidth;
        }
        return y + 22;
    }

    // ---- layouts with categories along x and values up y ----

    private record VerticalFrame(double left, double top, double right, double bottom, Scale values,
                                 List<String> categories, boolean rotatedLabels) {
        double band() {
            return (right - left) / categories.size();
        }

        double centre(int category) {
            return left + band() * (category + 0.5);
        }
    }

    private VerticalFrame verticalFrame(Svg svg, double top, List<String> categories, double min, double max) {
        boolean log = chart.isLogValues();
        Scale probe = Scale.of(log, min, max, 0, 1);
        double tickWidth = probe.ticks().stream().mapToDouble(t -> Svg.textWidth(t.label(), TICK_FONT)).max().orElse(20);
        double left = 14 + (chart.yTitle().isEmpty() ? 0 : AXIS_TITLE_FONT + 8) + tickWidth + 8;
        double right = width - 18;
        double band = (right - left) / Math.max(1, categories.size());
        double longestLabel = categories.stream().mapToDouble(c -> Svg.textWidth(c, TICK_FONT)).max().orElse(0);
        boolean rotated = longestLabel > band * 0.92;
        double labelHeight = rotated
                ? Math.min(longestLabel, height * 0.3) * Math.sin(Math.toRadians(ROTATION)) + TICK_FONT + 4
                : TICK_FONT + 6;
        double bottom = height - 10 - labelHeight - (chart.xTitle().isEmpty() ? 0 : AXIS_TITLE_FONT + 10);
        Scale values = Scale.of(log, min, max, bottom, top);
        VerticalFrame frame = new VerticalFrame(left, top, right, bottom, values, categories, rotated);
        valueGrid(svg, values, true, left, right);
        svg.line(left, bottom, right, bottom, AXIS, 1);
        for (int c = 0; c < categories.size(); c++) {
            double x = frame.centre(c);
            svg.line(x, bottom, x, bottom + 4, AXIS, 1);
            String label = rotated ? shorten(categories.get(c), height * 0.3) : categories.get(c);
            if (rotated) {
                svg.text(x, bottom + 14, label, Svg.Anchor.END, TICK_FONT, TEXT, false, -ROTATION);
            } else {
                svg.text(x, bottom + 16, label, Svg.Anchor.MIDDLE, TICK_FONT, TEXT);
            }
        }
        axisTitles(svg, left, top, right, bottom);
        referenceLine(svg, values, true, left, right);
        return frame;
    }

    private void drawBars(Svg svg, double top, ChartData.GroupedBars bars) {
        double[] range = range(bars.values());
        double min = chart.isLogValues() ? range[0] : Math.min(0, range[0]);
        double max = chart.isLogValues() ? range[1] : Math.max(0, range[1]);
        VerticalFrame frame = verticalFrame(svg, top, bars.categories(), min, max);
        int groups = bars.groups().size();
        double barWidth = frame.band() * 0.8 / groups;
        double base = chart.isLogValues() ? frame.bottom() : frame.values().pixel(0);
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < bars.categories().size(); c++) {
                double value = bars.values()[g][c];
                if (Double.isNaN(value)) {
                    continue;
                }
                double x = frame.left() + frame.band() * c + frame.band() * 0.1 + barWidth * g;
                double y = frame.values().pixel(value);
                svg.rect(x, Math.min(y, base), barWidth - 1, Math.abs(base - y), Palette.colour(g), null);
            }
        }
    }

    private void drawBoxes(Svg svg, double top, ChartData.Boxes boxes) {
        double[] range = range(boxes.fiveNumbers());
        VerticalFrame frame = verticalFrame(svg, top, boxes.categories(), range[0], range[1]);
        double boxWidth = Math.min(frame.band() * 0.45, 90);
        for (int c = 0; c < boxes.categories().size(); c++) {
            double[] five = boxes.fiveNumbers()[c];
            DoubleUnaryOperator y = frame.values()::pixel;
            double x = frame.centre(c);
            String colour = Palette.colour(c);
            svg.line(x, y.applyAsDouble(five[0]), x, y.applyAsDouble(five[1]), colour, 1.5);
            svg.line(x, y.applyAsDouble(five[3]), x, y.applyAsDouble(five[4]), colour, 1.5);
            svg.line(x - boxWidth / 4, y.applyAsDouble(five[0]), x + boxWidth / 4, y.applyAsDouble(five[0]), colour, 1.5);
            svg.line(x - boxWidth / 4, y.applyAsDouble(five[4]), x + boxWidth / 4, y.applyAsDouble(five[4]), colour, 1.5);
            double boxTop = y.applyAsDouble(five[3]);
            svg.rect(x - boxWidth / 2, boxTop, boxWidth, y.applyAsDouble(five[1]) - boxTop,
                    Palette.translucent(c, 0.3), colour);
            svg.line(x - boxWidth / 2, y.applyAsDouble(five[2]), x + boxWidth / 2, y.applyAsDouble(five[2]), colour, 2.5);
        }
    }

    // ---- intervals: categories down y, values along x ----

    private void drawIntervals(Svg svg, double top, ChartData.Intervals intervals) {
        List<String> categories = intervals.categories();
        double maxLabel = Math.min(width * 0.4,
                categories.stream().mapToDouble(c -> Svg.textWidth(c, TICK_FONT)).max().orElse(0));
        double left = 14 + (chart.yTitle().isEmpty() ? 0 : AXIS_TITLE_FONT + 8) + maxLabel + 10;
        double right = width - 24;
        double bottom = height - 10 - (TICK_FONT + 8) - (chart.xTitle().isEmpty() ? 0 : AXIS_TITLE_FONT + 10);
        double[] range = range(new double[][] {intervals.lows(), intervals.highs(), intervals.estimates(),
                {chart.reference()}});
        Scale values = Scale.of(chart.isLogValues(), range[0], range[1], left, right);
        valueGrid(svg, values, false, top, bottom);
        svg.line(left, bottom, right, bottom, AXIS, 1);
        double band = (bottom - top) / Math.max(1, categories.size());
        referenceLine(svg, values, false, top, bottom);
        for (int c = 0; c < categories.size(); c++) {
            double y = top + band * (c + 0.5);
            svg.text(left - 8, y + TICK_FONT * 0.35, shorten(categories.get(c), maxLabel), Svg.Anchor.END,
                    TICK_FONT, TEXT);
            double low = intervals.lows()[c];
            double high = intervals.highs()[c];
            String colour = Palette.colour(0);
            if (Double.isFinite(low) && Double.isFinite(high)) {
                svg.line(values.pixel(low), y, values.pixel(high), y, colour, 1.5);
                svg.line(values.pixel(low), y - 5, values.pixel(low), y + 5, colour, 1.5);
                svg.line(values.pixel(high), y - 5, values.pixel(high), y + 5, colour, 1.5);
            }
            if (Double.isFinite(intervals.estimates()[c])) {
                svg.circle(values.pixel(intervals.estimates()[c]), y, 4.5, colour);
            }
        }
        axisTitles(svg, left, top, right, bottom);
    }

    // ---- lines: numeric x and y ----

    private void drawLines(Svg svg, double top, ChartData.Lines lines) {
        double[] xRange = range(lines.xs().toArray(double[][]::new), chart.isLogX());
        double[] yRange = range(lines.ys().toArray(double[][]::new), chart.isLogValues());
        Scale probe = Scale.of(chart.isLogValues(), yRange[0], yRange[1], 0, 1);
        double tickWidth = probe.ticks().stream().mapToDouble(t -> Svg.textWidth(t.label(), TICK_FONT)).max().orElse(20);
        double left = 14 + (chart.yTitle().isEmpty() ? 0 : AXIS_TITLE_FONT + 8) + tickWidth + 8;
        double right = width - 24;
        double bottom = height - 10 - (TICK_FONT + 8) - (chart.xTitle().isEmpty() ? 0 : AXIS_TITLE_FONT + 10);
        Scale x = Scale.of(chart.isLogX(), xRange[0], xRange[1], left, right);
        Scale y = Scale.of(chart.isLogValues(), yRange[0], yRange[1], bottom, top);
        valueGrid(svg, y, true, left, right);
        valueGrid(svg, x, false, top, bottom);
        svg.line(left, bottom, right, bottom, AXIS, 1);
        svg.line(left, top, left, bottom, AXIS, 1);
        referenceLine(svg, y, true, left, right);
        for (int g = 0; g < lines.groups().size(); g++) {
            double[] xs = lines.xs().get(g);
            double[] ys = lines.ys().get(g);
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                points.add(new double[] {x.pixel(xs[i]), y.pixel(ys[i])});
            }
            svg.polyline(points, Palette.colour(g), 2);
            for (double[] point : points) {
                svg.circle(point[0], point[1], 3.5, Palette.colour(g));
            }
        }
        axisTitles(svg, left, top, right, bottom);
    }

    // ---- shared pieces ----

    /** Gridlines and tick labels of a numeric axis: horizontal lines for a y axis, vertical for an x axis. */
    private void valueGrid(Svg svg, Scale scale, boolean alongY, double from, double to) {
        for (Scale.Tick tick : scale.ticks()) {
            double p = scale.pixel(tick.value());
            if (alongY) {
                svg.line(from, p, to, p, GRID, 1);
                svg.text(from - 6, p + TICK_FONT * 0.35, tick.label(), Svg.Anchor.END, TICK_FONT, TEXT);
            } else {
                svg.line(p, from, p, to, GRID, 1);
                svg.text(p, to + TICK_FONT + 5, tick.label(), Svg.Anchor.MIDDLE, TICK_FONT, TEXT);
            }
        }
    }

    private void referenceLine(Svg svg, Scale scale, boolean alongY, double from, double to) {
        double value = chart.reference();
        if (Double.isNaN(value) || (chart.isLogValues() && value <= 0)) {
            return;
        }
        double p = scale.pixel(value);
        if (alongY) {
            svg.line(from, p, to, p, "#555555", 1.5, "6 4");
        } else {
            svg.line(p, from, p, to, "#555555", 1.5, "6 4");
        }
    }

    private void axisTitles(Svg svg, double left, double top, double right, double bottom) {
        if (!chart.xTitle().isEmpty()) {
            svg.text((left + right) / 2, height - 10, chart.xTitle(), Svg.Anchor.MIDDLE, AXIS_TITLE_FONT, TEXT, true, 0);
        }
        if (!chart.yTitle().isEmpty()) {
            double x = 14 + AXIS_TITLE_FONT;
            svg.text(x, (top + bottom) / 2, chart.yTitle(), Svg.Anchor.MIDDLE, AXIS_TITLE_FONT, TEXT, true, -90);
        }
    }

    /** Finite min and max over all values (positive ones only on a log axis); [0, 1] when there are none. */
    private double[] range(double[][] series) {
        return range(series, chart.isLogValues());
    }

    private static double[] range(double[][] series, boolean positiveOnly) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] values : series) {
            for (double v : values) {
                if (Double.isFinite(v) && !(positiveOnly && v <= 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min > max ? new double[] {0, 1} : new double[] {min, max};
    }

    private static String shorten(String label, double maxWidth) {
        int maxChars = (int) Math.max(3, maxWidth / (TICK_FONT * 0.58));
        return label.length() <= maxChars ? label : label.substring(0, maxChars - 1) + "…";
    }
}
