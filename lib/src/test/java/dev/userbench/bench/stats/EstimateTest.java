package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EstimateTest {

    /** So many pairs that Student's t is the normal distribution: the levels are read as they are. */
    private static final int UNEXPANDED = 1_000_000;

    /** 1,000 replicates 0.500, 0.501, ..., 1.499. */
    private static double[] evenlySpread() {
        double[] sorted = new double[1_000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = 0.5 + i / 1_000.0;
        }
        return sorted;
    }

    @Test
    void aComparisonWhosePValueIsAboveItsLevelIsNotCalledFasterOrSlower() {
        // 975 replicates at 0.5 and 25 just above 1: p = 0.05. At a Holm level such as 0.048248 Holm stops there, so
        // the comparison must not be decided; interpolating between the 975th and the 976th replicate put the upper
        // bound at 0.96 and called it faster.
        double[] sorted = new double[1_000];
        Arrays.fill(sorted, 0, 975, 0.5);
        Arrays.fill(sorted, 975, 1_000, 1.01);
        Estimate estimate = new Estimate(Statistic.THROUGHPUT, 0.5, sorted, 0.05, UNEXPANDED);
        double level = 0.048248;
        assertThat(estimate.pValue()).isCloseTo(0.05, within(1e-6)).isGreaterThan(level);
        RatioEstimate judged = estimate.judge(level);
        assertThat(judged.ciContains(1.0)).as(judged.toString()).isTrue();
        assertThat(judged.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void withManyPairsTheIntervalIsBoundedByReplicatesAndLeavesOutTheNominalShare() {
        double[] sorted = evenlySpread();
        double[] interval = new Estimate(Statistic.THROUGHPUT, 1.0, sorted, 0.05, UNEXPANDED).interval(0.95);
        assertThat(interval).containsExactly(sorted[24], sorted[975]);
    }

    @Test
    void withTwelvePairsTheIntervalIsExpandedForStudentsTWithElevenDegreesOfFreedom() {
        // t(11, 0.975) = 2.201 (tables); Φ(-√(12/11) · 2.201) = Φ(-2.299) = 0.0108: 10 replicates left out per side
        double[] sorted = evenlySpread();
        double[] interval = new Estimate(Statistic.THROUGHPUT, 1.0, sorted, 0.05, 12).interval(0.95);
        assertThat(interval).containsExactly(sorted[10], sorted[989]);
    }

    @Test
    void thePValueIsTwiceTheShareOfReplicatesOnTheFarSideOfOneWithTiesCountedHalf() {
        double[] sorted = {0.9, 0.95, 1.0, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6};
        // 2 below, 2 at 1, 6 above: 2 * (2 + 1) / 10
        assertThat(new Estimate(Statistic.THROUGHPUT, 1.2, sorted, 0.05, UNEXPANDED).pValue()).isCloseTo(0.6, within(1e-6));
    }

    @Test
    void fewerPairsGiveALargerPValueForTheSameReplicates() {
        double[] sorted = evenlySpread(); // shifted to 0.9805 ... 1.9795: 20 of 1,000 below 1, none at 1
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] += 0.4805;
        }
        double many = new Estimate(Statistic.THROUGHPUT, 1.0, sorted, 0.05, UNEXPANDED).pValue();
        double twelve = new Estimate(Statistic.THROUGHPUT, 1.0, sorted, 0.05, 12).pValue();
        double four = new Estimate(Statistic.THROUGHPUT, 1.0, sorted, 0.05, 4).pValue();
        assertThat(many).isCloseTo(0.04, within(1e-6));
        assertThat(twelve).isGreaterThan(many);
        assertThat(four).isGreaterThan(twelve);
    }
}
