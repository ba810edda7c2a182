package dev.userbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.userbench.bench.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** results.json: the run's contract with the notebook, later tools and outside checks (snake_case names). */
public final class ResultsJson {

    public static final String FILE = "results.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ResultsJson() {
    }

    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (IOException e) {
            throw new IllegalStateException("results could not be written as JSON", e);
        }
    }

    public static Path write(RunResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        Files.writeString(file, toJson(result) + "\n");
        return file;
    }

    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
