package dev.userbench.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The notebook as a reader lives in it: Debian's classic Jupyter Notebook serves a copy of it on 127.0.0.1 with our
 * kernel, and Playwright drives Debian's Chromium (never a downloaded browser) through Run All, a re-run of section 4,
 * ENTRY_COUNT edited to 2,000 with everything below run again, an interrupt of Part 3's run followed by {@code 1 + 1},
 * and Restart &amp; Run All. The copy runs at small sizes (fewer users and trials, set by this test) so the whole
 * walk-through takes a few minutes; screenshots go to temp/screenshots/live-*.png. Skipped, saying what is missing,
 * without node, Chromium, jupyter-notebook or playwright-core (which .ci/run installs under temp/playwright).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookInBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path JUPYTER_NOTEBOOK = Path.of("/usr/bin/jupyter-notebook");
    /** As in NotebookRenderIT: the charts of sections 8 and 10, Part 3's four workloads, Part 4's four. */
    private static final int CHARTS = 13;
    /** What the test sets for a quick walk-through: the same cells, fewer users and trials. */
    private static final Map<String, String> SMALL_SIZES = Map.of(
            "int ENTRY_COUNT = 10_000;", "int ENTRY_COUNT = 3_000;",
            ".withTrials(6)", ".withTrials(2)",
            ".withTrials(4)", ".withTrials(2)");

    private final Path root = NotebookFiles.projectRoot();
    private Process server;
    private JsonNode report;
    private String driverSaid;

    @BeforeAll
    void walkThroughTheNotebookInABrowser() throws Exception {
        Path playwright = root.resolve("temp/playwright/node_modules/playwright-core");
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (apt-get install chromium)");
        assumeTrue(Files.isExecutable(JUPYTER_NOTEBOOK), "no classic Jupyter Notebook (apt-get install jupyter-notebook)");
        assumeTrue(onPath("node"), "no node (apt-get install nodejs)");
        assumeTrue(Files.isRegularFile(playwright.resolve("package.json")),
                "no playwright-core: (cd temp/playwright && npm install playwright-core), as .ci/run does");
        Path kernelJar = root.resolve("kernel/target/user-entity-bench-kernel.jar");
        assertThat(kernelJar).as("the kernel jar, packaged before the integration tests").isRegularFile();
        assertThat(root.resolve("lib/target/user-entity-bench.jar")).isRegularFile();

        // the served folder: a copy of the notebook at small sizes, beside a link to lib/ so that its
        // `%classpath ../lib/target/user-entity-bench.jar` finds the jar; autosaves touch only the copy
        Path live = root.resolve("temp/live");
        deleteTree(live);
        Path notebooks = Files.createDirectories(live.resolve("notebooks"));
        Files.createSymbolicLink(live.resolve("lib"), root.resolve("lib"));
        Path copy = notebooks.resolve("user-entity-benchmark.ipynb");
        String text = Files.readString(NotebookFiles.committedNotebook());
        for (Map.Entry<String, String> size : SMALL_SIZES.entrySet()) {
            assertThat(text).as("the notebook still says %s", size.getKey()).contains(size.getKey());
            text = text.replace(size.getKey(), size.getValue());
        }
        Files.writeString(copy, text);
        ObjectNode cells = new ObjectMapper().createObjectNode();
        JsonNode notebook = NotebookFiles.read(copy);
        for (int i = 0; i < notebook.path("cells").size(); i++) {
            cells.put(notebook.path("cells").get(i).path("id").asText(), i);
        }

        // our kernel, installed under temp/ as `userbench render` does
        Path jupyter = root.resolve("temp/jupyter-live");
        run(List.of(javaExecutable(), "-jar", kernelJar.toString(), "install", "--prefix", jupyter.toString(),
                "--name", "java", "--force"), Map.of(), 120);

        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        ProcessBuilder notebookServer = new ProcessBuilder(JUPYTER_NOTEBOOK.toString(), "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + live)
                .redirectErrorStream(true).redirectOutput(live.resolve("jupyter-notebook.log").toFile());
        notebookServer.environment().putAll(jupyterEnvironment(jupyter, live));
        server = notebookServer.start();
        waitForServer(port, token);

        Path screenshots = Files.createDirectories(root.resolve("temp/screenshots"));
        ProcessBuilder driver = new ProcessBuilder("node",
                root.resolve("notebooks/src/test/js/live-notebook.cjs").toString())
                .redirectError(live.resolve("driver.err").toFile());
        driver.environment().putAll(Map.of("PLAYWRIGHT_CORE", playwright.toString(),
                "NOTEBOOK_URL", "http://127.0.0.1:" + port + "/notebooks/notebooks/user-entity-benchmark.ipynb?token=" + token,
                "SCREENSHOTS", screenshots.toString(), "CELLS", cells.toString(), "CHARTS", String.valueOf(CHARTS)));
        Process walk = driver.start();
        byte[] out = walk.getInputStream().readAllBytes();
        assertThat(walk.waitFor(40, TimeUnit.MINUTES)).isTrue();
        driverSaid = new String(out, StandardCharsets.UTF_8).strip();
        Files.writeString(live.resolve("report.json"), driverSaid);
        assertThat(walk.exitValue()).as("the browser walk-through: %s\n%s", driverSaid,
                Files.readString(live.resolve("driver.err"))).isZero();
        report = new ObjectMapper().readTree(driverSaid);
        System.out.println("live notebook walk-through: " + timings());
    }

    @AfterAll
    void stopTheServer() {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
        }
    }

    @Test
    void runAllEndsEveryCodeCellWithoutAnErrorAndDrawsEveryChart() {
        JsonNode runAll = step("run-all");
        assertEveryCellRanCleanly(runAll, step("open").path("codeCells").asInt());
        assertThat(runAll.path("charts").asInt()).as("plotly charts in the live page").isEqualTo(CHARTS);
    }

    @Test
    void section4RunsAgainAfterRunAllClosedTheConnection() {
        assertEveryCellRanCleanly(step("rerun-section-4"), 4);
    }

    @Test
    void entryCountEditedTo2000RunsEveryCellBelowCleanly() {
        JsonNode edited = step("entry-count-2000-run-below");
        assertThat(edited.path("edited").asBoolean()).isTrue();
        assertEveryCellRanCleanly(edited, edited.path("cells").size());
        assertThat(edited.path("charts").asInt()).isEqualTo(CHARTS);
    }

    @Test
    void anInterruptedPart3RunSaysWhereItStoppedAndTheKernelAnswersTheNextCell() {
        JsonNode interrupt = step("interrupt-part-3");
        assertThat(interrupt.path("stillRunningAfterOneSecond").asBoolean()).as("Part 3's run lasts over a second").isTrue();
        assertThat(interrupt.path("interrupted").path("text").asText()).contains("✗ stopped: Part 3's workload run interrupted at")
                .doesNotContain("✓");
        assertThat(interrupt.path("nextCell").path("text").asText())
                .contains("No figures here:", "Part 3's workload run was interrupted at", "Run Part 3's workload run's cell first");
        assertThat(interrupt.path("nextCell").path("errors")).isEmpty();
        assertThat(interrupt.path("onePlusOne").path("errors")).isEmpty();
        assertThat(interrupt.path("onePlusOne").path("text").asText()).contains("2");
    }

    @Test
    void restartAndRunAllRunsCleanAgain() {
        JsonNode restarted = step("restart-run-all");
        assertEveryCellRanCleanly(restarted, step("open").path("codeCells").asInt());
        assertThat(restarted.path("charts").asInt()).isEqualTo(CHARTS);
    }

    @Test
    void thePageRaisedNoJavaScriptError() {
        assertThat(report.path("pageErrors")).isEmpty();
    }

    private static void assertEveryCellRanCleanly(JsonNode step, int cells) {
        assertThat(step.path("cells").size()).isEqualTo(cells);
        step.path("cells").forEach(cell -> {
            assertThat(cell.path("errors")).as("errors of cell %s", cell.path("index")).isEmpty();
            assertThat(cell.path("stderr").asText()).as("stderr of cell %s", cell.path("index")).isEmpty();
            assertThat(cell.path("prompt").isInt()).as("cell %s ran (prompt %s)", cell.path("index"), cell.path("prompt")).isTrue();
        });
    }

    private JsonNode step(String name) {
        for (JsonNode step : report.path("steps")) {
            if (step.path("name").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + driverSaid);
    }

    private String timings() {
        List<String> parts = new ArrayList<>();
        report.path("steps").forEach(s -> parts.add(s.path("name").asText() + " " + s.path("seconds").asText() + " s"));
        return String.join(", ", parts);
    }

    private Map<String, String> jupyterEnvironment(Path jupyter, Path live) {
        return Map.of("JUPYTER_PATH", jupyter.resolve("share/jupyter").toString(),
                "JUPYTER_DATA_DIR", jupyter.resolve("data").toString(),
                "JUPYTER_CONFIG_DIR", jupyter.resolve("config").toString(),
                "JUPYTER_RUNTIME_DIR", jupyter.resolve("runtime").toString(),
                "JUPYTER_PLATFORM_DIRS", "1",
                "USERBENCH_JDBC_URL", "jdbc:sqlite:" + live.resolve("live.db"));
    }

    private static void waitForServer(int port, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection get = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/status?token=" + token)
                        .toURL().openConnection();
                get.setConnectTimeout(1000);
                if (get.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(300);
        }
        throw new AssertionError("jupyter-notebook did not answer on 127.0.0.1:" + port + " within 90 s; see temp/live/jupyter-notebook.log");
    }

    private static void run(List<String> command, Map<String, String> environment, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s said %s", command, said).isZero();
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isSymbolicLink(path) || !Files.exists(path)) {
            Files.deleteIfExists(path);
            return;
        }
        if (Files.isDirectory(path)) {
            try (var children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
        Files.delete(path);
    }
}
