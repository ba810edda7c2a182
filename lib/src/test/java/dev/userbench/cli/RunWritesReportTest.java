package dev.userbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code userbench run} writes report.html beside results.json: the tables and every chart, each with its static picture. */
class RunWritesReportTest {

    private static final Pattern CHART = Pattern.compile("<div id=\"userbench_chart_[0-9a-f]{32}\" class=\"userbench-chart\"");

    @Test
    void aRunWritesASelfContainedReportWithEveryChartAndTable(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("bench.db"),
                "--users", "300", "--logins", "60", "--trials", "2", "--warmup", "20",
                "--out", dir.resolve("out").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        Path report = dir.resolve("out/report.html");
        assertThat(report).isRegularFile();
        assertThat(dir.resolve("out/results.json")).isRegularFile();
        assertThat(out.toString()).contains("report.html");

        String html = Files.readString(report);
        // the intervals of the comparisons, time per call, and latency percentiles of insert and of login
        List<String> charts = chartsOf(html);
        assertThat(charts).hasSize(4).allSatisfy(chart -> assertThat(chart).contains("<svg", "ueb-static-chart"));
        assertThat(html).contains("cost ratio per statistic, each with its Holm-adjusted interval",
                "Time per operation by operation and layout", "Insert latency percentiles per layout",
                "Login latency percentiles per layout");
        assertThat(html).contains("Data check passed", "Comparisons (cost candidate ÷ baseline", "<caption", "Measurements",
                "How verdicts are decided.");
        assertThat(html).containsPattern("login · projected</strong>: fragmented&#39;s median call takes "
                + "\\d+\\.\\d{2}× the time of monolith&#39;s \\(\\d+(\\.\\d+)? % interval");
        assertThat(html.indexOf("window.Plotly")).as("plotly (or its loader) in the head, before the charts")
                .isBetween(0, html.indexOf("<body>"));
    }

    /** Each chart's HTML: from its container to the next container (or the end). */
    private static List<String> chartsOf(String html) {
        List<Integer> starts = new ArrayList<>();
        Matcher matcher = CHART.matcher(html);
        while (matcher.find()) {
            starts.add(matcher.start());
        }
        List<String> charts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            charts.add(html.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : html.length()));
        }
        return charts;
    }
}
