package dev.userbench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userbench.bench.Calibration;
import dev.userbench.bench.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code userbench calibrate} found on this machine, cited beside a run's verdicts when a calibration of the
 * same engine at the same URL exists: the verdicts are worth what the machine can tell apart.
 */
public final class CalibrationCitation {

    /** The file calibrate writes. */
    public static final String FILE = "calibration.json";

    private static final ObjectMapper READER = ResultsJson.mapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CalibrationCitation() {
    }

    /**
     * The newest calibration.json in {@code resultsRoot}'s folders (one level down) for the engine and URL of
     * {@code environment}; empty when there is none or it cannot be read.
     */
    public static Optional<Calibration> latest(Path resultsRoot, Environment environment) {
        if (environment == null || resultsRoot == null || !Files.isDirectory(resultsRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(resultsRoot)) {
            return folders.map(folder -> folder.resolve(FILE)).filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(CalibrationCitation::modified).reversed())
                    .map(CalibrationCitation::read).flatMap(Optional::stream)
                    .filter(c -> c.engine().equals(environment.engine()) && c.jdbcUrl().equals(environment.jdbcUrl()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The calibration in a sentence: false positives, the detectable effects, the planted difference. */
    public static String sentence(Calibration calibration) {
        int verdicts = calibration.aa().stream().mapToInt(Calibration.AaRow::comparisons).sum();
        int falsePositives = calibration.aa().stream().mapToInt(Calibration.AaRow::falsePositives).sum();
        List<String> effects = new ArrayList<>();
        for (Calibration.AaRow row : calibration.aa()) {
            effects.add(row.operation() + " · " + row.variant() + " " + statistic(row.statistic()) + " "
                    + String.format(Locale.ROOT, "%.2f×", row.minimumDetectableEffect()));
        }
        StringBuilder text = new StringBuilder("**What this machine can tell apart** (`userbench calibrate`, "
                + calibration.aaRuns() + " A/A runs of the monolith against itself at these settings: "
                + calibration.options().get("users") + " users, " + calibration.options().get("trials") + " trials × "
                + calibration.options().get("forks") + " forks): " + falsePositives + " of " + verdicts
                + " A/A verdicts said faster or slower, all of them wrongly. A difference is found four times in five "
                + "from about " + String.join(", ", effects) + "; smaller true differences mostly read "
                + "\"no significant difference\" here.");
        for (Calibration.PlantedRow row : calibration.planted()) {
            text.append(" The planted difference (").append(row.candidate()).append("'s extra index on ")
                    .append(row.operation()).append(" · ").append(row.variant()).append(") was found slower in ")
                    .append(row.detected()).append(" of ").append(row.comparisons()).append(" runs, median ratio ")
                    .append(String.format(Locale.ROOT, "%.2f×", row.medianRatio())).append('.');
        }
        return text.toString();
    }

    private static String statistic(String label) {
        return switch (label) {
            case "throughput" -> "throughput";
            case "median_latency" -> "median call";
            case "p99_latency" -> "p99 call";
            default -> label;
        };
    }

    private static Optional<Calibration> read(Path file) {
        try {
            return Optional.of(READER.readValue(file.toFile(), Calibration.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
