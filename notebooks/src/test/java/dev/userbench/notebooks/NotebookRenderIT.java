package dev.userbench.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userbench.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Executes the committed notebook end to end with our kernel through {@code userbench render}, as CI does, then
 * checks what it saved and opens the exported HTML in headless Chromium with the network unusable. Skipped where
 * Debian's Jupyter (or, for the browser check, Chromium) is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookRenderIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern CHART_CONTAINER = Pattern.compile("<div id=\"(userbench_chart_[0-9a-f]{32})\"");
    /**
     * Section 8 draws time per call and login percentiles, section 10 the intervals and both again over trials;
     * Part 3 one interval chart per workload (four), Part 4 storage, pages per login and the sweep's two lines.
     */
    private static final int CHARTS = 13;

    private Path rendered;
    private JsonNode executed;
    private String renderSaid;

    @BeforeAll
    void renderTheNotebook() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is not installed");
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import nbconvert, nbclient, jupyter_client")
                .redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "Debian's Jupyter is not installed");

        rendered = Path.of(System.getProperty("rendered.dir", "target/rendered")).toAbsolutePath();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // a database file of the test's own: a file left by another run (or an older version) is not the tool's
        String database = "jdbc:sqlite:" + rendered.resolve("notebook-it.db").toAbsolutePath();
        int exit = Main.execute(new String[] {"render", "--out", rendered.toString(), "--jdbc-url", database},
                new PrintWriter(out, true), new PrintWriter(err, true));
        renderSaid = out + "\n" + err;
        assertThat(exit).as("userbench render said: %s", renderSaid).isZero();
        executed = NotebookFiles.read(rendered.resolve("user-entity-benchmark.ipynb"));
    }

    @Test
    void noCellFailsOrWritesToStderr() {
        assertThat(NotebookFiles.outputs(executed)).allSatisfy(output -> {
            assertThat(output.path("output_type").asText()).as(output.toString()).isNotEqualTo("error");
            assertThat(output.path("name").asText()).as(output.toString()).isNotEqualTo("stderr");
        });
    }

    @Test
    void onARunAllEveryCellFindsTheFiguresItReads() {
        assertThat(NotebookFiles.payloads(executed, "text/markdown")).noneSatisfy(t -> assertThat(t).contains("No figures here"));
    }

    @Test
    void noCellLeavesAStrayOutValue() {
        // every display id is assigned and printf's PrintStream is never the last value: no Out[] in the notebook
        assertThat(NotebookFiles.outputs(executed)).noneSatisfy(output ->
                assertThat(output.path("output_type").asText()).isEqualTo("execute_result"));
    }

    @Test
    void part1PrintsTheStudysFourTimings() {
        String printed = String.join("", NotebookFiles.outputs(executed).stream()
                .filter(o -> o.path("name").asText().equals("stdout")).map(o -> NotebookFiles.text(o.path("text"))).toList());
        assertThat(printed).containsPattern("Monolith Insert Time: \\d+\\.\\d{4}s")
                .containsPattern("Fragmented Insert Time: \\d+\\.\\d{4}s")
                .containsPattern("Monolith Login \\(1000 ops\\): \\d+\\.\\d{4}s")
                .containsPattern("Fragmented Login \\(1000 ops\\): \\d+\\.\\d{4}s");
    }

    @Test
    void resultsAreHtmlTables() {
        List<String> html = NotebookFiles.payloads(executed, "text/html");
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"", "Comparisons", "verdict"));
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"", "Per-call latency", "p99_us"));
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"", "Storage per layout"));
        // Part 3: the workloads' comparisons, every layout against the monolith
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"", "Comparisons",
                "login_touch", "profile_view", "mixed", "monolith_covering", "fragmented_hot_touch"));
        // Part 4: the footprint per object and the cache sweep
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"",
                "Footprint: bytes per table, index and TOAST", "user_auth_ht", "ix_user_monolith_cov_login"));
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"",
                "per engine cache size", "pages_read_per_call"));
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"",
                "Pages touched per call", "login/projected"));
        // the workloads of Part 3 get their pages per call too
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"",
                "Pages touched per call", "login_touch", "profile_view", "mixed"));
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"",
                "JVM heap per fetched row", "profile_view"));
    }

    @Test
    void parts3And4DrawTheirChartsWithStaticPictures() {
        List<String> charts = NotebookFiles.payloads(executed, "text/html").stream()
                .filter(t -> t.contains("class=\"userbench-chart\"")).toList();
        for (String title : List.of("login (2 threads, zipfian", "login_touch (2 threads, zipfian",
                "mixed (2 threads, zipfian", "Storage per layout and kind", "Pages read per call",
                "Throughput vs engine cache size", "Pages read per call vs engine cache size")) {
            assertThat(charts).as("a chart titled '%s'", title).anySatisfy(chart -> {
                assertThat(chart).contains(title);
                assertThat(chart.indexOf("<svg", chart.indexOf("class=\"userbench-chart\""))).isPositive();
            });
        }
    }

    @Test
    void part3AndPart4VerdictsAreBuiltFromTheRun() {
        String markdown = String.join("\n", NotebookFiles.payloads(executed, "text/markdown"));
        assertThat(markdown).contains("**Data check passed:** every layout holds the same 2,000 users",
                "**Consistency held** after every writing workload (login_touch, mixed)");
        for (String workload : List.of("login", "profile_view", "login_touch", "mixed")) {
            assertThat(markdown).containsPattern("- \\*\\*" + workload
                    + "\\*\\* \\(2 threads, zipfian over 2,000 users\\): \\*\\*(\\w+ wins|no layout beats monolith|several layouts beat monolith)\\*\\*");
        }
        assertThat(markdown).containsPattern("\\*\\*Against monolith, over 4 workloads:\\*\\* fragmented faster in \\d");
        assertThat(markdown).containsPattern("\\*\\*Storage\\.\\*\\* monolith takes \\d+\\.\\d{2} MiB")
                .contains("**What the counter counts:** read syscalls of the measuring thread")
                .containsPattern("\\*\\*Heap\\.\\*\\* One fetched monolith row retains [\\d,]+ bytes")
                .containsPattern("login table with its indexes is \\*\\*\\d+ %\\*\\* of monolith's storage")
                .containsPattern("at a cache of \\d+\\.\\d{2} MiB \\(25 % of monolith\\) fragmented read \\d+\\.\\d{2} pages per call")
                .contains("**Verdict on the memory claim:**");
    }

    @Test
    void everyChartCarriesItsStaticPicture() {
        List<String> charts = NotebookFiles.payloads(executed, "text/html").stream()
                .filter(t -> t.contains("class=\"userbench-chart\"")).toList();
        assertThat(charts).hasSize(CHARTS).allSatisfy(chart -> {
            int container = chart.indexOf("class=\"userbench-chart\"");
            assertThat(chart.indexOf("<svg", container)).as("an inline SVG inside the chart's container").isPositive();
            assertThat(chart).contains("ueb-static-chart", "<script>");
        });
        assertThat(NotebookFiles.payloads(executed, "text/html"))
                .as("plotly.js inlined once, before the charts").anySatisfy(t -> assertThat(t).contains("window.Plotly"));
    }

    @Test
    void showsTheDataCheckTheVerdictsAndTheAaCheck() {
        String markdown = String.join("\n", NotebookFiles.payloads(executed, "text/markdown"));
        assertThat(markdown).contains("**Data check passed:** every layout holds the same 10,000 users");
        assertThat(markdown).containsPattern("\\*\\*login · projected\\*\\*: fragmented's median call takes \\d+\\.\\d{2}×");
        assertThat(markdown).containsPattern("\\*\\*A/A check (passed|warns):\\*\\*");
        assertThat(markdown).contains("**Insert.**", "**Login.**", "**Storage.**", "**Memory.**");
    }

    @Test
    void progressEndsAsADoneLineInPlace() {
        assertThat(NotebookFiles.payloads(executed, "text/html"))
                .anySatisfy(t -> assertThat(t).contains("✓ section 10&#39;s run: 6 trials per benchmark of monolith and fragmented"))
                .anySatisfy(t -> assertThat(t).contains("✓ Part 3&#39;s workload run: 4 trials of login, profile_view, login_touch, mixed on 4 layouts"))
                .anySatisfy(t -> assertThat(t).contains("✓ Part 4&#39;s memory run: 4 trials per benchmark of monolith, fragmented, "
                        + "monolith_covering and fragmented_hot_touch, 10,000 users"))
                .noneSatisfy(t -> assertThat(t).contains("✗ stopped"))
                .noneSatisfy(t -> assertThat(t).contains("starting the A/A run"))
                .noneSatisfy(t -> assertThat(t).contains("starting Part 3"))
                .noneSatisfy(t -> assertThat(t).contains("starting Part 4"));
    }

    @Test
    void theExportedHtmlDrawsEveryChartOfflineInABrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        Path html = rendered.resolve("user-entity-benchmark.html");
        List<String> ids = new ArrayList<>();
        Matcher matcher = CHART_CONTAINER.matcher(Files.readString(html));
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        assertThat(ids).hasSize(CHARTS);

        String dom = chromium(html, "--dump-dom");
        for (int i = 0; i < ids.size(); i++) {
            int start = dom.indexOf("id=\"" + ids.get(i) + "\"");
            int end = i + 1 < ids.size() ? dom.indexOf("id=\"" + ids.get(i + 1) + "\"") : dom.length();
            assertThat(start).as("container of chart %d in the DOM", i).isNotNegative();
            assertThat(dom.substring(start, end)).as("chart %d drawn by plotly", i).contains("class=\"main-svg\"");
        }

        Path screenshot = NotebookFiles.projectRoot().resolve("temp/screenshots/notebook.png");
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        chromium(html, "--screenshot=" + screenshot, "--window-size=1100,26000", "--hide-scrollbars");
        assertThat(screenshot).isNotEmptyFile();
    }

    /** Headless Chromium with every host unresolvable and every request sent to a closed port: no network at all. */
    private String chromium(Path page, String... action) throws Exception {
        Path work = Files.createDirectories(rendered.resolve("chromium"));
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--user-data-dir=" + Files.createTempDirectory(work, "profile"), "--virtual-time-budget=15000"));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 180 s");
        }
        assertThat(process.exitValue()).as("chromium exit code; stderr: %s", Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
