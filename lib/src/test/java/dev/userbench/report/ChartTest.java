package dev.userbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChartTest {
    private static final PlotlyJs BUNDLED = PlotlyJs.withBundle("/* plotly stand-in */");
    private static final Pattern CONTAINER_ID = Pattern.compile("<div id=\"(userbench_chart_[0-9a-f]{32})\"");

    @Test
    void chartHtmlHoldsAStaticSvgWithTheTitleAndEveryCategoryLabel() {
        String html = SampleResults.barChart().html(BUNDLED);

        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(svg).contains("Time per operation by layout", "insert", "login", "profile read",
                "monolith", "split", "ms per operation", "operation");
    }

    @Test
    void chartHtmlHoldsTheLivePlotScriptDrawingIntoItsContainer() {
        String html = SampleResults.barChart().html(BUNDLED);
        String id = containerId(html);

        assertThat(html.indexOf("</svg>")).isLessThan(html.indexOf("<script>"));
        assertThat(html).contains("document.getElementById('" + id + "')", "Plotly.newPlot(",
                "title: 'Time per operation by layout'", "title: 'ms per operation'");
    }

    @Test
    void everyKindOfChartDrawsStaticAndLiveWithItsTitles() {
        for (Chart chart : List.of(SampleResults.barChart(), SampleResults.intervalChart(),
                SampleResults.lineChart(), SampleResults.boxChart())) {
            String html = chart.html(BUNDLED);
            assertThat(chart.staticSvg()).as(chart.toString()).startsWith("<svg").endsWith("</svg>")
                    .contains(Html.escape(chart.title()));
            assertThat(html).as(chart.toString()).contains("Plotly.newPlot(", "title: '" + Html.escape(chart.title()));
        }
    }

    @Test
    void intervalChartShowsEachCategoryAndADashedReferenceLineAtOne() {
        Chart chart = SampleResults.intervalChart();

        assertThat(chart.staticSvg()).contains("SQLite", "MariaDB", "PostgreSQL", "stroke-dasharray");
        assertThat(chart.html(BUNDLED)).contains("\"error_x\"", "\"arrayminus\"", "layout.shapes = [{\"type\":\"line\"",
                "\"x0\":1.0");
    }

    @Test
    void onALogAxisTheReferenceLineStaysInDataUnits() {
        String html = SampleResults.intervalChart().logValues().html(BUNDLED);

        assertThat(html).contains("type: 'log'", "\"x0\":1.0", "\"x1\":1.0");
    }

    @Test
    void percentileBoxesUsePrecomputedPercentilesNotSamples() {
        String html = SampleResults.boxChart().html(BUNDLED);

        assertThat(html).contains("\"type\":\"box\"", "\"q1\":[0.12]", "\"median\":[0.151]", "\"upperfence\":[0.61]");
    }

    @Test
    void textIsEscapedSoALabelCannotBreakOutOfTheFragment() {
        Table hostile = Table.create("t",
                StringColumn.create("op", "<script>alert('op')</script>", "a & b"),
                StringColumn.create("layout", "</script><b>x</b>", "\"quoted\" \\ back"),
                DoubleColumn.create("ms", 1, 2));
        String html = Chart.groupedBars(hostile, "op", "layout", "ms").title("<img src=x onerror=alert(1)>")
                .html(BUNDLED);

        assertThat(count(html, "<script")).isEqualTo(1);
        assertThat(count(html, "</script")).isEqualTo(1);
        assertThat(html).doesNotContain("<img", "<b>x").contains("&lt;script&gt;alert(&#39;op&#39;)&lt;/script&gt;",
                "a &amp; b", "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void twoChartsAndTwoRenderingsOfOneChartGetDistinctContainerIds() {
        Chart chart = SampleResults.barChart();

        List<String> ids = List.of(containerId(chart.html(BUNDLED)), containerId(chart.html(BUNDLED)),
                containerId(SampleResults.lineChart().html(BUNDLED)));

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void aBundledChartNeverReferencesTheCdnButAnUnbundledOneFallsBackToIt() {
        assertThat(SampleResults.barChart().html(BUNDLED)).doesNotContain("cdn.plot.ly");
        assertThat(SampleResults.barChart().html(PlotlyJs.fromCdn())).contains("https://cdn.plot.ly/plotly-2.35.2.min.js");
    }

    @Test
    void settersReturnNewChartsAndLeaveTheOriginalUnchanged() {
        Chart original = SampleResults.barChart();

        Chart retitled = original.title("Other");

        assertThat(original.title()).isEqualTo("Time per operation by layout");
        assertThat(retitled.title()).isEqualTo("Other");
    }

    @Test
    void theChartKeepsItsDataWhenTheTableChangesLater() {
        Table table = SampleResults.timePerOperation();
        Chart chart = Chart.groupedBars(table, "operation", "layout", "ms_per_op");

        table.stringColumn("operation").set(0, "changed");

        assertThat(chart.staticSvg()).doesNotContain("changed");
    }

    @Test
    void aValueColumnThatIsNotNumericIsRejectedWithItsName() {
        assertThatThrownBy(() -> Chart.groupedBars(SampleResults.timePerOperation(), "operation", "layout", "layout"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'layout' must be numeric");
    }

    private static String containerId(String html) {
        Matcher matcher = CONTAINER_ID.matcher(html);
        assertThat(matcher.find()).as("container div in " + html.substring(0, Math.min(200, html.length()))).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
