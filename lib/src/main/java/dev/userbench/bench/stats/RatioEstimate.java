package dev.userbench.bench.stats;

/**
 * The ratio candidate/baseline of median per-call latency, with its confidence interval and the
 * verdict drawn from them. Independent of which operation was measured; below 1 the candidate is
 * quicker.
 *
 * @param ratio   median(candidate) / median(baseline) over all kept samples
 * @param ciLow   lower bound of the confidence interval (95 % by default)
 * @param ciHigh  upper bound of the confidence interval
 * @param verdict judgement of the interval against the practical threshold
 */
public record RatioEstimate(double ratio, double ciLow, double ciHigh, Verdict verdict) {

    public RatioEstimate {
        if (verdict == null) {
            throw new IllegalArgumentException("verdict must not be null");
        }
        if (!(ciLow <= ciHigh)) {
            throw new IllegalArgumentException("not an interval: [" + ciLow + ", " + ciHigh + "]");
        }
    }

    /** Whether {@code value} lies in the closed interval {@code [ciLow, ciHigh]}. */
    public boolean ciContains(double value) {
        return ciLow <= value && value <= ciHigh;
    }
}
