package dev.userbench.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.bench.stats.LatencySummary;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured operation on one layout, merged over its trials (of every fork): how many operations, how long in
 * all, and the per-call latency distribution in microseconds, where a call is a {@code callUnit} (a call, a row, or
 * a whole batch on a batched path). {@code totalSeconds} is the measured time of all trials together;
 * {@code trialSeconds} has each trial's. {@code threads}, {@code distribution} and {@code users} say under what load
 * it was measured: client threads, how users were picked, and how many users the layout held.
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
        long calls,
        String callUnit,
        int forks,
        int threads,
        String distribution,
        long users,
        @JsonIgnore Histogram histogram,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long cacheBytes,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double shardsTouched,
        @JsonInclude(JsonInclude.Include.NON_NULL) String access,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mapping,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double statementsPerOp,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double rowsPerOp,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double bytesPerOp) {

    public Measurement {
        trialSeconds = List.copyOf(trialSeconds);
    }

    /** A measurement on one server (no shards), with no access path, statement count or allocation recorded. */
    public Measurement(String layout, String operation, String variant, int trials, long ops, double totalSeconds,
                       List<Double> trialSeconds, double meanUs, double p50Us, double p90Us, double p95Us, double p99Us,
                       double p999Us, double maxUs, double stdevUs, double opsPerS, long calls, String callUnit, int forks,
                       int threads, String distribution, long users, Histogram histogram, Long cacheBytes) {
        this(layout, operation, variant, trials, ops, totalSeconds, trialSeconds, meanUs, p50Us, p90Us, p95Us, p99Us,
                p999Us, maxUs, stdevUs, opsPerS, calls, callUnit, forks, threads, distribution, users, histogram,
                cacheBytes, null, null, null, null, null, null);
    }

    /**
     * The same measurement with the mean number of shards one operation touched on a sharded layout, counted by the
     * shards themselves in an untimed pass.
     */
    public Measurement withShardsTouched(Double shards) {
        return new Measurement(layout, operation, variant, trials, ops, totalSeconds, trialSeconds, meanUs, p50Us, p90Us,
                p95Us, p99Us, p999Us, maxUs, stdevUs, opsPerS, calls, callUnit, forks, threads, distribution, users,
                histogram, cacheBytes, shards, access, mapping, statementsPerOp, rowsPerOp, bytesPerOp);
    }

    /** A single-client measurement of one call unit whose load is not known here (1 thread, distribution and users unknown). */
    public static Measurement of(String layout, String operation, String variant, List<LatencyRecorder> trials) {
        Histogram merged = new Histogram(3);
        long wall = 0;
        long ops = 0;
        List<Double> seconds = new ArrayList<>();
        for (LatencyRecorder trial : trials) {
            merged.add(trial.histogram());
            wall += trial.wallNanos();
            ops += trial.ops();
            seconds.add(trial.wallNanos() / 1e9);
        }
        return of(layout, operation, variant, 1, "unknown", 0, null, "call", 1, ops, wall, seconds, merged);
    }

    /** The trials of one arm of one benchmark at one load, from every fork, merged. */
    public static Measurement of(List<Trial> trials) {
        Trial first = trials.get(0);
        Histogram merged = new Histogram(3);
        long wall = 0;
        long ops = 0;
        List<Double> seconds = new ArrayList<>();
        for (Trial trial : trials) {
            merged.add(trial.latencies());
            wall += trial.nanos();
            ops += trial.ops();
            seconds.add(trial.nanos() / 1e9);
        }
        int forks = (int) trials.stream().mapToInt(Trial::fork).distinct().count();
        Measurement figures = of(first.layout(), first.operation(), first.variant(), first.threads(),
                first.distribution(), first.users(), first.cacheBytes(), first.callUnit(), forks, ops, wall, seconds,
                merged);
        return figures.withArm(first.access(), first.mapping(), first.statementsPerOp(), first.rowsPerOp(),
                bytesPerOp(trials, ops));
    }

    /**
     * Heap per operation: the arm's untimed heap pass, the mean over the trials (each fork counts its own), or in
     * results written before that pass the heap the trials' timed calls allocated over their operations; null when
     * not counted.
     */
    private static Double bytesPerOp(List<Trial> trials, long ops) {
        if (trials.stream().allMatch(t -> t.bytesPerOp() != null)) {
            return trials.stream().mapToDouble(Trial::bytesPerOp).average().orElseThrow();
        }
        boolean allocationCounted = trials.stream().allMatch(t -> t.allocatedBytes() != null);
        return allocationCounted && ops > 0
                ? trials.stream().mapToLong(Trial::allocatedBytes).sum() / (double) ops : null;
    }

    /** The same measurement with its access path, counts per operation and heap allocated per operation. */
    public Measurement withArm(String access, String mapping, Double statementsPerOp, Double rowsPerOp,
                               Double bytesPerOp) {
        return new Measurement(layout, operation, variant, trials, ops, totalSeconds, trialSeconds, meanUs, p50Us, p90Us,
                p95Us, p99Us, p999Us, maxUs, stdevUs, opsPerS, calls, callUnit, forks, threads, distribution, users,
                histogram, cacheBytes, shardsTouched, access, mapping, statementsPerOp, rowsPerOp, bytesPerOp);
    }

    private static Measurement of(String layout, String operation, String variant, int threads, String distribution,
                                  long users, Long cacheBytes, String callUnit, int forks, long ops, long wallNanos,
                                  List<Double> trialSeconds, Histogram merged) {
        double totalSeconds = wallNanos / 1e9;
        double wall = totalSeconds > 0 ? totalSeconds : Double.MIN_VALUE;
        LatencySummary s = LatencySummary.of(merged, wall);
        return new Measurement(layout, operation, variant, trialSeconds.size(), ops, totalSeconds, trialSeconds,
                s.mean(), s.p50(), s.p90(), s.p95(), s.p99(), s.p999(), s.max(), s.stdev(), ops / wall,
                merged.getTotalCount(), callUnit, forks, threads, distribution, users, merged, cacheBytes);
    }

    /** The same measurement, marked as taken with the engine's cache at {@code bytes} (a cache sweep). */
    public Measurement withCacheBytes(long bytes) {
        return new Measurement(layout, operation, variant, trials, ops, totalSeconds, trialSeconds, meanUs, p50Us, p90Us,
                p95Us, p99Us, p999Us, maxUs, stdevUs, opsPerS, calls, callUnit, forks, threads, distribution, users,
                histogram, bytes, shardsTouched, access, mapping, statementsPerOp, rowsPerOp, bytesPerOp);
    }
}
