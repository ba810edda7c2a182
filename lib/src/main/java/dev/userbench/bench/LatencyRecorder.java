package dev.userbench.bench;

import dev.userbench.bench.stats.SampleSet;
import org.HdrHistogram.Histogram;

/**
 * Per-call latencies of one trial of one arm, in nanoseconds: into the trial's histogram and, as raw
 * samples, into the arm's {@link SampleSet} for the bootstrap. Also sums the trial's measured wall time.
 * A batch of rows is one sample (its time per row), counted as its rows in the histogram: the batch is
 * what was timed, so it is the unit the statistics resample.
 */
public final class LatencyRecorder {

    private final Histogram histogram = new Histogram(3);
    private final SampleSet samples;
    private final int trial;
    private long wallNanos;

    public LatencyRecorder(SampleSet samples, int trial) {
        this.samples = samples;
        this.trial = trial;
    }

    /** A recorder that keeps only the histogram, for warm-up. */
    public static LatencyRecorder discarding() {
        return new LatencyRecorder(null, 0);
    }

    public void record(long nanos) {
        long value = Math.max(1, nanos);
        histogram.recordValue(value);
        if (samples != null) {
            samples.record(trial, value);
        }
    }

    public void record(long nanos, long calls) {
        if (calls <= 0) {
            return;
        }
        long perCall = Math.max(1, nanos / calls);
        histogram.recordValueWithCount(perCall, calls);
        if (samples != null) {
            samples.record(trial, perCall);
        }
    }

    /**
     * A recorder of the same trial for one client thread of a concurrent benchmark: SampleSet and
     * Histogram are not thread-safe, so each thread records into its own and {@link #absorb} merges.
     *
     * @param thread the thread's number, which seeds its reservoir so a run is reproducible
     */
    public LatencyRecorder forThread(int thread) {
        SampleSet own = samples == null ? null
                : new SampleSet(samples.capPerTrial(), 0x7F4A7C15L * (trial + 1) + thread);
        return new LatencyRecorder(own, trial);
    }

    /**
     * Adds every call another recorder (one thread's) holds: its histogram and its samples. Its wall
     * time is not added: threads overlap, so the caller adds the wall time they took together.
     */
    public void absorb(LatencyRecorder other) {
        histogram.add(other.histogram);
        if (samples != null && other.samples != null) {
            samples.merge(other.samples);
        }
    }

    /** The trial this recorder belongs to (0 for warm-up). */
    public int trial() {
        return trial;
    }

    /** False for a warm-up recorder, whose calls feed no statistics. */
    public boolean measured() {
        return samples != null;
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
