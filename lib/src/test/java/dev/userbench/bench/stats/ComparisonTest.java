package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final long SEED = 20240601L;
    private static final double ALPHA = 0.05;

    /** Two forks of six rounds, 500 calls a trial, every trial 5 % apart from the next by the machine's noise. */
    private static PairedTrials shifted(double factor) {
        return Trials.design(11, 2, 6, 500, 100_000, factor, 0.05);
    }

    @Test
    void aCandidateThirtyPercentSlowerIsSlowerOnThroughputAndOnTheMedianCall() {
        PairedTrials design = shifted(1.3);
        for (Statistic statistic : List.of(Statistic.THROUGHPUT, Statistic.MEDIAN_LATENCY)) {
            RatioEstimate judged = Comparison.DEFAULT.estimate(design, statistic, SEED).judge(ALPHA);
            assertThat(judged.ratio()).as(statistic.label()).isCloseTo(1.3, within(0.05));
            assertThat(judged.ciLow()).as(statistic.label()).isGreaterThan(1.0);
            assertThat(judged.verdict()).as(statistic.label()).isEqualTo(Verdict.SLOWER);
        }
    }

    @Test
    void aCandidateTakingSeventyPercentOfTheTimeIsFasterOnThroughputAndOnTheMedianCall() {
        PairedTrials design = shifted(0.7);
        for (Statistic statistic : List.of(Statistic.THROUGHPUT, Statistic.MEDIAN_LATENCY)) {
            RatioEstimate judged = Comparison.DEFAULT.estimate(design, statistic, SEED).judge(ALPHA);
            assertThat(judged.ratio()).as(statistic.label()).isCloseTo(0.7, within(0.03));
            assertThat(judged.ciHigh()).as(statistic.label()).isLessThan(1.0);
            assertThat(judged.verdict()).as(statistic.label()).isEqualTo(Verdict.FASTER);
        }
    }

    @Test
    void aOnePercentShiftMeasuredTightlyIsNegligible() {
        // every baseline trial takes 1,000,000 ± 100 ns, every candidate trial 1,010,000 ± 100 ns per 1,000 rows, so
        // any resampled ratio lies in [1.0098, 1.0102]: the interval excludes 1 and stays within ±5 %
        List<PairedTrials.Pair> pairs = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            long jitter = (round * 37L) % 200 - 100;
            pairs.add(new PairedTrials.Pair(new TrialSample(1_000, 1_000_000 + jitter, new Histogram(3)),
                    new TrialSample(1_000, 1_010_000 - jitter, new Histogram(3))));
        }
        RatioEstimate judged = Comparison.DEFAULT.estimate(PairedTrials.of(pairs), Statistic.THROUGHPUT, SEED)
                .judge(ALPHA);
        assertThat(judged.ciContains(1.0)).isFalse();
        assertThat(judged.ciLow()).isGreaterThanOrEqualTo(0.95);
        assertThat(judged.ciHigh()).isLessThanOrEqualTo(1.05);
        assertThat(judged.verdict()).isEqualTo(Verdict.NEGLIGIBLE);
    }

    @Test
    void throughputComparesTimePerOperationPooledOverTheTrialsNotTheMeanOfPerTrialRatios() {
        // baseline: 2,500 ns over 40 rows = 62.5 ns/row; candidate: 2,500 ns over 20 rows = 125 ns/row → 2.0
        // (the mean of the per-trial ratios would be (200/100 + 50/50) / 2 = 1.5)
        PairedTrials design = PairedTrials.of(List.of(
                new PairedTrials.Pair(new TrialSample(10, 1_000, new Histogram(3)), new TrialSample(10, 2_000, new Histogram(3))),
                new PairedTrials.Pair(new TrialSample(30, 1_500, new Histogram(3)), new TrialSample(10, 500, new Histogram(3)))));
        assertThat(Comparison.DEFAULT.estimate(design, Statistic.THROUGHPUT, SEED).ratio()).isEqualTo(2.0);
    }

    @Test
    void latencyComparesTheQuantileOfThePooledCallsOfAllTrials() {
        // baseline calls 1 2 3 | 4 5: pooled median 3; candidate 6 | 6 9 12 15: pooled median 9 → 3.0
        PairedTrials design = PairedTrials.of(List.of(
                new PairedTrials.Pair(Trials.of(1, 2, 3), Trials.of(6)),
                new PairedTrials.Pair(Trials.of(4, 5), Trials.of(6, 9, 12, 15))));
        assertThat(Comparison.DEFAULT.estimate(design, Statistic.MEDIAN_LATENCY, SEED).ratio()).isEqualTo(3.0);
    }

    @Test
    void callsWithinATrialAreNotResampledSoOnePairGivesNoSpreadAtAll() {
        PairedTrials one = PairedTrials.of(List.of(shifted(1.3).pairs().get(0)));
        Estimate estimate = Comparison.DEFAULT.estimate(one, Statistic.MEDIAN_LATENCY, SEED);
        assertThat(estimate.interval(0.95)).containsExactly(estimate.ratio(), estimate.ratio());
    }

    @Test
    void sameDesignAndSeedGiveABitIdenticalResult() {
        PairedTrials design = shifted(1.1);
        for (Statistic statistic : Statistic.values()) {
            assertThat(Comparison.DEFAULT.estimate(design, statistic, 99).judge(ALPHA))
                    .isEqualTo(Comparison.DEFAULT.estimate(design, statistic, 99).judge(ALPHA));
        }
    }

    @Test
    void anotherSeedResamplesDifferentlyButKeepsThePointRatio() {
        PairedTrials design = shifted(1.1);
        RatioEstimate first = Comparison.DEFAULT.estimate(design, Statistic.MEDIAN_LATENCY, 99).judge(ALPHA);
        RatioEstimate second = Comparison.DEFAULT.estimate(design, Statistic.MEDIAN_LATENCY, 100).judge(ALPHA);
        assertThat(second.ratio()).isEqualTo(first.ratio());
        assertThat(new double[] {second.ciLow(), second.ciHigh()}).isNotEqualTo(new double[] {first.ciLow(), first.ciHigh()});
    }

    @Test
    void forksWithoutPairsAreDropped() {
        PairedTrials design = shifted(1.1);
        List<List<PairedTrials.Pair>> withEmpty = new ArrayList<>(design.forks());
        withEmpty.add(1, List.of());
        PairedTrials gapped = new PairedTrials(withEmpty);
        assertThat(gapped.forks()).hasSize(2);
        assertThat(Comparison.DEFAULT.estimate(gapped, Statistic.THROUGHPUT, SEED).judge(ALPHA))
                .isEqualTo(Comparison.DEFAULT.estimate(design, Statistic.THROUGHPUT, SEED).judge(ALPHA));
    }

    @Test
    void rejectsADesignWithoutPairs() {
        assertThatThrownBy(() -> new PairedTrials(List.of(List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsABaselineWhoseMedianIsZero() {
        PairedTrials design = PairedTrials.of(List.of(new PairedTrials.Pair(Trials.of(0, 0, 5), Trials.of(1))));
        assertThatThrownBy(() -> Comparison.DEFAULT.estimate(design, Statistic.MEDIAN_LATENCY, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("median_latency");
    }

    @Test
    void defaultsAreTenThousandReplicatesAndFivePercent() {
        assertThat(Comparison.DEFAULT).isEqualTo(new Comparison(10_000, 0.05));
        assertThat(Comparison.DEFAULT.withThreshold(0.1).threshold()).isEqualTo(0.1);
        assertThat(Comparison.DEFAULT_ALPHA).isEqualTo(0.05);
    }

    @Test
    void rejectsSettingsOutOfRange() {
        assertThatThrownBy(() -> new Comparison(999, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comparison(2_000, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comparison(2_000, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
