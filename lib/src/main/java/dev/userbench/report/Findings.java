package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.stats.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run's results say, as sentences built from the results themselves (never typed in): the data check, one
 * sentence per comparison from its verdict, and the A/A self-check. Plain text with Markdown emphasis; the notebook
 * shows them as Markdown, the report as paragraphs.
 */
public final class Findings {

    private Findings() {
    }

    /** Whether every layout holds the generator's users, in one sentence. */
    public static String dataCheck(RunResult.DataCheckResult check) {
        if (check.equal()) {
            return "**Data check passed:** every layout holds the same " + Prose.count(check.monolithCount())
                    + " users, with the checksum `" + check.expectedChecksum()
                    + "` that the generator's users must have, so the layouts are compared on identical data.";
        }
        return "**Data check FAILED:** the layouts do not hold the same users (expected checksum `"
                + check.expectedChecksum() + "`): " + check.layouts() + ". No comparison below can be trusted.";
    }

    /** One sentence per comparison, saying what its verdict means in time per call. */
    public static List<String> verdicts(RunResult result) {
        double threshold = threshold(result);
        List<String> sentences = new ArrayList<>();
        for (Harness.ComparisonResult c : result.comparisons()) {
            sentences.add(verdict(c, threshold));
        }
        return sentences;
    }

    static String verdict(Harness.ComparisonResult c, double threshold) {
        String what = "**" + c.operation() + " · " + c.variant() + "**: ";
        String estimate = c.candidate() + "'s median call takes " + Prose.times(c.ratio()) + " the time of "
                + c.baseline() + "'s (95 % CI " + Prose.interval(c.ciLow(), c.ciHigh()) + ")";
        return what + switch (Verdict.fromLabel(c.verdict())) {
            case FASTER -> estimate + ": **faster**, " + Prose.change(c.ratio()) + ".";
            case SLOWER -> estimate + ": **slower**, " + Prose.change(c.ratio()) + ".";
            case NO_SIGNIFICANT_DIFFERENCE -> estimate + ": **no significant difference**, the interval holds 1.";
            case NEGLIGIBLE -> estimate + ": **negligible**, a real difference but within ±"
                    + Prose.percent(threshold) + ".";
        };
    }

    /** How many comparisons found a difference, in one sentence. */
    public static String verdictSummary(RunResult result) {
        long decided = result.comparisons().stream().filter(c -> isDifference(c.verdict())).count();
        return Prose.count(decided) + " of " + Prose.count(result.comparisons().size())
                + " comparisons found a difference larger than ±" + Prose.percent(threshold(result))
                + " with 95 % confidence; the others are either within the noise of this machine or smaller than that.";
    }

    /**
     * The A/A self-check: a layout compared with itself must come out "no significant difference" or
     * "negligible" everywhere; a difference there says the machine was too noisy for the verdicts to be trusted.
     */
    public static String aaCheck(RunResult aa) {
        List<Harness.ComparisonResult> differences = aa.comparisons().stream()
                .filter(c -> isDifference(c.verdict())).toList();
        String layout = aa.comparisons().isEmpty() ? "the layout" : aa.comparisons().get(0).baseline();
        if (differences.isEmpty()) {
            return "**A/A check passed:** " + layout + " against itself gave " + Prose.count(aa.comparisons().size())
                    + " verdicts of \"no significant difference\" or \"negligible\", so the harness does not invent "
                    + "differences from the noise of this machine.";
        }
        return "**A/A check warns:** " + layout + " against itself looked different in "
                + String.join(", ", differences.stream().map(c -> c.operation() + " · " + c.variant()
                + " (" + Prose.times(c.ratio()) + ")").toList())
                + ": the machine was noisy, so verdicts of a similar size above deserve a re-run with more trials.";
    }

    static boolean isDifference(String verdictLabel) {
        Verdict verdict = Verdict.fromLabel(verdictLabel);
        return verdict == Verdict.FASTER || verdict == Verdict.SLOWER;
    }

    private static double threshold(RunResult result) {
        Object threshold = result.environment() == null ? null : result.environment().options().get("threshold");
        return threshold instanceof Number number ? number.doubleValue()
                : dev.userbench.bench.stats.Comparison.DEFAULT_THRESHOLD;
    }
}
