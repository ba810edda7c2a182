package dev.userbench.footprint;

import java.util.Objects;

/**
 * Pages a workload touched in the engine's own cache, per layout: written to results.json as an
 * element of the {@code working_set} list ({@code layout, workload, pages_hit, pages_read} per
 * operation, i.e. {@link #pagesHitPerOperation()} and {@link #pagesReadPerOperation()}).
 *
 * @param layout     the layout's name
 * @param workload   what ran, e.g. {@code login/projected}
 * @param operations how many calls the workload made (logins, inserts...), at least 1
 * @param pagesHit   page requests the engine's cache served, in total; {@code null} when the engine
 *                   exposes no such counter (SQLite)
 * @param pagesRead  pages the engine had to read into its cache, in total
 * @param counter    which counter the figures come from, for people reading the results
 */
public record WorkingSet(String layout, String workload, long operations, Long pagesHit, long pagesRead,
                         String counter) {

    public WorkingSet {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(counter, "counter");
        if (operations < 1) {
            throw new IllegalArgumentException("a workload makes at least one call, got " + operations);
        }
    }

    /** Pages served from cache per call, or {@code null} when the engine does not count them. */
    public Double pagesHitPerOperation() {
        return pagesHit == null ? null : pagesHit / (double) operations;
    }

    public double pagesReadPerOperation() {
        return pagesRead / (double) operations;
    }

    /** Every page the workload touched per call (hits plus reads); reads alone when hits are unknown. */
    public double pagesTouchedPerOperation() {
        return ((pagesHit == null ? 0 : pagesHit) + pagesRead) / (double) operations;
    }
}
