package dev.userbench.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
                    .doesNotContainPattern("(?m)^\\s*%(?!jars |classpath )");
        }
        assertThat(NotebookFiles.source(NotebookFiles.cells(notebook, "code").get(0)))
                .startsWith("%jars ../lib/target/user-entity-bench.jar");
    }

    @Test
    void writesNoCredentialAndShowsTheUrlMasked() {
        String all = String.join("\n", NotebookFiles.cells(notebook, "code").stream().map(NotebookFiles::source).toList());
        assertThat(all).contains("System.getenv(\"USERBENCH_JDBC_URL\")", "System.getenv(\"USERBENCH_USER\")",
                "System.getenv(\"USERBENCH_PASSWORD\")", "JdbcUrls.mask(jdbcUrl)");
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
                "Pages touched per login", "Where the curves cross", "The memory claim", "## Clean up");
        int from = 0;
        for (String heading : inOrder) {
            int at = markdown.indexOf(heading, from);
            assertThat(at).as("'%s' after the headings before it", heading).isGreaterThanOrEqualTo(0);
            from = at + heading.length();
        }
    }

    @Test
    void theTimedSqlOfPart1IsInTheCells() {
        String all = String.join("\n", NotebookFiles.cells(notebook, "code").stream().map(NotebookFiles::source).toList());
        assertThat(all).contains("INSERT INTO user_monolith (", "INSERT INTO user_auth (", "INSERT INTO user_profile (",
                "SELECT * FROM user_monolith WHERE email = ?", "SELECT * FROM user_auth WHERE email = ?",
                "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name");
    }

    @Test
    void parts3And4RunOnePlanOfWorkloadsAndOneMemoryRunThroughTheHarness() {
        String all = String.join("\n", NotebookFiles.cells(notebook, "code").stream().map(NotebookFiles::source).toList());
        assertThat(all).contains("WorkloadPlan.parse(\"login,profile_view,login_touch,mixed\"", "KeyDistribution.parse(\"zipfian\")",
                "Layouts.MONOLITH_COVERING", "Layouts.FRAGMENTED_HOT_TOUCH", ".withCacheSweep(List.of(",
                "Findings.workloadVerdicts(workloadResult)", "Findings.memoryVerdict(memory)");
    }

    @Test
    void matchesItsReadableSource() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3 to run notebooks/build_notebook.py");
        Process check = new ProcessBuilder(python.toString(),
                NotebookFiles.projectRoot().resolve("notebooks/build_notebook.py").toString(), "--check")
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(check.getInputStream().readAllBytes());
        assertThat(check.exitValue()).as(said).isZero();
    }
}
