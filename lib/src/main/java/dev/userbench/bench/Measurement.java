package dev.userbench.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.HdrHistogram.Histogram;

/**
 * One measured operation on one layout: how many calls, how long in all, and the per-call latency
 * distribution in microseconds. The histogram itself travels with it for merging and export.
 */
public record Measurement(
        String layout,
        String operation,
        String variant,
        long ops,
        double totalSeconds,
        double meanUs,
        double p50Us,
        double p95Us,
        double p99Us,
        double maxUs,
        double opsPerS,
        @JsonIgnore Histogram histogram) {

    public static Measurement of(String layout, String operation, String variant, LatencyRecorder recorder) {
        Histogram h = recorder.histogram();
        double seconds = recorder.wallNanos() / 1e9;
        return new Measurement(layout, operation, variant, h.getTotalCount(), seconds,
                h.getMean() / 1e3, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3,
                seconds > 0 ? h.getTotalCount() / seconds : 0, h);
    }
}
