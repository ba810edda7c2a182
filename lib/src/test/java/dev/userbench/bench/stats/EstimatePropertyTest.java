package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Whatever the bootstrap produced, the verdict is read from the interval and cannot say otherwise. */
class EstimatePropertyTest {

    /** Replicates around 1, rounded to three decimals so that some equal 1.0 exactly and many tie. */
    @Provide
    Arbitrary<double[]> replicates() {
        return Arbitraries.doubles().between(0.5, 2.0).ofScale(3).list().ofMinSize(1).ofMaxSize(300)
                .map(list -> list.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static Estimate estimate(double[] sorted, double threshold, int pairs) {
        return new Estimate(Statistic.THROUGHPUT, sorted[sorted.length / 2], sorted, threshold, pairs);
    }

    @Property(tries = 2_000)
    void theVerdictNeverContradictsItsInterval(@ForAll("replicates") double[] sorted,
                                               @ForAll @DoubleRange(min = 0.001, max = 0.5) @Scale(4) double alpha,
                                               @ForAll @DoubleRange(min = 0, max = 0.5, maxIncluded = false) double threshold,
                                               @ForAll @IntRange(min = 1, max = 60) int pairs) {
        RatioEstimate judged = estimate(sorted, threshold, pairs).judge(alpha);
        boolean holdsOne = judged.ciLow() <= 1 && 1 <= judged.ciHigh();
        assertThat(judged.verdict() == Verdict.NO_SIGNIFICANT_DIFFERENCE).as(judged.toString()).isEqualTo(holdsOne);
        switch (judged.verdict()) {
            case FASTER -> assertThat(judged.ciHigh()).as(judged.toString()).isLessThan(1);
            case SLOWER -> assertThat(judged.ciLow()).as(judged.toString()).isGreaterThan(1);
            case NEGLIGIBLE -> {
                assertThat(holdsOne).isFalse();
                assertThat(judged.ciLow()).isGreaterThanOrEqualTo(1 - threshold);
                assertThat(judged.ciHigh()).isLessThanOrEqualTo(1 + threshold);
            }
            case NO_SIGNIFICANT_DIFFERENCE -> assertThat(holdsOne).isTrue();
        }
        assertThat(judged.confidence()).isEqualTo(1 - alpha);
        assertThat(List.of(judged.ciLow(), judged.ciHigh())).allSatisfy(bound ->
                assertThat(bound).isBetween(sorted[0], sorted[sorted.length - 1]));
    }

    @Property(tries = 2_000)
    void anIntervalExcludingOneHasAPValueAtMostItsLevel(
            @ForAll("replicates") double[] sorted, @ForAll @DoubleRange(min = 0.001, max = 0.5) @Scale(4) double alpha,
            @ForAll @IntRange(min = 1, max = 60) int pairs) {
        // what lets Holm's procedure, which orders and stops on p-values, be read off the intervals: a comparison
        // Holm stopped at (p above its level) must not be called faster or slower
        RatioEstimate judged = estimate(sorted, 0.05, pairs).judge(alpha);
        if (!judged.ciContains(1.0)) {
            assertThat(judged.pValue()).as("level %s: %s", alpha, judged).isLessThanOrEqualTo(alpha);
        }
    }
}
