package dev.userbench.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The notebook as committed: no outputs, IJava's kernelspec, the shared API only, the study's structure. */
class CommittedNotebookTest {

    private static JsonNode notebook;

    @BeforeAll
    static void readTheNotebook() throws Exception {
        notebook = NotebookFiles.read(NotebookFiles.committedNotebook());
    }

    @Test
    void isCommittedWithoutOutputsOrExecutionCounts() {
        List<JsonNode> code = NotebookFiles.cells(notebook, "code");
        assertThat(code).isNotEmpty().allSatisfy(cell -> {
            assertThat(cell.path("outputs").size()).as("outputs of %s", NotebookFiles.source(cell)).isZero();
            assertThat(cell.path("execution_count").isNull()).as("execution count of %s", NotebookFiles.source(cell)).isTrue();
        });
    }

    @Test
    void asksForTheJavaKernelAsIJavaInstallsIt() {
        assertThat(notebook.path("nbformat").asInt()).isEqualTo(4);
        JsonNode kernelspec = notebook.path("metadata").path("kernelspec");
        assertThat(kernelspec.path("name").asText()).isEqualTo("java");
        assertThat(kernelspec.path("language").asText()).isEqualTo("java");
        assertThat(kernelspec.path("display_name").asText()).isEqualTo("Java");
        assertThat(notebook.path("metadata").path("language_info").path("name").asText()).isEqualTo("java");
    }

    @Test
    void cellsUseOnlyTheApiThatIJavaJJavaAndOurKernelShare() {
        for (JsonNode cell : NotebookFiles.cells(notebook, "code")) {
            String source = NotebookFiles.source(cell);
            assertThat(source).as(source)
                    .doesNotContain("io.github.spencerpark", "org.dflib.jjava", "dev.userbench.kernel",
                            "getKernelInstance", "%maven", "%%loadFromPOM")
                    .doesNotContainPattern("(?m)^\\s*package\\s+[\\w.]+\\s*;")
                    // %classpath, not %jars: JJava deprecated %jars and warns on stderr, which fails a render
                    .doesNotContainPattern("(?m)^\\s*%(?!classpath )");
        }
        assertThat(NotebookFiles.source(NotebookFiles.cells(notebook, "code").get(0)))
                .startsWith("%classpath ../lib/target/user-entity-bench.jar");
    }

    @Test
    void handsTheKernelsDisplayFunctionsToTheJarOnceAndKeepsNoDisplayIds() {
        String all = allCode();
        assertThat(all.split("Notebook\\.using\\(", -1)).hasSize(2);
        assertThat(all.replaceAll("\\s+", " ")).contains("Notebook.using((content, mime) -> display(content, mime), "
                + "(id, content, mime) -> updateDisplay(id, content, mime))");
        assertThat(all).doesNotContainPattern("=\\s*display\\(").doesNotContainPattern("(?m)^\\s*(display|updateDisplay)\\(");
    }

    @Test
    void noCodeCellAfterPart1IsLongerThanAboutFifteenLines() {
        List<JsonNode> cells = cellsFrom("# Part 2");
        assertThat(cells).isNotEmpty();
        for (JsonNode cell : cells) {
            if (cell.path("cell_type").asText().equals("code")) {
                assertThat(NotebookFiles.source(cell).lines().count()).as(NotebookFiles.source(cell)).isLessThanOrEqualTo(17);
            }
        }
    }

    @Test
    void everyCellHasAUniqueReadableId() {
        List<String> ids = new ArrayList<>();
        notebook.path("cells").forEach(cell -> ids.add(cell.path("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void theCellsThatReadARunReadItThroughItsNamedHandle() {
        // a handle is emptied when its run is re-run, fails or is interrupted: no cell can draw an earlier run's data
        String all = allCode();
        assertThat(all).contains("Run sure = nb.run(\"section 10's run\", options);", "Run aa = nb.run(\"the A/A run\"",
                "Run workloads = nb.run(\"Part 3's workload run\", workloadOptions, plan);",
                "Run memory = nb.run(\"Part 4's memory run\", memoryOptions);",
                "Run orm = nb.run(\"Part 5's ORM run\", ormOptions, ormPlan);");
        assertThat(all).doesNotContain(".result()", "new BenchmarkRun(", ".execute()");
    }

    @Test
    void theCleanUpCellLeavesReRunsWorking() {
        List<JsonNode> code = NotebookFiles.cells(notebook, "code");
        assertThat(NotebookFiles.source(code.get(code.size() - 1))).startsWith("db.close();");
        assertThat(allCode()).doesNotContain("connection.close()", "session.close()");
    }

    @Test
    void writesNoCredentialAndShowsTheUrlMasked() {
        String all = allCode();
        assertThat(all.replaceAll("\\s+", " ")).contains("System.getenv(\"USERBENCH_JDBC_URL\")",
                "nb.database( new ConnectionSpec(jdbcUrl, System.getenv(\"USERBENCH_USER\"), System.getenv(\"USERBENCH_PASSWORD\")))");
        assertThat(all.toLowerCase()).doesNotContainPattern("password=[^\"&;]").doesNotContain("user=root");
    }

    @Test
    void keepsTheStudysHeadingsInOrderThenTheEngineersChecksTheRealWorkloadAndMemory() {
        String markdown = String.join("\n", NotebookFiles.cells(notebook, "markdown").stream().map(NotebookFiles::source).toList());
        List<String> inOrder = List.of("# User Entity Benchmarking", "## Hypothesis", "## 1. Monolithic Architecture",
                "## 2. Fragmented Architecture", "## 3. Data Generation", "## 4. Benchmarks",
                "# Part 2 — What a database engineer would check", "How sure are we?",
                "# Part 3 — The real workload", "monolith_covering", "fragmented_hot_touch",
                "### Which layout for which workload", "# Part 4 — Memory", "How much does each layout store",
                "Pages touched per login", "Where the curves cross", "The memory claim", "# Part 5 — Through an ORM",
                "## 16. The ORM beside plain JDBC", "## 17. The SQL each mapping sends", "## Clean up");
        int from = 0;
        for (String heading : inOrder) {
            int at = markdown.indexOf(heading, from);
            assertThat(at).as("'%s' after the headings before it", heading).isGreaterThanOrEqualTo(0);
            from = at + heading.length();
        }
    }

    @Test
    void theTimedSqlOfPart1IsInItsCellsAsPlainJdbc() {
        List<JsonNode> part2On = cellsFrom("# Part 2");
        String part1 = String.join("\n", NotebookFiles.cells(notebook, "code").stream().filter(c -> !part2On.contains(c))
                .map(NotebookFiles::source).toList());
        assertThat(part1).contains("INSERT INTO user_monolith (", "INSERT INTO user_auth (", "INSERT INTO user_profile (",
                "SELECT * FROM user_monolith WHERE email = ?", "SELECT * FROM user_auth WHERE email = ?",
                "connection.prepareStatement(", "insert.executeBatch();", "auth.executeUpdate();", "login.executeQuery()");
        String all = allCode();
        assertThat(all).contains("INSERT INTO user_monolith (", "INSERT INTO user_auth (", "INSERT INTO user_profile (",
                "SELECT * FROM user_monolith WHERE email = ?", "SELECT * FROM user_auth WHERE email = ?",
                "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name");
    }

    @Test
    void parts3And4RunOnePlanOfWorkloadsAndOneMemoryRunThroughTheHarness() {
        String all = allCode();
        assertThat(all).contains("WorkloadPlan.parse(\"login,profile_view,login_touch,mixed\"", "KeyDistribution.parse(\"zipfian\")",
                "Layouts.MONOLITH_COVERING", "Layouts.FRAGMENTED_HOT_TOUCH", ".withCacheSweep(List.of(",
                "Findings.workloadVerdicts(result)", "nb.show(memory, Findings::memoryVerdict)");
    }

    private static String allCode() {
        return String.join("\n", NotebookFiles.cells(notebook, "code").stream().map(NotebookFiles::source).toList());
    }

    /** The cells from the first markdown cell that starts with {@code heading} to the end. */
    private static List<JsonNode> cellsFrom(String heading) {
        List<JsonNode> all = new ArrayList<>();
        notebook.path("cells").forEach(all::add);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).path("cell_type").asText().equals("markdown")
                    && NotebookFiles.source(all.get(i)).startsWith(heading)) {
                return all.subList(i, all.size());
            }
        }
        throw new AssertionError("no heading " + heading);
    }
}
