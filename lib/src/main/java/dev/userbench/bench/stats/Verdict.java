package dev.userbench.bench.stats;

/**
 * What a ratio candidate/baseline of per-call latency says, judged from its confidence interval
 * and a practical threshold {@code t} (default 5 %).
 *
 * <p>Decision order: an interval holding 1.0 is {@link #NO_SIGNIFICANT_DIFFERENCE}; an interval
 * inside {@code [1-t, 1+t]} is {@link #NEGLIGIBLE} (real, but too small to matter); otherwise the
 * side of 1.0 the interval lies on gives {@link #FASTER} or {@link #SLOWER}.
 */
public enum Verdict {
    /** The candidate takes less time per call than the baseline, by more than the threshold. */
    FASTER("faster"),
    /** The candidate takes more time per call than the baseline, by more than the threshold. */
    SLOWER("slower"),
    /** The confidence interval holds 1.0: the data cannot tell the arms apart. */
    NO_SIGNIFICANT_DIFFERENCE("no significant difference"),
    /** The difference is statistically real but lies wholly within the practical threshold. */
    NEGLIGIBLE("negligible");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The name used in JSON and reports, e.g. {@code "no significant difference"}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    /** The label: a verdict printed in a sentence reads as the report's word, e.g. {@code faster}, not {@code FASTER}. */
    @Override
    public String toString() {
        return label;
    }

    /** The verdict whose {@link #label()} is {@code label}. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Verdict fromLabel(String label) {
        for (Verdict v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict label: " + label);
    }

    /**
     * Judges a confidence interval of the ratio candidate/baseline.
     *
     * @param ciLow     lower bound of the interval
     * @param ciHigh    upper bound, not below {@code ciLow}
     * @param threshold practical threshold as a fraction, e.g. 0.05 for ±5 %; in [0, 1)
     */
    public static Verdict decide(double ciLow, double ciHigh, double threshold) {
        if (Double.isNaN(ciLow) || Double.isNaN(ciHigh) || ciLow > ciHigh) {
            throw new IllegalArgumentException("not an interval: [" + ciLow + ", " + ciHigh + "]");
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
        }
        if (ciLow <= 1.0 && 1.0 <= ciHigh) {
            return NO_SIGNIFICANT_DIFFERENCE;
        }
        if (ciLow >= 1.0 - threshold && ciHigh <= 1.0 + threshold) {
            return NEGLIGIBLE;
        }
        // the interval excludes 1.0, so it lies wholly on one side
        return ciHigh < 1.0 ? FASTER : SLOWER;
    }
}
