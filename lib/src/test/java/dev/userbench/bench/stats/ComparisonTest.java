package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final long SEED = 20240601L;

    @Test
    void identicalDistributionsGiveAnIntervalHoldingOneAndNoRealDifference() {
        SampleSet a = Latencies.logNormal(1, 5, 5_000, 100_000);
        SampleSet b = Latencies.logNormal(2, 5, 5_000, 100_000);
        RatioEstimate estimate = Comparison.DEFAULT.compare(a, b, SEED);
        assertThat(estimate.ciContains(1.0)).isTrue();
        assertThat(estimate.verdict()).isIn(Verdict.NO_SIGNIFICANT_DIFFERENCE, Verdict.NEGLIGIBLE);
    }

    @Test
    void candidateTwiceAsSlowHasRatioNearTwoAndIsSlower() {
        SampleSet baseline = Latencies.logNormal(1, 5, 5_000, 100_000);
        SampleSet candidate = Latencies.logNormal(2, 5, 5_000, 200_000);
        RatioEstimate estimate = Comparison.DEFAULT.compare(baseline, candidate, SEED);
        assertThat(estimate.ratio()).isCloseTo(2.0, within(0.05));
        assertThat(estimate.ciLow()).isGreaterThan(1.0);
        assertThat(estimate.verdict()).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void candidateTwiceAsQuickHasRatioNearHalfAndIsFaster() {
        SampleSet slow = Latencies.logNormal(1, 5, 5_000, 200_000);
        SampleSet quick = Latencies.logNormal(2, 5, 5_000, 100_000);
        RatioEstimate estimate = Comparison.DEFAULT.compare(slow, quick, SEED);
        assertThat(estimate.ratio()).isCloseTo(0.5, within(0.0125));
        assertThat(estimate.ciHigh()).isLessThan(1.0);
        assertThat(estimate.verdict()).isEqualTo(Verdict.FASTER);
    }

    @Test
    void onePercentShiftWithManySamplesIsNegligible() {
        // Baseline lies in [100,000, 100,199] ns and candidate in [101,000, 101,199] ns, so every
        // possible median ratio lies in [1.008, 1.012]: the interval excludes 1 and stays within
        // ±5 % whatever the resampling draws.
        long[][] baseline = new long[5][20_000];
        long[][] candidate = new long[5][20_000];
        for (int t = 0; t < 5; t++) {
            for (int i = 0; i < 20_000; i++) {
                baseline[t][i] = 100_000 + (i * 7919L + t) % 200;
                candidate[t][i] = 101_000 + (i * 104_729L + t) % 200;
            }
        }
        RatioEstimate estimate = Comparison.DEFAULT.compare(SampleSet.of(baseline), SampleSet.of(candidate), SEED);
        assertThat(estimate.ciContains(1.0)).isFalse();
        assertThat(estimate.ciLow()).isGreaterThanOrEqualTo(0.95);
        assertThat(estimate.ciHigh()).isLessThanOrEqualTo(1.05);
        assertThat(estimate.verdict()).isEqualTo(Verdict.NEGLIGIBLE);
    }

    @Test
    void sameSeedGivesABitIdenticalResult() {
        SampleSet a = Latencies.logNormal(1, 5, 2_000, 100_000);
        SampleSet b = Latencies.logNormal(2, 5, 2_000, 110_000);
        assertThat(Comparison.DEFAULT.compare(a, b, 99)).isEqualTo(Comparison.DEFAULT.compare(a, b, 99));
    }

    @Test
    void differentSeedResamplesDifferentlyButKeepsThePointEstimate() {
        SampleSet a = Latencies.logNormal(1, 5, 2_000, 100_000);
        SampleSet b = Latencies.logNormal(2, 5, 2_000, 110_000);
        RatioEstimate first = Comparison.DEFAULT.compare(a, b, 99);
        RatioEstimate second = Comparison.DEFAULT.compare(a, b, 100);
        assertThat(second.ratio()).isEqualTo(first.ratio());
        assertThat(new double[] {second.ciLow(), second.ciHigh()})
                .isNotEqualTo(new double[] {first.ciLow(), first.ciHigh()});
    }

    @Test
    void ratioIsOfMediansOverAllSamplesWithEvenCountsAveragingTheMiddlePair() {
        SampleSet baseline = SampleSet.of(new long[] {1, 4}, new long[] {2, 3}); // median 2.5
        SampleSet candidate = SampleSet.of(new long[] {5, 100, 0});              // median 5
        assertThat(Comparison.DEFAULT.compare(baseline, candidate, SEED).ratio()).isEqualTo(2.0);
    }

    @Test
    void singleTrialIsResampledOverCalls() {
        SampleSet baseline = Latencies.logNormal(1, 1, 10_000, 100_000);
        SampleSet candidate = Latencies.logNormal(2, 1, 10_000, 200_000);
        RatioEstimate estimate = Comparison.DEFAULT.compare(baseline, candidate, SEED);
        assertThat(estimate.ciLow()).isLessThan(estimate.ciHigh());
        assertThat(estimate.ciContains(estimate.ratio())).isTrue();
        assertThat(estimate.verdict()).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void differencesBetweenTrialsWidenTheIntervalComparedWithPoolingThemAsOneTrial() {
        // five trials whose levels drift from 90 % to 110 %: calls within a trial are not independent
        long[][] drifting = new long[5][];
        SampleSet reference = Latencies.logNormal(3, 5, 2_000, 100_000);
        for (int t = 0; t < 5; t++) {
            SampleSet level = Latencies.logNormal(10 + t, 1, 2_000, 90_000 + 5_000 * t);
            drifting[t] = level.trial(0);
        }
        long[] pooled = LongStream.concat(
                        LongStream.concat(LongStream.of(drifting[0]), LongStream.of(drifting[1])),
                        LongStream.concat(
                                LongStream.concat(LongStream.of(drifting[2]), LongStream.of(drifting[3])),
                                LongStream.of(drifting[4])))
                .toArray();
        RatioEstimate overTrials = Comparison.DEFAULT.compare(reference, SampleSet.of(drifting), SEED);
        RatioEstimate callsOnly = Comparison.DEFAULT.compare(reference, SampleSet.of(pooled), SEED);
        assertThat(overTrials.ratio()).isEqualTo(callsOnly.ratio());
        assertThat(overTrials.ciHigh() - overTrials.ciLow()).isGreaterThan(2 * (callsOnly.ciHigh() - callsOnly.ciLow()));
    }

    @Test
    void emptyTrialsAreIgnored() {
        SampleSet a = Latencies.logNormal(1, 3, 1_000, 100_000);
        SampleSet b = Latencies.logNormal(2, 3, 1_000, 100_000);
        SampleSet bWithGap = SampleSet.of(b.trial(0), new long[0], b.trial(1), b.trial(2));
        assertThat(Comparison.DEFAULT.compare(a, bWithGap, SEED)).isEqualTo(Comparison.DEFAULT.compare(a, b, SEED));
    }

    @Test
    void rejectsAnArmWithoutSamples() {
        SampleSet some = SampleSet.of(new long[] {1, 2, 3});
        assertThatThrownBy(() -> Comparison.DEFAULT.compare(new SampleSet(1), some, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline holds no samples");
        assertThatThrownBy(() -> Comparison.DEFAULT.compare(some, SampleSet.of(new long[0]), SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("candidate holds no samples");
    }

    @Test
    void rejectsABaselineWithZeroMedian() {
        assertThatThrownBy(() -> Comparison.DEFAULT.compare(SampleSet.of(new long[] {0, 0, 5}),
                        SampleSet.of(new long[] {1}), SEED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAreTwoThousandReplicatesFivePercentAndNinetyFivePercent() {
        assertThat(Comparison.DEFAULT).isEqualTo(new Comparison(2_000, 0.05, 0.95));
        assertThat(Comparison.DEFAULT.withReplicates(500).replicates()).isEqualTo(500);
        assertThat(Comparison.DEFAULT.withThreshold(0.1).threshold()).isEqualTo(0.1);
    }

    @Test
    void rejectsSettingsOutOfRange() {
        assertThatThrownBy(() -> new Comparison(10, 0.05, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comparison(2_000, -0.1, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comparison(2_000, 0.05, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
