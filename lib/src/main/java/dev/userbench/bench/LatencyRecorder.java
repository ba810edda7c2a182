package dev.userbench.bench;

import org.HdrHistogram.Histogram;

/**
 * What one trial of one arm measured: the latency of every timed call, in nanoseconds, the operations (rows) done,
 * and the trial's measured wall time. A call is what was timed as one: a row or an operation on a row-at-a-time
 * path, a whole batch on a batched path ({@link #recordBatch}); the histogram holds calls, never a batch's mean
 * posing as its rows.
 */
public final class LatencyRecorder {

    private final Histogram histogram = new Histogram(3);
    private final int trial;
    private final boolean measured;
    private long ops;
    private long wallNanos;

    private LatencyRecorder(int trial, boolean measured) {
        this.trial = trial;
        this.measured = measured;
    }

    /** A recorder for measured trial {@code trial} (0-based). */
    public static LatencyRecorder forTrial(int trial) {
        return new LatencyRecorder(trial, true);
    }

    /** A recorder for warm-up, whose calls feed no statistics. */
    public static LatencyRecorder discarding() {
        return new LatencyRecorder(0, false);
    }

    /** One call that did one operation. */
    public void record(long nanos) {
        histogram.recordValue(Math.max(1, nanos));
        ops++;
    }

    /** One call (a batch) that did {@code rows} operations: one latency, {@code rows} operations. */
    public void recordBatch(long nanos, long rows) {
        if (rows <= 0) {
            return;
        }
        histogram.recordValue(Math.max(1, nanos));
        ops += rows;
    }

    /**
     * A recorder of the same trial for one client thread of a concurrent benchmark: a Histogram is not
     * thread-safe, so each thread records into its own and {@link #absorb} merges.
     */
    public LatencyRecorder forThread(int thread) {
        return new LatencyRecorder(trial, measured);
    }

    /**
     * Adds every call another recorder (one thread's) holds. Its wall time is not added: threads overlap, so the
     * caller adds the wall time they took together.
     */
    public void absorb(LatencyRecorder other) {
        histogram.add(other.histogram);
        ops += other.ops;
    }

    /** The trial this recorder belongs to (0 for warm-up). */
    public int trial() {
        return trial;
    }

    /** False for a warm-up recorder. */
    public boolean measured() {
        return measured;
    }

    public void addWall(long nanos) {
        wallNanos += nanos;
    }

    public Histogram histogram() {
        return histogram;
    }

    /** Operations (rows) done: calls, or the rows of the batches. */
    public long ops() {
        return ops;
    }

    public long wallNanos() {
        return wallNanos;
    }
}
