package dev.userbench.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading notebooks (nbformat 4) for the checks: cells, their text and their outputs. */
final class NotebookFiles {

    /** The project folder; Maven passes it, an IDE run from notebooks/ falls back to the parent folder. */
    static Path projectRoot() {
        return Path.of(System.getProperty("userbench.home", "..")).toAbsolutePath().normalize();
    }

    static Path committedNotebook() {
        return projectRoot().resolve("notebooks/user-entity-benchmark.ipynb");
    }

    static JsonNode read(Path notebook) throws IOException {
        return new ObjectMapper().readTree(notebook.toFile());
    }

    static List<JsonNode> cells(JsonNode notebook, String type) {
        List<JsonNode> cells = new ArrayList<>();
        notebook.path("cells").forEach(cell -> {
            if (cell.path("cell_type").asText().equals(type)) {
                cells.add(cell);
            }
        });
        return cells;
    }

    /** nbformat stores text as one string or a list of lines. */
    static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(line -> joined.append(line.asText()));
            return joined.toString();
        }
        return node.asText("");
    }

    static String source(JsonNode cell) {
        return text(cell.path("source"));
    }

    /** Every output of every code cell, in order. */
    static List<JsonNode> outputs(JsonNode notebook) {
        List<JsonNode> outputs = new ArrayList<>();
        cells(notebook, "code").forEach(cell -> cell.path("outputs").forEach(outputs::add));
        return outputs;
    }

    /** The {@code mime} payloads of display_data and execute_result outputs. */
    static List<String> payloads(JsonNode notebook, String mime) {
        List<String> payloads = new ArrayList<>();
        for (JsonNode output : outputs(notebook)) {
            if (output.path("data").has(mime)) {
                payloads.add(text(output.path("data").path(mime)));
            }
        }
        return payloads;
    }

    private NotebookFiles() {
    }
}
