package dev.userbench.bench.stats;

/**
 * A ratio candidate/baseline of one statistic with its sorted bootstrap replicates, from which intervals at any
 * level and a p-value are read. Holm's procedure picks the level; {@link #judge} turns it into a verdict.
 */
public final class Estimate {

    private final Statistic statistic;
    private final double ratio;
    private final double[] sorted;
    private final double threshold;

    Estimate(Statistic statistic, double ratio, double[] sortedReplicates, double threshold) {
        this.statistic = statistic;
        this.ratio = ratio;
        this.sorted = sortedReplicates;
        this.threshold = threshold;
    }

    public Statistic statistic() {
        return statistic;
    }

    public double ratio() {
        return ratio;
    }

    /**
     * Two-sided bootstrap p-value of "the ratio is 1": twice the share of replicates on the far side of 1 (ties
     * counted half), at most 1.
     */
    public double pValue() {
        long below = 0;
        long equal = 0;
        for (double r : sorted) {
            if (r < 1) {
                below++;
            } else if (r == 1) {
                equal++;
            }
        }
        long above = sorted.length - below - equal;
        double tail = Math.min(below + equal / 2.0, above + equal / 2.0);
        return Math.min(1, 2 * tail / sorted.length);
    }

    /**
     * The percentile interval at {@code confidence} (e.g. 0.95): the replicates' (1±confidence)/2 quantiles, each
     * taken outward to the order statistic beyond it rather than interpolated. Outward, an interval that excludes 1
     * always has {@link #pValue} below {@code 1 - confidence}, so Holm's rejection (p at most the level) and the
     * verdict (the interval excludes 1) cannot disagree in the unsafe direction; interpolating between a replicate
     * below 1 and one at or just above it could put the bound below 1 with the p-value above the level.
     */
    public double[] interval(double confidence) {
        double tail = (1 - confidence) / 2;
        int last = sorted.length - 1;
        int low = (int) Math.max(0, Math.floor(last * tail));
        int high = (int) Math.min(last, Math.ceil(last * (1 - tail)));
        return new double[] {sorted[low], sorted[high]};
    }

    /** The ratio, its interval at {@code 1 - alpha} and the verdict that interval gives. */
    public RatioEstimate judge(double alpha) {
        double[] interval = interval(1 - alpha);
        return new RatioEstimate(statistic, ratio, interval[0], interval[1], 1 - alpha, pValue(),
                Verdict.decide(interval[0], interval[1], threshold));
    }
}
