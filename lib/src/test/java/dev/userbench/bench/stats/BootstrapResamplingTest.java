package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * The fast resampling inside {@link Comparison} must be distributed exactly like the plain
 * two-stage bootstrap: draw trials with replacement, then calls within each with replacement.
 */
class BootstrapResamplingTest {

    private static final int REPLICATES = 4_000;

    /** Five trials whose levels drift from 80 % to 120 %, so trial resampling matters. */
    private static SampleSet drifting() {
        long[][] trials = new long[5][];
        for (int t = 0; t < 5; t++) {
            trials[t] = Latencies.logNormal(100 + t, 1, 301, 80_000 + 10_000 * t).trial(0);
        }
        return SampleSet.of(trials);
    }

    /** The textbook procedure, written for clarity rather than speed. */
    private static double[] plainBootstrapMedians(SampleSet set, int replicates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] medians = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            long[] pooled = new long[0];
            for (int pick = 0; pick < set.trials(); pick++) {
                long[] trial = set.trial(random.nextInt(set.trials()));
                int from = pooled.length;
                pooled = Arrays.copyOf(pooled, from + trial.length);
                for (int i = 0; i < trial.length; i++) {
                    pooled[from + i] = trial[random.nextInt(trial.length)];
                }
            }
            Arrays.sort(pooled);
            int n = pooled.length;
            medians[r] = (n & 1) == 1 ? pooled[n / 2] : (pooled[n / 2 - 1] + pooled[n / 2]) / 2.0;
        }
        return medians;
    }

    private static double mean(double[] xs) {
        return DoubleStream.of(xs).average().orElseThrow();
    }

    private static double stdev(double[] xs) {
        double m = mean(xs);
        return Math.sqrt(DoubleStream.of(xs).map(x -> (x - m) * (x - m)).sum() / (xs.length - 1));
    }

    @Test
    void fastResamplingMatchesThePlainTwoStageBootstrapInMeanAndSpread() {
        SampleSet set = drifting();
        double[] plain = plainBootstrapMedians(set, REPLICATES, 1);
        double[] fast = Comparison.bootstrapMedians(set, REPLICATES, 2, 4.0);
        double spread = stdev(plain);
        // 5 standard errors of a mean of 4,000 replicates; spreads within 10 %
        assertThat(mean(fast)).isCloseTo(mean(plain), within(5 * spread * Math.sqrt(2.0 / REPLICATES)));
        assertThat(stdev(fast)).isCloseTo(spread, within(0.1 * spread));
    }

    @Test
    void medianOutsideTheCentralWindowIsStillDrawnFromTheSameDistribution() {
        // one trial and no margin: the window is the middle rank alone, so nearly every replicate's
        // median lies outside it and is found by drawing that side's calls one by one
        SampleSet set = Latencies.logNormal(7, 1, 1_001, 100_000);
        double[] wide = plainBootstrapMedians(set, REPLICATES, 3);
        double[] noWindow = Comparison.bootstrapMedians(set, REPLICATES, 4, 0.0);
        double spread = stdev(wide);
        assertThat(mean(noWindow)).isCloseTo(mean(wide), within(5 * spread * Math.sqrt(2.0 / REPLICATES)));
        assertThat(stdev(noWindow)).isCloseTo(spread, within(0.1 * spread));
    }

    @Test
    void binomialDrawsHaveTheBinomialMeanAndVariance() {
        SplittableRandom random = new SplittableRandom(5);
        int draws = 20_000;
        long trials = 1_000;
        double p = 1.0 / 3;
        double[] xs = new double[draws];
        for (int i = 0; i < draws; i++) {
            xs[i] = Comparison.binomial(trials, 1, 3, random);
        }
        double variance = trials * p * (1 - p);
        assertThat(mean(xs)).isCloseTo(trials * p, within(5 * Math.sqrt(variance / draws)));
        assertThat(stdev(xs) * stdev(xs)).isCloseTo(variance, within(0.05 * variance));
    }

    @Test
    void binomialWithProbabilityZeroOrOneIsCertain() {
        SplittableRandom random = new SplittableRandom(6);
        assertThat(Comparison.binomial(1_000, 0, 7, random)).isZero();
        assertThat(Comparison.binomial(1_000, 7, 7, random)).isEqualTo(1_000);
        assertThat(Comparison.binomial(0, 3, 7, random)).isZero();
    }
}
