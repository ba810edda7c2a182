package dev.userbench.report;

import dev.userbench.bench.stats.Comparison;

/**
 * The rule that turns a comparison's interval into its verdict, in words, stated once: {@code --help}, report.html
 * and the README print this text (a test holds the README and the help to it), and {@code Verdict.decide} is what
 * it describes.
 */
public final class VerdictRule {

    /**
     * The rule with the threshold named, not valued (it is an option). No format characters, so picocli can print it
     * as it is.
     */
    public static final String RULE = "A verdict reads the interval of the ratio candidate/baseline of a cost "
            + "(time per operation for throughput, latency for the median or p99 call; below 1 the candidate is "
            + "quicker): faster or slower when the interval lies wholly below or wholly above 1 and not wholly within "
            + "1 ± the threshold; negligible when it excludes 1 but lies wholly within 1 ± the threshold; no "
            + "significant difference when it holds 1. Each interval is read at the level Holm's procedure gives its "
            + "comparison among all of the run's comparisons (alpha_adjusted in results.json), so that the chance "
            + "that any of the run's verdicts wrongly excludes 1 is at most alpha = " + Comparison.DEFAULT_ALPHA + ".";

    private VerdictRule() {
    }

    /**
     * The rule followed by its values in this run: the threshold, alpha, how many comparisons Holm's procedure held
     * together and the levels their intervals were read at.
     */
    public static String stated(double threshold, double alpha, int comparisons, double lowestLevel,
                                double highestLevel) {
        String levels = comparisons == 0 ? ""
                : ", so their intervals were read at " + (Prose.level(lowestLevel).equals(Prose.level(highestLevel))
                ? Prose.level(lowestLevel) : Prose.level(lowestLevel) + " to " + Prose.level(highestLevel));
        return RULE + " In this run the threshold is ±" + Prose.percent(threshold) + " and alpha " + alpha + " over "
                + Prose.count(comparisons) + " comparison" + (comparisons == 1 ? "" : "s") + levels + ".";
    }
}
