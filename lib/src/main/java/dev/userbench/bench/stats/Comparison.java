package dev.userbench.bench.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Compares a candidate arm with the baseline by the ratio candidate/baseline of a {@link Statistic}, always as a
 * ratio of <em>costs</em> (time per operation, or latency): below 1 the candidate is quicker.
 *
 * <p>The interval is a hierarchical bootstrap over the design the harness ran (Kalibera &amp; Jones, <i>Rigorous
 * Benchmarking in Reasonable Time</i>, ISMM 2013; Davison &amp; Hinkley 1997, §3.8): each replicate draws forks with
 * replacement, then within every drawn fork as many of its rounds as it has, with replacement, keeping the two
 * trials of a round together (the pairing is what cancels the machine's drift between rounds). The calls within a
 * trial are taken as they are, not resampled: the spread between rounds already carries their noise, and resampling
 * them again would count it twice. The replicate's statistic is computed over the drawn trials pooled:
 * time per operation summed over trials for throughput, the quantile of the pooled calls for latency. Percentile
 * intervals at any level, and a two-sided bootstrap p-value, come from the same sorted replicates, read at levels
 * expanded for the number of pairs ({@link Estimate}: few pairs make a plain percentile interval too narrow).
 *
 * <p>The same trials, settings and seed always give a bit-identical result.
 *
 * @param replicates bootstrap replicates, at least 1,000
 * @param threshold  practical threshold as a fraction (0.05 = ±5 %), in [0, 1)
 */
public record Comparison(int replicates, double threshold) {

    /** Enough replicates for the tails of a Holm-adjusted interval (0.05 / 10 leaves 25 replicates per tail). */
    public static final int DEFAULT_REPLICATES = 10_000;
    /** Differences within ±5 % are called {@link Verdict#NEGLIGIBLE}. */
    public static final double DEFAULT_THRESHOLD = 0.05;
    /** The family-wise error rate a run's verdicts are held to (Holm over all its comparisons). */
    public static final double DEFAULT_ALPHA = 0.05;

    public static final Comparison DEFAULT = new Comparison(DEFAULT_REPLICATES, DEFAULT_THRESHOLD);

    public Comparison {
        if (replicates < 1_000) {
            throw new IllegalArgumentException("replicates must be at least 1,000, got " + replicates);
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
        }
    }

    public Comparison withThreshold(double value) {
        return new Comparison(replicates, value);
    }

    /**
     * The point ratio and the bootstrap replicates of candidate/baseline for one statistic.
     *
     * @throws IllegalArgumentException when the baseline's statistic is 0 (no ratio can be formed)
     */
    public Estimate estimate(PairedTrials design, Statistic statistic, long seed) {
        List<List<PairedTrials.Pair>> forks = design.forks();
        int[] offsets = new int[forks.size() + 1];
        for (int f = 0; f < forks.size(); f++) {
            offsets[f + 1] = offsets[f] + forks.get(f).size();
        }
        List<PairedTrials.Pair> pairs = design.pairs();
        Ratio ratio = statistic == Statistic.THROUGHPUT ? new ThroughputRatio(pairs)
                : new QuantileRatio(pairs, statistic.quantile());
        int[] weights = new int[pairs.size()];
        Arrays.fill(weights, 1);
        double point = ratio.of(weights);
        if (!Double.isFinite(point)) {
            throw new IllegalArgumentException("the baseline's " + statistic.label() + " is 0: a ratio is meaningless");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] replicates = new double[this.replicates];
        int forkCount = forks.size();
        for (int r = 0; r < replicates.length; r++) {
            Arrays.fill(weights, 0);
            for (int draw = 0; draw < forkCount; draw++) {
                int fork = forkCount == 1 ? 0 : random.nextInt(forkCount);
                int from = offsets[fork];
                int size = offsets[fork + 1] - from;
                for (int pick = 0; pick < size; pick++) {
                    weights[from + (size == 1 ? 0 : random.nextInt(size))]++;
                }
            }
            replicates[r] = ratio.of(weights);
        }
        Arrays.sort(replicates);
        return new Estimate(statistic, point, replicates, threshold, pairs.size());
    }

    /** A ratio candidate/baseline computed from the pairs, each weighted by how often a replicate drew it. */
    private interface Ratio {
        double of(int[] weights);
    }

    /** Time per operation, pooled over the drawn trials: sum of nanoseconds over sum of operations, per arm. */
    private static final class ThroughputRatio implements Ratio {
        private final long[] baseNanos;
        private final long[] baseOps;
        private final long[] candNanos;
        private final long[] candOps;

        ThroughputRatio(List<PairedTrials.Pair> pairs) {
            int n = pairs.size();
            baseNanos = new long[n];
            baseOps = new long[n];
            candNanos = new long[n];
            candOps = new long[n];
            for (int i = 0; i < n; i++) {
                baseNanos[i] = pairs.get(i).baseline().nanos();
                baseOps[i] = pairs.get(i).baseline().ops();
                candNanos[i] = pairs.get(i).candidate().nanos();
                candOps[i] = pairs.get(i).candidate().ops();
            }
        }

        @Override
        public double of(int[] weights) {
            double bn = 0;
            double bo = 0;
            double cn = 0;
            double co = 0;
            for (int i = 0; i < weights.length; i++) {
                int w = weights[i];
                if (w != 0) {
                    bn += w * (double) baseNanos[i];
                    bo += w * (double) baseOps[i];
                    cn += w * (double) candNanos[i];
                    co += w * (double) candOps[i];
                }
            }
            return (cn / co) / (bn / bo);
        }
    }

    /** A quantile of the pooled calls of the drawn trials, per arm. */
    private static final class QuantileRatio implements Ratio {
        private final Pooled baseline;
        private final Pooled candidate;
        private final double quantile;

        QuantileRatio(List<PairedTrials.Pair> pairs, double quantile) {
            this.baseline = new Pooled(pairs.stream().map(p -> p.baseline().calls()).toList());
            this.candidate = new Pooled(pairs.stream().map(p -> p.candidate().calls()).toList());
            this.quantile = quantile;
        }

        @Override
        public double of(int[] weights) {
            return (double) candidate.quantile(weights, quantile) / baseline.quantile(weights, quantile);
        }
    }

    /**
     * Trials' histograms over one common ascending list of values, with each trial's cumulative count at every
     * value, so the quantile of any weighted pooling of the trials is a binary search: no sample is copied per
     * replicate.
     */
    static final class Pooled {
        private final long[] values;
        private final long[][] cumulative; // cumulative[t][i]: calls of trial t at or below values[i]

        Pooled(List<Histogram> trials) {
            values = trials.stream().flatMapToLong(h -> {
                long[] v = new long[(int) countDistinct(h)];
                int i = 0;
                for (HistogramIterationValue value : h.recordedValues()) {
                    v[i++] = value.getValueIteratedTo();
                }
                return Arrays.stream(v);
            }).distinct().sorted().toArray();
            cumulative = new long[trials.size()][values.length];
            for (int t = 0; t < trials.size(); t++) {
                long[] counts = cumulative[t];
                for (HistogramIterationValue value : trials.get(t).recordedValues()) {
                    counts[Arrays.binarySearch(values, value.getValueIteratedTo())] += value.getCountAtValueIteratedTo();
                }
                for (int i = 1; i < counts.length; i++) {
                    counts[i] += counts[i - 1];
                }
            }
        }

        private static long countDistinct(Histogram h) {
            long n = 0;
            for (HistogramIterationValue ignored : h.recordedValues()) {
                n++;
            }
            return n;
        }

        /** The smallest value at or below which at least {@code q} of the weighted calls lie. */
        long quantile(int[] weights, double q) {
            long total = 0;
            for (int t = 0; t < weights.length; t++) {
                if (cumulative[t].length > 0) {
                    total += weights[t] * cumulative[t][values.length - 1];
                }
            }
            if (total == 0) {
                return 0;
            }
            long target = Math.max(1, (long) Math.ceil(q * total));
            int low = 0;
            int high = values.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                long below = 0;
                for (int t = 0; t < weights.length; t++) {
                    below += weights[t] * cumulative[t][mid];
                }
                if (below >= target) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return values[low];
        }
    }
}
