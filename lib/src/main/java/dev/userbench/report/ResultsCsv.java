package dev.userbench.report;

import dev.userbench.bench.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** results.csv: the measurements table, one row per (layout, operation, variant). */
public final class ResultsCsv {

    public static final String FILE = "results.csv";

    private ResultsCsv() {
    }

    public static Path write(RunResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        ResultTables.measurements(result).write().csv(file.toFile());
        return file;
    }
}
