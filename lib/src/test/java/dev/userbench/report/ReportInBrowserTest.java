package dev.userbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a written report in headless Chromium with the network unusable (every host unresolvable, every request
 * sent to a dead proxy) and checks what plotly actually drew. Skipped without Chromium or without a bundled plotly,
 * so a machine with only a JDK and Maven still passes.
 */
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern CONTAINER_ID = Pattern.compile("<div id=\"(userbench_chart_[0-9a-f]{32})\"");
    private static final long BROWSER_TIMEOUT_SECONDS = 90;

    @TempDir
    Path work;

    @Test
    void aBundledReportDrawsEveryChartWithPlotlyOffline() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        assumeTrue(PlotlyJs.fromClasspath().bundled(), "plotly.js was not bundled by the build");
        Path page = reportPage(PlotlyJs.fromClasspath());
        List<String> ids = containerIds(Files.readString(page));

        String dom = chromium(page, "--dump-dom");

        assertThat(ids).hasSize(4);
        for (int i = 0; i < ids.size(); i++) {
            int start = dom.indexOf("id=\"" + ids.get(i) + "\"");
            int end = i + 1 < ids.size() ? dom.indexOf("id=\"" + ids.get(i + 1) + "\"") : dom.length();
            assertThat(start).as("container of chart %d in the DOM", i).isNotNegative();
            assertThat(dom.substring(start, end)).as("chart %d drawn by plotly", i)
                    .contains("class=\"main-svg\"").doesNotContain("ueb-static-chart");
        }
        assertThat(dom).contains("Time per operation by layout", "Throughput vs cache size", "Login latency per layout");

        Path screenshot = projectRoot().resolve("temp/screenshots/report-charts.png");
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        chromium(page, "--screenshot=" + screenshot, "--window-size=1040,2900", "--hide-scrollbars");
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void anUnbundledReportOfflineKeepsItsStaticPictures() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        Path page = reportPage(PlotlyJs.fromCdn());

        String dom = chromium(page, "--dump-dom");

        assertThat(dom).doesNotContain("class=\"main-svg\"");
        assertThat(dom.split("class=\"ueb-static-chart\"", -1)).hasSize(1 + 4);

        Path screenshot = projectRoot().resolve("temp/screenshots/report-static-charts.png");
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        chromium(page, "--screenshot=" + screenshot, "--window-size=1040,2900", "--hide-scrollbars");
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void underRequireJsTheBundledLoaderStillDefinesAGlobalPlotlyForTheCharts() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        assumeTrue(PlotlyJs.fromClasspath().bundled(), "plotly.js was not bundled by the build");
        // what classic Notebook's require.js offers: an AMD define that would capture plotly as a module
        String fakeRequireJs = "<script>window.define=function(){window.capturedByDefine=true;};"
                + "window.define.amd={};window.require=function(){};</script>";
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + fakeRequireJs
                + PlotlyJs.fromClasspath().loaderHtml() + PlotlyJs.fromClasspath().loaderHtml() + "</head><body>"
                + SampleResults.barChart().html()
                + "<script>document.body.setAttribute('data-captured',String(!!window.capturedByDefine));</script>"
                + "</body></html>";
        Path page = Files.writeString(work.resolve("notebook-like.html"), html);

        String dom = chromium(page, "--dump-dom");

        assertThat(dom).contains("data-captured=\"false\"", "class=\"main-svg\"");
    }

    private Path reportPage(PlotlyJs plotly) throws IOException {
        return HtmlPage.titled("user-entity-bench: hot and cold columns").plotly(plotly)
                .paragraph("Charts drawn from a page opened without network.")
                .heading("Time per operation").chart(SampleResults.barChart())
                .table(SampleResults.timePerOperation())
                .heading("Login, split vs monolith").chart(SampleResults.intervalChart())
                .heading("Cache size").chart(SampleResults.lineChart())
                .heading("Latency").chart(SampleResults.boxChart())
                .write(work.resolve("report.html"));
    }

    /** Runs Chromium on the page and returns its stdout; fails (rather than hangs) after a bounded time. */
    private String chromium(Path page, String... action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-dev-shm-usage",
                // no network: every host unresolvable and every request sent to a closed local port
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile"),
                "--virtual-time-budget=10000"));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s");
        }
        assertThat(process.exitValue()).as("chromium exit code; stderr: %s", Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static List<String> containerIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = CONTAINER_ID.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** The folder holding the root pom (tests run in lib/); temp/ there is git-ignored. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = dir;
        for (Path p = dir; p != null && Files.exists(p.resolve("pom.xml")); p = p.getParent()) {
            root = p;
        }
        return root;
    }
}
