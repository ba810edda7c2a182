package dev.userbench.bench.stats;

import org.HdrHistogram.Histogram;

/**
 * What one trial of one arm measured: the operations (rows) it completed, the time they took with the commit
 * included, and the latency of each timed call. A call is whatever was timed as one: a row, an operation, or a whole
 * batch of rows on a batched path, so {@code calls.getTotalCount()} may be fewer than {@code ops}.
 *
 * @param ops   operations or rows completed, at least 1
 * @param nanos measured time of the trial, at least 1
 * @param calls per-call latencies in nanoseconds
 */
public record TrialSample(long ops, long nanos, Histogram calls) {

    public TrialSample {
        if (ops < 1) {
            throw new IllegalArgumentException("a trial must complete at least one operation, got " + ops);
        }
        if (nanos < 1) {
            throw new IllegalArgumentException("a trial must take time, got " + nanos + " ns");
        }
        if (calls == null) {
            throw new IllegalArgumentException("a trial needs its call histogram");
        }
    }
}
