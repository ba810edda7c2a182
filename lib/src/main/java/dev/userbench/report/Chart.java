package dev.userbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * An immutable chart of benchmark results that renders everywhere: {@link #html()} holds a static SVG picture
 * (for viewers that run no JavaScript, such as GitHub's notebook view) and a script that replaces it with the
 * interactive plotly chart (a tablesaw-jsplot {@link Figure}) when plotly.js is available.
 *
 * <pre>{@code
 * Chart.groupedBars(results, "operation", "layout", "ms_per_op")
 *      .title("Time per operation").yTitle("ms per operation")
 *      .html();
 * }</pre>
 *
 * Every setter returns a new chart; the table's data is copied when the chart is created.
 */
public final class Chart {
    private static final int DEFAULT_WIDTH = 760;
    private static final int DEFAULT_HEIGHT = 440;

    private final ChartData data;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean logX;
    private final boolean logValues;
    private final double reference;
    private final int width;
    private final int height;

    private Chart(ChartData data, String title, String xTitle, String yTitle, boolean logX, boolean logValues,
                  double reference, int width, int height) {
        this.data = data;
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.logX = logX;
        this.logValues = logValues;
        this.reference = reference;
        this.width = width;
        this.height = height;
    }

    private static Chart of(ChartData data, String xTitle, String yTitle, double reference) {
        return new Chart(data, "", xTitle, yTitle, false, false, reference, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** Vertical bars: one cluster per category, one bar per group (e.g. time per operation, grouped by layout). */
    public static Chart groupedBars(Table table, String categoryColumn, String groupColumn, String valueColumn) {
        return of(ChartData.GroupedBars.from(table, categoryColumn, groupColumn, valueColumn), categoryColumn,
                valueColumn, Double.NaN);
    }

    /**
     * Horizontal intervals: a point per category with its confidence interval (e.g. a ratio with its 95 % CI),
     * with a dashed reference line at 1.0 ("no difference") unless changed by {@link #referenceAt(double)}.
     */
    public static Chart intervals(Table table, String categoryColumn, String estimateColumn, String lowColumn,
                                  String highColumn) {
        return of(ChartData.Intervals.from(table, categoryColumn, estimateColumn, lowColumn, highColumn),
                estimateColumn, "", 1.0);
    }

    /** Lines with markers, numeric x against numeric y, one series per group (e.g. throughput vs cache size). */
    public static Chart lines(Table table, String xColumn, String yColumn, String groupColumn) {
        return of(ChartData.Lines.from(table, xColumn, yColumn, Objects.requireNonNull(groupColumn, "groupColumn")),
                xColumn, yColumn, Double.NaN);
    }

    /** Lines of a single series (no group column). */
    public static Chart lines(Table table, String xColumn, String yColumn) {
        return of(ChartData.Lines.from(table, xColumn, yColumn, null), xColumn, yColumn, Double.NaN);
    }

    /** Latency boxes per category (e.g. per layout) drawn from recorded percentile columns, not raw samples. */
    public static Chart percentileBoxes(Table table, String categoryColumn, BoxColumns columns) {
        String yTitle = columns.lowWhisker() + " · " + columns.boxLow() + " · " + columns.median() + " · "
                + columns.boxHigh() + " · " + columns.highWhisker();
        return of(ChartData.Boxes.from(table, categoryColumn, columns), categoryColumn, yTitle, Double.NaN);
    }

    public Chart title(String newTitle) {
        return new Chart(data, text(newTitle), xTitle, yTitle, logX, logValues, reference, width, height);
    }

    public Chart xTitle(String newXTitle) {
        return new Chart(data, title, text(newXTitle), yTitle, logX, logValues, reference, width, height);
    }

    public Chart yTitle(String newYTitle) {
        return new Chart(data, title, xTitle, text(newYTitle), logX, logValues, reference, width, height);
    }

    /** A logarithmic value axis (y, or x for {@link #intervals}); values must be positive. */
    public Chart logValues() {
        return new Chart(data, title, xTitle, yTitle, logX, true, reference, width, height);
    }

    /** A logarithmic x axis for {@link #lines} charts (e.g. cache sizes that double); ignored by others. */
    public Chart logX() {
        return new Chart(data, title, xTitle, yTitle, true, logValues, reference, width, height);
    }

    /** A dashed line across the plot at this value of the value axis; {@code Double.NaN} for none. */
    public Chart referenceAt(double value) {
        return new Chart(data, title, xTitle, yTitle, logX, logValues, value, width, height);
    }

    public Chart size(int newWidth, int newHeight) {
        if (newWidth < 200 || newHeight < 150) {
            throw new IllegalArgumentException("chart too small to be readable: " + newWidth + "x" + newHeight);
        }
        return new Chart(data, title, xTitle, yTitle, logX, logValues, reference, newWidth, newHeight);
    }

    public String title() {
        return title;
    }

    /**
     * The interactive chart as a tablesaw-jsplot figure (a new one each time: {@code Figure} is mutable). Its
     * {@code asJavascript(divId)} draws into an existing element with that id.
     */
    public Figure figure() {
        Layout.LayoutBuilder layout = Layout.builder()
                .title(jsText(title))
                .width(width)
                .height(height)
                .showLegend(legendNames().size() > 1)
                .xAxis(axis(xTitle, xAxisType()))
                .yAxis(axis(yTitle, yAxisType()));
        Map<String, Object> additions = new LinkedHashMap<>();
        additions.put("font", Map.of("family", Svg.FONT, "size", 12));
        List<Trace> traces = new ArrayList<>();
        if (data instanceof ChartData.GroupedBars bars) {
            layout.barMode(Layout.BarMode.GROUP);
            additions.put("xaxis.categoryorder", "array");
            additions.put("xaxis.categoryarray", bars.categories());
            for (int g = 0; g < bars.groups().size(); g++) {
                traces.add(BarTrace.builder(bars.categories().toArray(), bars.values()[g])
                        .name(jsText(bars.groups().get(g)))
                        .marker(Marker.builder().color(Palette.colour(g)).build())
                        .build());
            }
        } else if (data instanceof ChartData.Intervals intervals) {
            traces.add(intervalTrace(intervals));
            additions.put("yaxis.autorange", "reversed"); // first category on top, as in the table
            additions.put("yaxis.automargin", true);
            additions.put("yaxis.categoryorder", "array");
            additions.put("yaxis.categoryarray", intervals.categories());
        } else if (data instanceof ChartData.Lines lines) {
            for (int g = 0; g < lines.groups().size(); g++) {
                traces.add(ScatterTrace.builder(lines.xs().get(g), lines.ys().get(g))
                        .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                        .name(jsText(lines.groups().get(g)))
                        .marker(Marker.builder().color(Palette.colour(g)).size(7).build())
                        .line(Line.builder().color(Palette.colour(g)).width(2).build())
                        .build());
            }
        } else if (data instanceof ChartData.Boxes boxes) {
            for (int c = 0; c < boxes.categories().size(); c++) {
                traces.add(boxTrace(boxes.categories().get(c), boxes.fiveNumbers()[c], c));
            }
            additions.put("xaxis.automargin", true);
        }
        if (!Double.isNaN(reference)) {
            additions.put("shapes", List.of(referenceShape()));
        }
        return new PlotlyFigure(layout.build(), additions, traces);
    }

    /** The static picture of the same data, as inline SVG markup. */
    public String staticSvg() {
        return new StaticChart(this).svg();
    }

    /** {@link #html(PlotlyJs)} with the plotly.js this jar was built with. */
    public String html() {
        return html(PlotlyJs.fromClasspath());
    }

    /**
     * One self-contained HTML fragment: a container (with a fresh id on every call) showing the static SVG, and a
     * script that, once plotly is available, clears the container and draws the live chart into it. Show
     * {@link PlotlyJs#loaderHtml()} once before the charts; a chart shown without it still tries require.js and,
     * when not bundled, the CDN.
     */
    public String html(PlotlyJs plotly) {
        String id = "userbench_chart_" + UUID.randomUUID().toString().replace("-", "");
        String figureScript = figure().asJavascript(id);
        String body = figureScript.substring(figureScript.indexOf("<script>") + "<script>".length(),
                figureScript.lastIndexOf("</script>"));
        return "<div id=\"" + id + "\" class=\"userbench-chart\" style=\"max-width:100%;overflow-x:auto\">"
                + staticSvg() + "</div>\n"
                + "<script>(function(){\n"
                + "var container=document.getElementById('" + id + "');if(!container){return;}\n"
                // the parameter shadows window.Plotly, so a require.js-loaded module is used as is
                + "function draw(Plotly){container.innerHTML='';\n" + Html.scriptSafe(body) + "}\n"
                + plotly.ensurePlotlyExpression() + ".then(draw,function(e){if(window.console){"
                + "console.warn('plotly.js unavailable, chart " + id + " stays static',e);}});\n"
                + "})();</script>\n";
    }

    // ---- package-private views for StaticChart ----

    ChartData data() {
        return data;
    }

    String xTitle() {
        return xTitle;
    }

    String yTitle() {
        return yTitle;
    }

    boolean isLogX() {
        return logX && data instanceof ChartData.Lines;
    }

    boolean isLogValues() {
        return logValues;
    }

    double reference() {
        return reference;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    List<String> legendNames() {
        if (data instanceof ChartData.GroupedBars bars) {
            return bars.groups();
        }
        if (data instanceof ChartData.Lines lines) {
            return lines.groups();
        }
        return List.of();
    }

    // ---- plotly pieces ----

    private Axis.Type xAxisType() {
        if (data instanceof ChartData.Intervals) {
            return logValues ? Axis.Type.LOG : Axis.Type.LINEAR;
        }
        if (data instanceof ChartData.Lines) {
            return logX ? Axis.Type.LOG : Axis.Type.LINEAR;
        }
        return Axis.Type.CATEGORY;
    }

    private Axis.Type yAxisType() {
        if (data instanceof ChartData.Intervals) {
            return Axis.Type.CATEGORY;
        }
        return logValues ? Axis.Type.LOG : Axis.Type.LINEAR;
    }

    private static Axis axis(String axisTitle, Axis.Type type) {
        return Axis.builder().title(jsText(axisTitle)).type(type).build();
    }

    private static Trace intervalTrace(ChartData.Intervals intervals) {
        int n = intervals.categories().size();
        List<Double> above = new ArrayList<>();
        List<Double> below = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            above.add(orNull(intervals.highs()[i] - intervals.estimates()[i]));
            below.add(orNull(intervals.estimates()[i] - intervals.lows()[i]));
        }
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "scatter");
        trace.put("mode", "markers");
        trace.put("x", doubles(intervals.estimates()));
        trace.put("y", intervals.categories());
        trace.put("marker", Map.of("color", Palette.colour(0), "size", 9));
        trace.put("error_x", Map.of("type", "data", "symmetric", false, "array", above, "arrayminus", below,
                "color", Palette.colour(0), "thickness", 1.5, "width", 6));
        trace.put("showlegend", false);
        return new JsonTrace("estimate", trace);
    }

    private static Trace boxTrace(String category, double[] five, int index) {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "box");
        trace.put("x", List.of(category));
        trace.put("lowerfence", List.of(five[0]));
        trace.put("q1", List.of(five[1]));
        trace.put("median", List.of(five[2]));
        trace.put("q3", List.of(five[3]));
        trace.put("upperfence", List.of(five[4]));
        trace.put("boxpoints", false);
        trace.put("marker", Map.of("color", Palette.colour(index)));
        trace.put("line", Map.of("color", Palette.colour(index), "width", 1.5));
        trace.put("fillcolor", Palette.translucent(index, 0.3));
        trace.put("showlegend", false);
        return new JsonTrace(category, trace);
    }

    private Map<String, Object> referenceShape() {
        boolean vertical = data instanceof ChartData.Intervals; // the value axis is x there
        // unlike axis ranges, shape positions stay in data units on a log axis (checked in Chromium)
        double position = reference;
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("type", "line");
        shape.put(vertical ? "xref" : "yref", vertical ? "x" : "y");
        shape.put(vertical ? "yref" : "xref", "paper");
        shape.put(vertical ? "x0" : "y0", position);
        shape.put(vertical ? "x1" : "y1", position);
        shape.put(vertical ? "y0" : "x0", 0);
        shape.put(vertical ? "y1" : "x1", 1);
        shape.put("line", Map.of("color", "#555555", "width", 1.5, "dash", "dash"));
        return shape;
    }

    private static List<Double> doubles(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(orNull(v));
        }
        return list;
    }

    /** JSON has no NaN; plotly treats null as a gap. */
    private static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * tablesaw-jsplot puts titles and names HTML-escaped inside single-quoted JavaScript strings; plotly decodes
     * the entities. What HTML escaping misses is a backslash or a line break, which would end or break the string.
     */
    private static String jsText(String value) {
        return text(value).replace("\\", "\\\\").replace("\r", " ").replace("\n", " ")
                .replace("\u2028", " ").replace("\u2029", " ");
    }

    @Override
    public String toString() {
        return "Chart[" + data.getClass().getSimpleName() + ", '" + title + "']";
    }
}
