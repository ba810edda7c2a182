package dev.userbench.bench.stats;

import org.HdrHistogram.Histogram;

/**
 * Summary of one arm's per-call latencies for one operation. Latency fields are in
 * <b>microseconds</b>; the histogram they come from records <b>nanoseconds</b>.
 *
 * <p>Percentiles are HdrHistogram's: the highest value equivalent to the recorded value at that
 * percentile, so they carry the histogram's precision (3 significant digits with
 * {@code new Histogram(3)}). Mean and standard deviation are over all recorded calls, the standard
 * deviation being the population one.
 *
 * @param ops     number of calls recorded
 * @param p50     median latency, µs
 * @param p90     90th percentile, µs
 * @param p95     95th percentile, µs
 * @param p99     99th percentile, µs
 * @param p999    99.9th percentile, µs
 * @param max     largest latency, µs
 * @param mean    arithmetic mean, µs
 * @param stdev   population standard deviation, µs
 * @param opsPerS throughput: {@code ops} divided by the measured wall-clock seconds
 */
public record LatencySummary(
        long ops,
        double p50,
        double p90,
        double p95,
        double p99,
        double p999,
        double max,
        double mean,
        double stdev,
        double opsPerS) {

    private static final double NANOS_PER_MICRO = 1_000.0;

    /**
     * Summarises a histogram of per-call latencies.
     *
     * @param latenciesNanos per-call latencies in nanoseconds; may be empty (all fields then 0)
     * @param wallSeconds    wall-clock time over which the calls ran, positive and finite
     */
    public static LatencySummary of(Histogram latenciesNanos, double wallSeconds) {
        if (latenciesNanos == null) {
            throw new IllegalArgumentException("histogram must not be null");
        }
        if (!(wallSeconds > 0) || Double.isInfinite(wallSeconds)) {
            throw new IllegalArgumentException("wallSeconds must be positive and finite, got " + wallSeconds);
        }
        long ops = latenciesNanos.getTotalCount();
        if (ops == 0) {
            // HdrHistogram answers 0 for empty percentiles but NaN-prone arithmetic elsewhere; be explicit
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                ops,
                micros(latenciesNanos.getValueAtPercentile(50.0)),
                micros(latenciesNanos.getValueAtPercentile(90.0)),
                micros(latenciesNanos.getValueAtPercentile(95.0)),
                micros(latenciesNanos.getValueAtPercentile(99.0)),
                micros(latenciesNanos.getValueAtPercentile(99.9)),
                micros(latenciesNanos.getMaxValue()),
                latenciesNanos.getMean() / NANOS_PER_MICRO,
                latenciesNanos.getStdDeviation() / NANOS_PER_MICRO,
                ops / wallSeconds);
    }

    private static double micros(long nanos) {
        return nanos / NANOS_PER_MICRO;
    }
}
