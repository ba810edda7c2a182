package dev.userbench.bench.stats;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic trials for the statistics' tests: per-call latencies log-normal around a median, as real
 * per-call latencies roughly are, recorded in an HdrHistogram like the harness records them; a trial's time is the
 * sum of its calls, so its time per operation is its mean call.
 */
final class Trials {

    /** Log-scale spread of the calls within a trial. */
    static final double CALL_SPREAD = 0.5;

    private Trials() {
    }

    /** One trial of {@code calls} calls whose median is {@code medianNanos}. */
    static TrialSample trial(SplittableRandom random, int calls, double medianNanos) {
        Histogram histogram = new Histogram(3);
        long nanos = 0;
        for (int i = 0; i < calls; i++) {
            long latency = Math.max(1, Math.round(medianNanos * Math.exp(CALL_SPREAD * gaussian(random))));
            histogram.recordValue(latency);
            nanos += latency;
        }
        return new TrialSample(calls, nanos, histogram);
    }

    /** A trial of exactly the given latencies, one operation each. */
    static TrialSample of(long... latencies) {
        Histogram histogram = new Histogram(3);
        long nanos = 0;
        for (long latency : latencies) {
            histogram.recordValue(latency);
            nanos += latency;
        }
        return new TrialSample(latencies.length, nanos, histogram);
    }

    /**
     * {@code forks} forks of {@code pairsPerFork} rounds of the baseline at {@code medianNanos} and the candidate at
     * {@code factor} times it; every trial also has its own level, log-normal with spread {@code trialSpread}, as the
     * machine's state differs from one trial to the next.
     */
    static PairedTrials design(long seed, int forks, int pairsPerFork, int calls, double medianNanos, double factor,
                               double trialSpread) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<PairedTrials.Pair>> design = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            List<PairedTrials.Pair> pairs = new ArrayList<>();
            for (int p = 0; p < pairsPerFork; p++) {
                double baselineLevel = Math.exp(trialSpread * gaussian(random));
                double candidateLevel = Math.exp(trialSpread * gaussian(random));
                pairs.add(new PairedTrials.Pair(trial(random, calls, medianNanos * baselineLevel),
                        trial(random, calls, medianNanos * factor * candidateLevel)));
            }
            design.add(pairs);
        }
        return new PairedTrials(design);
    }

    /** A standard normal draw (Box–Muller), from a SplittableRandom so that every test is seeded and splittable. */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The interval's width at 95 %. */
    static double width(Estimate estimate) {
        double[] interval = estimate.interval(0.95);
        return interval[1] - interval[0];
    }
}
