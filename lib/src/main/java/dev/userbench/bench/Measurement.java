package dev.userbench.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.bench.stats.LatencySummary;
import org.HdrHistogram.Histogram;

import java.util.List;

/**
 * One measured operation on one layout, merged over its trials: how many calls, how long in all,
 * and the per-call latency distribution in microseconds. {@code totalSeconds} is the measured time
 * of all trials together; {@code trialSeconds} has each trial's. {@code threads}, {@code distribution}
 * and {@code users} say under what load it was measured: client threads, how users were picked, and
 * how many users the layout held.
 */
public record Measurement(
        String layout,
        String operation,
        String variant,
        int trials,
        long ops,
        double totalSeconds,
        List<Double> trialSeconds,
        double meanUs,
        double p50Us,
        double p90Us,
        double p95Us,
        double p99Us,
        double p999Us,
        double maxUs,
        double stdevUs,
        double opsPerS,
        int threads,
        String distribution,
        long users,
        @JsonIgnore Histogram histogram,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long cacheBytes) {

    public Measurement {
        trialSeconds = List.copyOf(trialSeconds);
    }

    /** A single-client measurement whose load is not known here (1 thread, distribution and users unknown). */
    public static Measurement of(String layout, String operation, String variant, List<LatencyRecorder> trials) {
        return of(layout, operation, variant, 1, "unknown", 0, trials);
    }

    public static Measurement of(String layout, String operation, String variant, int threads, String distribution,
                                 long users, List<LatencyRecorder> trials) {
        Histogram merged = new Histogram(3);
        long wall = 0;
        List<Double> seconds = new java.util.ArrayList<>();
        for (LatencyRecorder trial : trials) {
            merged.add(trial.histogram());
            wall += trial.wallNanos();
            seconds.add(trial.wallNanos() / 1e9);
        }
        double totalSeconds = wall / 1e9;
        LatencySummary s = LatencySummary.of(merged, totalSeconds > 0 ? totalSeconds : Double.MIN_VALUE);
        return new Measurement(layout, operation, variant, trials.size(), s.ops(), totalSeconds, seconds,
                s.mean(), s.p50(), s.p90(), s.p95(), s.p99(), s.p999(), s.max(), s.stdev(), s.opsPerS(), threads, distribution, users,
                merged, null);
    }

    /** The same measurement, marked as taken with the engine's cache at {@code bytes} (a cache sweep). */
    public Measurement withCacheBytes(long bytes) {
        return new Measurement(layout, operation, variant, trials, ops, totalSeconds, trialSeconds, meanUs, p50Us, p90Us,
                p95Us, p99Us, p999Us, maxUs, stdevUs, opsPerS, threads, distribution, users, histogram, bytes);
    }
}
