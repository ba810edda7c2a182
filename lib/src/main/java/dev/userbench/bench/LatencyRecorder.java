package dev.userbench.bench;

import org.HdrHistogram.Histogram;

/**
 * Per-call latencies of one measured phase, in nanoseconds, and the wall time of that phase.
 * A batch of rows is recorded as its time divided among its rows, with the rows as the count.
 */
public final class LatencyRecorder {

    private final Histogram histogram = new Histogram(3);
    private long wallNanos;

    public void record(long nanos) {
        histogram.recordValue(Math.max(1, nanos));
    }

    public void record(long nanos, long calls) {
        if (calls > 0) {
            histogram.recordValueWithCount(Math.max(1, nanos / calls), calls);
        }
    }

    public void addWall(long nanos) {
        wallNanos += nanos;
    }

    public Histogram histogram() {
        return histogram;
    }

    public long wallNanos() {
        return wallNanos;
    }
}
