package dev.userbench.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userbench.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Executes the committed second notebook, {@code notebooks/sharded-users.ipynb}, end to end with our kernel through
 * {@code userbench render --jdbc-url cluster:postgres}: it starts local PostgreSQL clusters of 1 and 2 shards, so it is
 * skipped where Debian's Jupyter or the PostgreSQL server binaries are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedNotebookRenderIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private JsonNode executed;

    @BeforeAll
    void renderTheNotebook() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is not installed");
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import nbconvert, nbclient, jupyter_client")
                .redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "Debian's Jupyter is not installed");
        String engine = engine();

        Path rendered = Path.of(System.getProperty("rendered.dir", "target/rendered")).toAbsolutePath()
                .resolve("sharded-" + engine);
        Path notebook = Main.home().resolve("notebooks/sharded-users.ipynb");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"render", notebook.toString(), "--out", rendered.toString(),
                        "--jdbc-url", "cluster:" + engine},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as("userbench render said: %s", out + "\n" + err).isZero();
        executed = NotebookFiles.read(rendered.resolve("sharded-users.ipynb"));
    }

    /** The engine of the notebook's clusters; skips the class when its server binaries are missing. */
    String engine() {
        assumeTrue(Files.isDirectory(Path.of("/usr/lib/postgresql")), "the PostgreSQL server binaries are not installed");
        return "postgres";
    }

    @Test
    void itStartsItsClustersOnTheEngineAskedFor() {
        assertThat(NotebookFiles.payloads(executed, "text/markdown"))
                .anySatisfy(t -> assertThat(t).contains("Starting `cluster:" + engine() + "?shards=2`"));
    }

    @Test
    void noCellFailsOrWritesToStderr() {
        assertThat(NotebookFiles.outputs(executed)).allSatisfy(output -> {
            assertThat(output.path("output_type").asText()).as(output.toString()).isNotEqualTo("error");
            assertThat(output.path("name").asText()).as(output.toString()).isNotEqualTo("stderr");
        });
    }

    @Test
    void itChartsLatencyByShardCountAndTablesShardsTouched() {
        List<String> html = NotebookFiles.payloads(executed, "text/html");
        assertThat(html).anySatisfy(t -> assertThat(t).contains("class=\"userbench-chart\"", "login: median latency by shard count"));
        assertThat(html).anySatisfy(t -> assertThat(t).contains("class=\"userbench-chart\"", "profile_view: median latency by shard count"));
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"", "login by shard count",
                "shards_touched", "fragmented@email", "monolith@uid+email_lookup"));
    }

    @Test
    void itShowsTheVerdictsAndTheDuplicateEmailAcceptedWithoutTheLookupTable() {
        List<String> html = NotebookFiles.payloads(executed, "text/html");
        assertThat(html).anySatisfy(t -> assertThat(t).contains("<table class=\"userbench-table\"", "Comparisons", "verdict"));
        assertThat(html).anySatisfy(t -> assertThat(t).contains("Signing up a taken email again", "emails_held_twice"));
    }
}
