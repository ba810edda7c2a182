package dev.userbench.bench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Compares two arms by the ratio candidate/baseline of their <b>median</b> per-call latency, with a
 * percentile-bootstrap confidence interval and a {@link Verdict}.
 *
 * <p>The bootstrap is hierarchical, over trials and calls, because calls within one trial share
 * that trial's machine state and are not independent: each replicate draws, for each arm
 * independently, as many trials as the arm has, with replacement, then within every drawn trial
 * as many calls as it holds, with replacement; it takes each arm's median over all drawn calls and
 * the ratio of the two. The interval is the pair of {@code (1±confidence)/2} quantiles of the
 * replicate ratios (linear interpolation between order statistics). An arm with a single trial is
 * thus resampled over calls only. Empty trials carry no information and are ignored.
 *
 * <p>The same samples, settings and seed always give a bit-identical result.
 *
 * @param replicates bootstrap replicates, at least 100
 * @param threshold  practical threshold as a fraction (0.05 = ±5 %), in [0, 1)
 * @param confidence confidence level of the interval, in (0, 1)
 */
public record Comparison(int replicates, double threshold, double confidence) {

    /** Replicates unless told otherwise; enough for stable 2.5/97.5 % quantiles. */
    public static final int DEFAULT_REPLICATES = 2_000;
    /** Differences within ±5 % are called {@link Verdict#NEGLIGIBLE}. */
    public static final double DEFAULT_THRESHOLD = 0.05;
    /** A 95 % interval: the 2.5 and 97.5 percentiles of the replicates. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** 2,000 replicates, ±5 % threshold, 95 % interval. */
    public static final Comparison DEFAULT =
            new Comparison(DEFAULT_REPLICATES, DEFAULT_THRESHOLD, DEFAULT_CONFIDENCE);

    /**
     * Half-width of the central rank window per trial, in units of sqrt(n): 4 sqrt(n) ranks is 8
     * standard deviations of a bootstrap median's rank, so the slow path is practically never taken.
     */
    private static final double WINDOW_MARGIN = 4.0;

    public Comparison {
        if (replicates < 100) {
            throw new IllegalArgumentException("replicates must be at least 100, got " + replicates);
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** These settings with another number of replicates. */
    public Comparison withReplicates(int replicates) {
        return new Comparison(replicates, threshold, confidence);
    }

    /** These settings with another practical threshold. */
    public Comparison withThreshold(double threshold) {
        return new Comparison(replicates, threshold, confidence);
    }

    /**
     * Estimates median(candidate) / median(baseline) with its confidence interval and verdict.
     *
     * @param baseline  the reference arm
     * @param candidate the arm being judged; a ratio below 1 means it takes less time per call
     * @param seed      seeds the bootstrap; same inputs and seed give the identical result
     * @throws IllegalArgumentException if an arm holds no samples or the baseline median is 0
     */
    public RatioEstimate compare(SampleSet baseline, SampleSet candidate, long seed) {
        Arm base = Arm.of(baseline, "baseline", WINDOW_MARGIN);
        Arm cand = Arm.of(candidate, "candidate", WINDOW_MARGIN);
        if (base.median() == 0) {
            throw new IllegalArgumentException("baseline median latency is 0 ns; a ratio is meaningless");
        }
        double ratio = cand.median() / base.median();

        // one independent stream per arm, both fixed by the seed
        SplittableRandom root = new SplittableRandom(seed);
        double[] baseMedians = base.bootstrapMedians(replicates, root.split());
        double[] candMedians = cand.bootstrapMedians(replicates, root.split());
        double[] ratios = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            ratios[r] = candMedians[r] / baseMedians[r];
        }
        Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        double low = quantile(ratios, tail);
        double high = quantile(ratios, 1 - tail);
        return new RatioEstimate(ratio, low, high, Verdict.decide(low, high, threshold));
    }

    /**
     * The bootstrap medians of one arm alone, for tests; {@code windowMargin} 0 shrinks the
     * central window to nothing so that most replicates take the slow path.
     */
    static double[] bootstrapMedians(SampleSet arm, int replicates, long seed, double windowMargin) {
        return Arm.of(arm, "arm", windowMargin).bootstrapMedians(replicates, new SplittableRandom(seed));
    }

    /** Quantile of sorted data, interpolating linearly between order statistics (Hyndman–Fan type 7). */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /**
     * One arm prepared for resampling.
     *
     * <p>A bootstrap median depends only on the draws that land near the middle, so instead of
     * drawing every call, each drawn trial's calls are first split exactly into those landing
     * below, inside and above a central window of ranks (binomial counts, see
     * {@link #binomial}); only the calls inside the window are drawn one by one and counted per
     * rank. Should a replicate's median fall outside the window, the calls of that side are drawn
     * one by one too, which the split makes legitimate: given its side, a call is uniform over that
     * side. The replicates are therefore distributed exactly as in the plain two-stage resampling;
     * the window only decides how much work it takes.
     */
    private static final class Arm {
        private static final int BELOW = 0;
        private static final int INSIDE = 1;
        private static final int ABOVE = 2;

        private final long[] sorted;  // every kept sample of the arm, ascending
        private final int[][] ranks;  // ranks[t][i]: index in sorted of trial t's i-th smallest sample
        private final int[][] bounds; // bounds[t] = {0, lo, hi, n}: trial t's indices per side of the window
        private final int[] rankBounds; // {0, L, U, N}: the same sides in ranks of sorted
        private final int[] counts;   // scratch: how often each rank was drawn in a replicate

        private Arm(long[] sorted, int[][] ranks, double windowMargin) {
            this.sorted = sorted;
            this.ranks = ranks;
            this.counts = new int[sorted.length];
            int low = sorted.length;
            int high = 0;
            for (int[] trial : ranks) {
                // a trial's bootstrap median stays within a few standard deviations (sqrt(n)/2
                // ranks) of its middle, and a pooled median lies between the trials' medians
                int n = trial.length;
                int margin = windowMargin == 0 ? 0 : (int) Math.ceil(windowMargin * Math.sqrt(n)) + 16;
                low = Math.min(low, trial[Math.max(0, n / 2 - margin)]);
                high = Math.max(high, trial[Math.min(n - 1, n / 2 + margin)] + 1);
            }
            this.rankBounds = new int[] {0, low, high, sorted.length};
            this.bounds = new int[ranks.length][];
            for (int t = 0; t < ranks.length; t++) {
                int[] trial = ranks[t];
                bounds[t] = new int[] {0, countBelow(trial, low), countBelow(trial, high), trial.length};
            }
        }

        /** How many of the ascending ranks are below {@code rank}. */
        private static int countBelow(int[] ascending, int rank) {
            int found = Arrays.binarySearch(ascending, rank);
            return found >= 0 ? found : -found - 1;
        }

        static Arm of(SampleSet set, String role, double windowMargin) {
            if (set == null) {
                throw new IllegalArgumentException(role + " must not be null");
            }
            List<long[]> trials = new ArrayList<>();
            long total = 0;
            for (int t = 0; t < set.trials(); t++) {
                long[] samples = set.trial(t);
                if (samples.length > 0) {
                    Arrays.sort(samples);
                    trials.add(samples);
                    total += samples.length;
                }
            }
            if (total == 0) {
                throw new IllegalArgumentException(role + " holds no samples");
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(role + " holds too many samples: " + total);
            }
            return merge(trials, (int) total, windowMargin);
        }

        /** k-way merge of the sorted trials, remembering where each sample lands. */
        private static Arm merge(List<long[]> trials, int total, double windowMargin) {
            int k = trials.size();
            long[] sorted = new long[total];
            int[][] ranks = new int[k][];
            int[] next = new int[k];
            for (int t = 0; t < k; t++) {
                ranks[t] = new int[trials.get(t).length];
            }
            for (int rank = 0; rank < total; rank++) {
                int best = -1;
                long bestValue = Long.MAX_VALUE;
                for (int t = 0; t < k; t++) {
                    long[] trial = trials.get(t);
                    if (next[t] < trial.length && (best < 0 || trial[next[t]] < bestValue)) {
                        best = t;
                        bestValue = trial[next[t]];
                    }
                }
                sorted[rank] = bestValue;
                ranks[best][next[best]++] = rank;
            }
            return new Arm(sorted, ranks, windowMargin);
        }

        double median() {
            int n = sorted.length;
            return (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        }

        double[] bootstrapMedians(int replicates, SplittableRandom random) {
            int k = ranks.length;
            int[] picked = new int[k];
            long[][] perSide = new long[k][3]; // calls of each drawn trial below, inside, above
            long[] sideTotals = new long[3];
            boolean[] counted = new boolean[3];
            double[] medians = new double[replicates];
            for (int r = 0; r < replicates; r++) {
                Arrays.fill(sideTotals, 0);
                Arrays.fill(counted, false);
                long drawn = 0;
                for (int pick = 0; pick < k; pick++) {
                    // with a single trial this always picks it: calls-only resampling
                    int t = k == 1 ? 0 : random.nextInt(k);
                    picked[pick] = t;
                    int[] b = bounds[t];
                    long n = b[3];
                    long inside = binomial(n, b[2] - b[1], n, random);
                    long below = binomial(n - inside, b[1], n - (b[2] - b[1]), random);
                    perSide[pick][BELOW] = below;
                    perSide[pick][INSIDE] = inside;
                    perSide[pick][ABOVE] = n - inside - below;
                    for (int side = BELOW; side <= ABOVE; side++) {
                        sideTotals[side] += perSide[pick][side];
                    }
                    drawn += n;
                }
                long lower = (drawn - 1) / 2; // 0-based positions of the middle element(s)
                long upper = drawn / 2;
                long low = valueAt(lower, picked, perSide, sideTotals, counted, random);
                long high = upper == lower ? low : valueAt(upper, picked, perSide, sideTotals, counted, random);
                medians[r] = upper == lower ? low : (low + high) / 2.0;
            }
            return medians;
        }

        /** The value at 0-based position {@code position} of the replicate's calls in ascending order. */
        private long valueAt(long position, int[] picked, long[][] perSide, long[] sideTotals,
                             boolean[] counted, SplittableRandom random) {
            int side = BELOW;
            long offset = position;
            while (offset >= sideTotals[side]) {
                offset -= sideTotals[side++];
            }
            if (!counted[side]) {
                countSide(side, picked, perSide, random);
                counted[side] = true;
            }
            long before = 0;
            int rank = rankBounds[side];
            while (before + counts[rank] <= offset) {
                before += counts[rank++];
            }
            return sorted[rank];
        }

        /** Draws one by one the calls that fell on {@code side}, counting them per rank. */
        private void countSide(int side, int[] picked, long[][] perSide, SplittableRandom random) {
            Arrays.fill(counts, rankBounds[side], rankBounds[side + 1], 0);
            for (int pick = 0; pick < picked.length; pick++) {
                int t = picked[pick];
                drawCalls(ranks[t], bounds[t][side], bounds[t][side + 1], perSide[pick][side], random);
            }
        }

        /**
         * Draws {@code draws} indices uniformly from {@code [from, to)} and counts their ranks. Two
         * indices come from each 64-bit random word by Lemire's multiply-shift; the rare product
         * that would be biased is replaced by an unbiased draw, keeping all indices equally likely.
         */
        private void drawCalls(int[] trial, int from, int to, long draws, SplittableRandom random) {
            if (draws == 0) {
                return;
            }
            int width = to - from;
            long bound = width;
            long biased = Integer.remainderUnsigned(-width, width); // 2^32 mod width
            int[] counts = this.counts;
            long i = 0;
            for (; i + 1 < draws; i += 2) {
                long word = random.nextLong();
                long a = (word >>> 32) * bound;
                long b = (word & 0xFFFF_FFFFL) * bound;
                counts[trial[from + ((a & 0xFFFF_FFFFL) >= biased ? (int) (a >>> 32) : random.nextInt(width))]]++;
                counts[trial[from + ((b & 0xFFFF_FFFFL) >= biased ? (int) (b >>> 32) : random.nextInt(width))]]++;
            }
            if (i < draws) {
                counts[trial[from + random.nextInt(width)]]++;
            }
        }
    }

    /**
     * An exact draw from Binomial({@code trials}, {@code a/b}) using about {@code trials/32} random
     * words. Each trial succeeds when a uniform U in [0, 1) is below p = a/b; comparing U with p
     * bit by bit, every undecided trial is decided at each bit with probability 1/2 (its bit of U
     * differs from p's), and all trials decided at one bit share the outcome. So the number decided
     * at a bit is the population count of as many fair random bits, and p's bits come from exact
     * long division.
     */
    static long binomial(long trials, long a, long b, SplittableRandom random) {
        if (trials == 0 || a == 0) {
            return 0;
        }
        if (a >= b) {
            return trials;
        }
        long successes = 0;
        long undecided = trials;
        long remainder = a;
        while (undecided > 0 && remainder != 0) { // once p's bits run out, U >= p for the rest
            remainder <<= 1;
            boolean pBit = remainder >= b;
            if (pBit) {
                remainder -= b;
            }
            long decided = fairCoinHeads(undecided, random);
            if (pBit) {
                successes += decided; // U has 0 where p has 1: U < p
            }
            undecided -= decided;
        }
        return successes;
    }

    /** Binomial(n, 1/2): the number of set bits among {@code n} random bits. */
    private static long fairCoinHeads(long n, SplittableRandom random) {
        long heads = 0;
        for (long full = n >>> 6; full > 0; full--) {
            heads += Long.bitCount(random.nextLong());
        }
        int rest = (int) (n & 63);
        if (rest > 0) {
            heads += Long.bitCount(random.nextLong() & ((1L << rest) - 1));
        }
        return heads;
    }
}
