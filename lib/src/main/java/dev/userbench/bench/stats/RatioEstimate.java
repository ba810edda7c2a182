package dev.userbench.bench.stats;

/**
 * A ratio candidate/baseline of one statistic's cost, with its interval, the level that interval was read at, and
 * the verdict drawn from that interval and nothing else; below 1 the candidate is quicker.
 *
 * @param statistic  what was compared
 * @param ratio      the statistic of the candidate over the baseline's, all trials pooled
 * @param ciLow      lower bound of the interval
 * @param ciHigh     upper bound of the interval
 * @param confidence the interval's level: 1 - the Holm-adjusted alpha
 * @param pValue     the bootstrap p-value of "ratio = 1", which orders the comparisons for Holm
 * @param verdict    judgement of the interval against the practical threshold
 */
public record RatioEstimate(Statistic statistic, double ratio, double ciLow, double ciHigh, double confidence,
                            double pValue, Verdict verdict) {

    public RatioEstimate {
        if (verdict == null || statistic == null) {
            throw new IllegalArgumentException("a ratio estimate needs its statistic and verdict");
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
