package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class ComparisonPropertyTest {

    private static final SampleSet BASELINE = Latencies.logNormal(1, 3, 501, 100_000);
    private static final SampleSet CANDIDATE = Latencies.logNormal(2, 3, 501, 120_000);
    private static final Comparison QUICK = Comparison.DEFAULT.withReplicates(200);
    private static final RatioEstimate UNSCALED = QUICK.compare(BASELINE, CANDIDATE, 7);

    @Property(tries = 50)
    void scalingTheCandidateByAFactorScalesTheRatioAndItsIntervalByThatFactor(
            @ForAll @DoubleRange(min = 0.05, max = 20) double factor) {
        RatioEstimate scaled = QUICK.compare(BASELINE, Latencies.scaled(CANDIDATE, factor), 7);
        // rounding scaled latencies to whole nanoseconds costs at most ~1e-4 relative here
        assertThat(scaled.ratio()).isCloseTo(UNSCALED.ratio() * factor, withinPercentage(0.1));
        assertThat(scaled.ciLow()).isCloseTo(UNSCALED.ciLow() * factor, withinPercentage(0.1));
        assertThat(scaled.ciHigh()).isCloseTo(UNSCALED.ciHigh() * factor, withinPercentage(0.1));
    }
}
