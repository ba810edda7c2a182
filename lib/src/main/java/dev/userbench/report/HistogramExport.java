package dev.userbench.report;

import dev.userbench.bench.Measurement;
import dev.userbench.bench.RunResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The per-call latency histograms in HdrHistogram's own formats, for anyone's tools: one
 * {@code histograms.hlog} (a tagged interval log, nanoseconds) and one {@code .hgrm} percentile
 * distribution per measurement (microseconds), as HdrHistogram's plotter reads them.
 */
public final class HistogramExport {

    public static final String LOG_FILE = "histograms.hlog";
    public static final String FOLDER = "histograms";

    private HistogramExport() {
    }

    public static String tag(Measurement m) {
        return (m.layout() + "." + m.operation() + "." + m.variant()).replaceAll("[^A-Za-z0-9_.#-]", "_");
    }

    public static Path write(RunResult result, Path directory) throws IOException {
        Path folder = directory.resolve(FOLDER);
        Files.createDirectories(folder);
        Path log = folder.resolve(LOG_FILE);
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), false, java.nio.charset.StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(logStream);
            writer.outputComment("user-entity-bench per-call latencies in nanoseconds; tag = layout.operation.variant");
            writer.outputLogFormatVersion();
            writer.outputLegend();
            for (Measurement m : result.measurements()) {
                Histogram histogram = m.histogram().copy();
                histogram.setTag(tag(m));
                histogram.setStartTimeStamp(0);
                histogram.setEndTimeStamp(Math.max(1, (long) (m.totalSeconds() * 1000)));
                writer.outputIntervalHistogram(histogram);
                try (PrintStream hgrm = new PrintStream(Files.newOutputStream(folder.resolve(tag(m) + ".hgrm")), false,
                        java.nio.charset.StandardCharsets.UTF_8)) {
                    m.histogram().outputPercentileDistribution(hgrm, 5, 1000.0);
                }
            }
        }
        return log;
    }
}
