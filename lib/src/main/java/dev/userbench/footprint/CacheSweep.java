package dev.userbench.footprint;

import dev.userbench.schema.Layout;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a measurement per layout at each of a list of cache sizes. The cache is set once per size and
 * every layout is measured at it (so a server restart, where one is needed, happens once per size);
 * the original size is restored when the sweep ends, whether it succeeded or threw.
 */
public final class CacheSweep {

    /** What the sweep calls at each (cache size, layout). */
    @FunctionalInterface
    public interface Measurement<T> {
        /**
         * @param connection the connection to measure on, from {@link CacheControl#connection()}
         * @param cacheBytes the cache size in effect (results.json {@code cache_bytes})
         */
        T measure(Layout layout, long cacheBytes, Connection connection) throws Exception;
    }

    /**
     * One result of a sweep.
     *
     * @param requestedBytes the size asked for
     * @param cacheBytes     the size the engine used: write this as {@code cache_bytes}
     * @param adjustable     false when the engine's cache could not be resized (every point has the same size)
     */
    public record Point<T>(String layout, String setting, long requestedBytes, long cacheBytes, boolean adjustable,
                           T result) {
    }

    private CacheSweep() {
    }

    /**
     * Sweeps, then closes {@code control} (restoring the original size) in every case. When the
     * measurement throws, the sweep stops and rethrows after restoring; if restoring fails too, that
     * failure is added as suppressed.
     */
    public static <T> List<Point<T>> run(CacheControl control, List<Layout> layouts, List<Long> cacheBytes,
                                         Measurement<T> measurement) throws Exception {
        if (layouts.isEmpty() || cacheBytes.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one layout and one cache size");
        }
        List<Point<T>> points = new ArrayList<>();
        try (control) {
            for (long requested : cacheBytes) {
                long actual = control.apply(requested);
                for (Layout layout : layouts) {
                    T result = measurement.measure(layout, actual, control.connection());
                    points.add(new Point<>(layout.name(), control.setting(), requested, actual, control.adjustable(), result));
                }
            }
        }
        return List.copyOf(points);
    }
}
