package dev.userbench.footprint;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a measurement at each of a list of cache sizes, measuring only what it says it measures: each size is
 * applied, then read back from the engine, and measured only when the engine's size is one not measured yet
 * (engines round: InnoDB to its allocation unit, SQLite to whole pages, PostgreSQL to 8 kB buffers, each with a
 * floor). A size that rounds onto one already measured, or that the engine refuses, is reported as skipped, with
 * the reason. A cache this run
 * cannot resize ({@link CacheControl#adjustable()} false) is measured at no size at all: the result says
 * {@link #FIXED}. The original size is restored when the sweep ends, whether it succeeded or threw.
 */
public final class CacheSweep {

    /** The cache was resized to each distinct size. */
    public static final String SWEPT = "swept";
    /** The cache could not be resized here (e.g. shared_buffers on a server the tool did not start). */
    public static final String FIXED = "fixed";

    /** What the sweep calls at each distinct, verified cache size. */
    @FunctionalInterface
    public interface Measurement<T> {
        /**
         * @param cacheBytes the cache size in effect, as the engine reports it (results.json {@code cache_bytes})
         * @param connection the control's measuring connection, from {@link CacheControl#connection()}
         */
        T measure(long cacheBytes, Connection connection) throws Exception;
    }

    /**
     * One measured size.
     *
     * @param requestedBytes the size asked for
     * @param cacheBytes     the size the engine reported back before the measurement
     */
    public record Point<T>(long requestedBytes, long cacheBytes, T result) {
    }

    /** A size asked for and not measured, and why. */
    public record Skipped(long requestedBytes, long cacheBytes, String reason) {
    }

    /** What a sweep did: {@link #SWEPT} or {@link #FIXED}, the size found and restored, the points and the skipped sizes. */
    public record Result<T>(String status, String setting, long originalBytes, List<Point<T>> points,
                            List<Skipped> skipped) {
        public Result {
            points = List.copyOf(points);
            skipped = List.copyOf(skipped);
        }

        public boolean adjustable() {
            return SWEPT.equals(status);
        }
    }

    private CacheSweep() {
    }

    /**
     * Sweeps, then closes {@code control} (restoring the original size) in every case. When the measurement
     * throws, the sweep stops and rethrows after restoring; if restoring fails too, that failure is added as
     * suppressed.
     */
    public static <T> Result<T> run(CacheControl control, List<Long> cacheBytes, Measurement<T> measurement)
            throws Exception {
        if (cacheBytes.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one cache size");
        }
        List<Point<T>> points = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (control) {
            long original = control.currentBytes();
            if (!control.adjustable()) {
                for (long requested : cacheBytes) {
                    skipped.add(new Skipped(requested, original, control.setting() + " is fixed at "
                            + mib(original) + " for this run"));
                }
                return new Result<>(FIXED, control.setting(), original, points, skipped);
            }
            Set<Long> measured = new LinkedHashSet<>();
            for (long requested : cacheBytes) {
                long applied;
                try {
                    applied = control.apply(requested);
                } catch (CacheControl.SizeRefused refused) {
                    skipped.add(new Skipped(requested, control.currentBytes(), refused.getMessage()));
                    continue;
                }
                long verified = control.currentBytes();
                if (verified != applied) {
                    throw new IllegalStateException(control.setting() + " reads back as " + verified
                            + " bytes right after being set to " + applied + ": the engine did not keep the size");
                }
                if (!measured.add(verified)) {
                    skipped.add(new Skipped(requested, verified, "asked for " + mib(requested) + ", the engine made it "
                            + mib(verified) + ", a size already measured"));
                    continue;
                }
                points.add(new Point<>(requested, verified, measurement.measure(verified, control.connection())));
            }
            return new Result<>(SWEPT, control.setting(), original, points, skipped);
        }
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
