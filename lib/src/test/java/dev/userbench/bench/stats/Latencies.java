package dev.userbench.bench.stats;

import java.util.Random;

/** Seeded synthetic latencies for the tests. */
final class Latencies {

    private Latencies() {}

    /**
     * Log-normal latencies, as real per-call latencies roughly are: median {@code medianNanos},
     * log-scale spread 0.5, {@code trials} trials of {@code calls} calls each.
     */
    static SampleSet logNormal(long seed, int trials, int calls, double medianNanos) {
        Random random = new Random(seed);
        long[][] samples = new long[trials][calls];
        for (int t = 0; t < trials; t++) {
            for (int i = 0; i < calls; i++) {
                samples[t][i] = Math.round(medianNanos * Math.exp(0.5 * random.nextGaussian()));
            }
        }
        return SampleSet.of(samples);
    }

    /** Every sample of {@code set} multiplied by {@code factor} and rounded. */
    static SampleSet scaled(SampleSet set, double factor) {
        long[][] samples = new long[set.trials()][];
        for (int t = 0; t < set.trials(); t++) {
            samples[t] = set.trial(t);
            for (int i = 0; i < samples[t].length; i++) {
                samples[t][i] = Math.round(samples[t][i] * factor);
            }
        }
        return SampleSet.of(samples);
    }
}
