package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.bench.stats.Statistic;
import dev.userbench.bench.stats.Verdict;

/**
 * A comparison in words: which statistic, the ratio, the interval at the level it was actually read at, and the
 * verdict, never more than the verdict says. Every sentence of {@link Findings} that speaks of a comparison goes
 * through here, and through {@link #checked}, so a verdict that contradicts its own interval is never printed.
 */
public final class ComparisonProse {

    private ComparisonProse() {
    }

    /** How a sentence names a statistic: {@code throughput}, {@code median call}, {@code p99 call}. */
    public static String name(Statistic statistic) {
        return switch (statistic) {
            case THROUGHPUT -> "throughput";
            case MEDIAN_LATENCY -> "median call";
            case P99_LATENCY -> "p99 call";
        };
    }

    /**
     * The comparison, unchanged, when its verdict is the one its interval allows whatever the threshold: faster or
     * slower only for an interval wholly on that side of 1, negligible only for one that excludes 1, no significant
     * difference only for one that holds 1.
     *
     * @throws IllegalStateException when they contradict (a results.json edited by hand, or a bug)
     */
    public static Harness.ComparisonResult checked(Harness.ComparisonResult c) {
        boolean holdsOne = c.ciLow() <= 1 && 1 <= c.ciHigh();
        boolean consistent = switch (c.verdict()) {
            case FASTER -> c.ciHigh() < 1;
            case SLOWER -> c.ciLow() > 1;
            case NEGLIGIBLE -> !holdsOne;
            case NO_SIGNIFICANT_DIFFERENCE -> holdsOne;
        };
        if (!consistent) {
            throw new IllegalStateException("the comparison " + c.operation() + "/" + c.variant() + " of "
                    + c.candidate() + " against " + c.baseline() + " says \"" + c.verdict().label()
                    + "\" but its interval is " + Prose.interval(c.ciLow(), c.ciHigh())
                    + "; run the benchmark again rather than edit results.json");
        }
        return c;
    }

    /**
     * {@code insert · seed} (with the cache size in a sweep): what was compared; the sentence after it names the
     * statistic ({@link #estimate}).
     */
    public static String label(Harness.ComparisonResult c) {
        return c.operation() + " · " + c.variant()
                + (c.cacheBytes() == null ? "" : ", at a " + Prose.mebibytes(c.cacheBytes()) + " cache");
    }

    /** {@code insert · seed, throughput}: what was compared and on which statistic, for a list. */
    public static String labelWithStatistic(Harness.ComparisonResult c) {
        return label(c) + ", " + name(c.statistic());
    }

    /** {@code 99.2 % interval 0.84–2.37}. */
    public static String interval(Harness.ComparisonResult c) {
        return Prose.level(c.confidence()) + " interval " + Prose.interval(c.ciLow(), c.ciHigh());
    }

    /**
     * The ratio as what it measures: {@code by throughput, fragmented takes 2.02× monolith's time per operation}, or
     * {@code fragmented's median call takes 0.45× the time of monolith's}.
     */
    public static String estimate(Harness.ComparisonResult c) {
        return switch (c.statistic()) {
            case THROUGHPUT -> "by throughput, " + c.candidate() + " takes " + Prose.times(c.ratio()) + " "
                    + c.baseline() + "'s time per operation";
            case MEDIAN_LATENCY, P99_LATENCY -> c.candidate() + "'s " + name(c.statistic()) + " takes "
                    + Prose.times(c.ratio()) + " the time of " + c.baseline() + "'s";
        };
    }

    /**
     * The verdict and what it allows one to say: {@code **faster**, 55 % less time}; {@code **no significant
     * difference**: the interval holds 1, so this run does not show which is quicker}.
     */
    public static String verdict(Harness.ComparisonResult c, double threshold) {
        return switch (checked(c).verdict()) {
            case FASTER -> "**faster**, " + Prose.change(c.ratio());
            case SLOWER -> "**slower**, " + Prose.change(c.ratio());
            case NO_SIGNIFICANT_DIFFERENCE -> "**no significant difference**: the interval holds 1, so this run does "
                    + "not show which is quicker";
            case NEGLIGIBLE -> "**negligible**: the interval excludes 1 but lies within ±" + Prose.percent(threshold);
        };
    }

    /** The full sentence: {@code estimate (interval): verdict}. */
    public static String sentence(Harness.ComparisonResult c, double threshold) {
        return estimate(checked(c)) + " (" + interval(c) + "): " + verdict(c, threshold);
    }

    /**
     * A comparison in a few words: {@code 2.10× (slower, 99.2 % interval 1.18–2.49)}; {@code 0.95× (no significant
     * difference: 99.2 % interval 0.87–1.05 holds 1)}.
     */
    public static String brief(Harness.ComparisonResult c) {
        return Prose.times(checked(c).ratio()) + " (" + switch (c.verdict()) {
            case NO_SIGNIFICANT_DIFFERENCE -> "no significant difference: " + interval(c) + " holds 1";
            case NEGLIGIBLE -> "negligible, " + interval(c);
            case FASTER -> "faster, " + interval(c) + ", " + Prose.change(c.ratio());
            case SLOWER -> "**slower**, " + interval(c) + ", " + Prose.change(c.ratio());
        } + ")";
    }

    /** Whether the verdict is a difference beyond the threshold, after {@link #checked}. */
    public static boolean decided(Harness.ComparisonResult c) {
        return checked(c).decided();
    }

    /** Whether {@code c} is faster, after {@link #checked}. */
    public static boolean faster(Harness.ComparisonResult c) {
        return checked(c).verdict() == Verdict.FASTER;
    }
}
