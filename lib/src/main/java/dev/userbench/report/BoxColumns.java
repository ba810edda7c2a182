package dev.userbench.report;

import java.util.List;
import java.util.Objects;

/**
 * Which percentile columns draw a latency box: whiskers from {@code lowWhisker} to {@code highWhisker}, the box
 * from {@code boxLow} to {@code boxHigh}, a line at {@code median}. Built from recorded percentiles (e.g. an
 * HdrHistogram summary), not raw samples.
 */
public record BoxColumns(String lowWhisker, String boxLow, String median, String boxHigh, String highWhisker) {
    public BoxColumns {
        Objects.requireNonNull(lowWhisker, "lowWhisker");
        Objects.requireNonNull(boxLow, "boxLow");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(boxHigh, "boxHigh");
        Objects.requireNonNull(highWhisker, "highWhisker");
    }

    public static BoxColumns of(String lowWhisker, String boxLow, String median, String boxHigh, String highWhisker) {
        return new BoxColumns(lowWhisker, boxLow, median, boxHigh, highWhisker);
    }

    List<String> inOrder() {
        return List.of(lowWhisker, boxLow, median, boxHigh, highWhisker);
    }
}
