package dev.userbench.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Executes src/test/resources/ijava-api-smoke.ipynb (kernelspec "java", IJava's API) headless with
 * nbconvert, as CI does, and checks the saved outputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookExecutionIT {
    private Path temp;
    private List<JsonObject> outputs;

    @BeforeAll
    void executeTheNotebook() throws Exception {
        ExternalTools.assumePythonModules("nbconvert", "nbclient", "jupyter_client");
        temp = Files.createTempDirectory("notebook-it");
        Path jupyterPath = ExternalTools.installKernel(temp.resolve("prefix"), "java");
        Path notebook = temp.resolve("ijava-api-smoke.ipynb");
        Files.copy(Path.of("src/test/resources/ijava-api-smoke.ipynb"), notebook);

        ExternalTools.Outcome outcome = ExternalTools.run(List.of(ExternalTools.SYSTEM_PYTHON.toString(),
                        "-m", "nbconvert", "--to", "notebook", "--execute", "--output", "executed.ipynb",
                        "--ExecutePreprocessor.timeout=180", notebook.getFileName().toString()),
                temp, ExternalTools.jupyterEnvironment(jupyterPath, temp), Duration.ofMinutes(5));
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();

        JsonObject executed = new Gson().fromJson(Files.readString(temp.resolve("executed.ipynb")), JsonObject.class);
        outputs = new ArrayList<>();
        for (JsonElement cell : executed.getAsJsonArray("cells")) {
            cell.getAsJsonObject().getAsJsonArray("outputs").forEach(output -> outputs.add(output.getAsJsonObject()));
        }
        deleteRecursively(temp);
    }

    @Test
    void noCellFails() {
        assertThat(outputs).noneSatisfy(output -> assertThat(output.get("output_type").getAsString()).isEqualTo("error"));
    }

    @Test
    void theLastExpressionIsSavedAsOut() {
        assertThat(dataOf("execute_result", "text/plain")).contains("42");
    }

    @Test
    void stdoutIsSavedAsAStream() {
        assertThat(outputs).anySatisfy(output -> {
            assertThat(output.get("output_type").getAsString()).isEqualTo("stream");
            assertThat(output.get("text").getAsString()).contains("hello from java");
        });
    }

    @Test
    void anUpdatedDisplayIsSavedInItsFinalState() {
        assertThat(dataOf("display_data", "text/html")).contains("<b>finished</b>").doesNotContain("<b>working</b>");
    }

    @Test
    void renderAsTheLastExpressionIsARichOut() {
        assertThat(dataOf("execute_result", "text/markdown")).contains("**rendered markdown**");
    }

    @Test
    void anImageIsSavedAsPng() {
        assertThat(dataOf("execute_result", "image/png")).singleElement().asString().isNotBlank();
    }

    @Test
    void displayDataPublishedThroughTheKernelInstanceIsSaved() {
        assertThat(dataOf("display_data", "text/html")).contains("<p>published through getKernelInstance</p>");
    }

    /** The {@code mime} payloads of all outputs of {@code outputType}, multi-line payloads joined. */
    private List<String> dataOf(String outputType, String mime) {
        List<String> payloads = new ArrayList<>();
        for (JsonObject output : outputs) {
            if (output.get("output_type").getAsString().equals(outputType) && output.has("data")
                    && output.getAsJsonObject("data").has(mime)) {
                JsonElement payload = output.getAsJsonObject("data").get(mime);
                payloads.add(payload.isJsonArray() ? joined(payload) : payload.getAsString());
            }
        }
        return payloads;
    }

    private static String joined(JsonElement lines) {
        StringBuilder text = new StringBuilder();
        lines.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
