package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An executed notebook as nbconvert saved it: which cells failed (an error output or text on stderr) and how long
 * each code cell took (nbclient records when a cell started and replied in its metadata).
 */
final class ExecutedNotebook {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    /** A code cell's position (1-based among all cells), its first source line and its outputs. */
    record CodeCell(int number, String firstLine, JsonNode outputs, Optional<Duration> took) {
        String name() {
            return "cell " + number + " (" + firstLine + ")";
        }
    }

    /** Something a cell reported that means it went wrong. */
    record Problem(CodeCell cell, String description) {
        String oneLine() {
            return cell.name() + ": " + description;
        }
    }

    private final List<CodeCell> cells;

    private ExecutedNotebook(List<CodeCell> cells) {
        this.cells = List.copyOf(cells);
    }

    static ExecutedNotebook read(Path file) throws IOException {
        JsonNode notebook = new ObjectMapper().readTree(file.toFile());
        List<CodeCell> cells = new ArrayList<>();
        int number = 0;
        for (JsonNode cell : notebook.path("cells")) {
            number++;
            if (cell.path("cell_type").asText().equals("code")) {
                cells.add(new CodeCell(number, firstLine(text(cell.path("source"))), cell.path("outputs"), took(cell)));
            }
        }
        return new ExecutedNotebook(cells);
    }

    /** Every error output and every stderr stream, in notebook order. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (CodeCell cell : cells) {
            for (JsonNode output : cell.outputs()) {
                String type = output.path("output_type").asText();
                if (type.equals("error")) {
                    problems.add(new Problem(cell, errorText(output)));
                } else if (type.equals("stream") && output.path("name").asText().equals("stderr")) {
                    problems.add(new Problem(cell, "wrote to stderr: " + firstLine(text(output.path("text")))));
                }
            }
        }
        return problems;
    }

    /** The code cells that took longest, slowest first. */
    List<CodeCell> slowest(int count) {
        return cells.stream().filter(c -> c.took().isPresent())
                .sorted(Comparator.comparing((CodeCell c) -> c.took().orElseThrow()).reversed())
                .limit(count).toList();
    }

    /** The sum of the code cells' own times (start of execution to the kernel's reply). */
    Duration cellTime() {
        return cells.stream().map(c -> c.took().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    int codeCells() {
        return cells.size();
    }

    /** {@code ename: evalue}, or for a compile error (empty evalue) the javac message from the traceback. */
    private static String errorText(JsonNode error) {
        String name = error.path("ename").asText("error");
        String value = error.path("evalue").asText("");
        if (value.isBlank()) {
            List<String> lines = new ArrayList<>();
            error.path("traceback").forEach(line -> ANSI.matcher(line.asText()).replaceAll("").lines()
                    .filter(l -> !l.isBlank()).forEach(lines::add));
            value = String.join(" | ", lines.stream().limit(3).map(String::strip).toList());
        }
        return name + ": " + ANSI.matcher(value).replaceAll("").strip().replace('\n', ' ');
    }

    private static Optional<Duration> took(JsonNode cell) {
        JsonNode execution = cell.path("metadata").path("execution");
        String started = execution.path("iopub.execute_input").asText("");
        String replied = execution.path("shell.execute_reply").asText("");
        if (started.isEmpty() || replied.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(OffsetDateTime.parse(started), OffsetDateTime.parse(replied)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** nbformat stores text as one string or as a list of lines. */
    private static String text(JsonNode source) {
        if (source.isArray()) {
            StringBuilder joined = new StringBuilder();
            source.forEach(line -> joined.append(line.asText()));
            return joined.toString();
        }
        return source.asText("");
    }

    private static String firstLine(String text) {
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("empty");
        return line.length() > 70 ? line.substring(0, 67) + "..." : line;
    }
}
