package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EstimateTest {

    /** 975 replicates at 0.5 and 25 just above 1: half of a two-sided p-value of 0.05 lies above 1. */
    private static Estimate straddling() {
        double[] sorted = new double[1_000];
        Arrays.fill(sorted, 0, 975, 0.5);
        Arrays.fill(sorted, 975, 1_000, 1.01);
        return new Estimate(Statistic.THROUGHPUT, 0.5, sorted, 0.05);
    }

    @Test
    void aComparisonWhosePValueIsAboveItsLevelIsNotCalledFasterOrSlower() {
        // a Holm level such as 0.05 / 1.036: Holm stops at p = 0.05 > level, so this comparison must not be decided.
        // Interpolating between the 974th and the 975th replicate put the upper bound at 0.96 and called it faster.
        double level = 0.048248;
        Estimate estimate = straddling();
        assertThat(estimate.pValue()).isEqualTo(0.05);
        RatioEstimate judged = estimate.judge(level);
        assertThat(judged.ciContains(1.0)).as(judged.toString()).isTrue();
        assertThat(judged.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void theIntervalIsBoundedByReplicatesAndHoldsTheCentralShare() {
        double[] sorted = new double[1_000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = 0.5 + i / 1_000.0;
        }
        double[] interval = new Estimate(Statistic.THROUGHPUT, 1.0, sorted, 0.05).interval(0.95);
        assertThat(sorted).contains(interval[0], interval[1]);
        long inside = Arrays.stream(sorted).filter(r -> interval[0] <= r && r <= interval[1]).count();
        assertThat(inside).isGreaterThanOrEqualTo(950);
    }

    @Test
    void thePValueIsTwiceTheShareOfReplicatesOnTheFarSideOfOneWithTiesCountedHalf() {
        double[] sorted = {0.9, 0.95, 1.0, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6};
        // 2 below, 2 at 1, 6 above: 2 * (2 + 1) / 10
        assertThat(new Estimate(Statistic.THROUGHPUT, 1.2, sorted, 0.05).pValue()).isEqualTo(0.6);
    }
}
