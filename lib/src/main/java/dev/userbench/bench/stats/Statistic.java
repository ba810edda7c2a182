package dev.userbench.bench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * What a comparison compares. A write is judged by what it delivers, its throughput over a whole trial with the
 * commit included; a read by what one caller waits, its median call, and by the tail where the trials hold enough
 * calls for a 99th percentile to rest on more than a handful of them.
 */
public enum Statistic {
    /** Operations (rows) per second of a trial, the commit included: the ratio is candidate time per operation / baseline's. */
    THROUGHPUT("throughput"),
    /** The median per-call latency of the pooled calls of the trials. */
    MEDIAN_LATENCY("median_latency"),
    /** The 99th percentile per-call latency of the pooled calls of the trials. */
    P99_LATENCY("p99_latency");

    /** A p99 comparison needs this many calls in every trial: ten calls above the 99th percentile of each. */
    public static final long P99_MIN_CALLS_PER_TRIAL = 1_000;

    private final String label;

    Statistic(String label) {
        this.label = label;
    }

    /** The name in results.json and reports, e.g. {@code median_latency}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    /** The quantile of per-call latency this statistic takes, or NaN for throughput. */
    double quantile() {
        return switch (this) {
            case THROUGHPUT -> Double.NaN;
            case MEDIAN_LATENCY -> 0.5;
            case P99_LATENCY -> 0.99;
        };
    }

    /**
     * The statistics an operation is compared on: throughput for a write; the median call for a read, and its p99
     * when every trial holds at least {@link #P99_MIN_CALLS_PER_TRIAL} calls.
     */
    public static List<Statistic> forOperation(boolean writes, long fewestCallsInATrial) {
        if (writes) {
            return List.of(THROUGHPUT);
        }
        List<Statistic> statistics = new ArrayList<>(List.of(MEDIAN_LATENCY));
        if (fewestCallsInATrial >= P99_MIN_CALLS_PER_TRIAL) {
            statistics.add(P99_LATENCY);
        }
        return List.copyOf(statistics);
    }

    /** The statistic whose {@link #label()} is {@code label}. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Statistic fromLabel(String label) {
        for (Statistic s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown statistic: " + label);
    }
}
