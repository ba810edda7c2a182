package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

class ComparisonPropertyTest {

    private static final PairedTrials DESIGN = Trials.design(7, 2, 3, 301, 100_000, 1.2, 0.05);
    private static final Comparison QUICK = new Comparison(1_000, 0.05);

    /** The same design with every candidate latency and trial time multiplied by {@code factor}. */
    private static PairedTrials scaled(double factor) {
        List<List<PairedTrials.Pair>> forks = new ArrayList<>();
        for (List<PairedTrials.Pair> fork : DESIGN.forks()) {
            forks.add(fork.stream().map(p -> new PairedTrials.Pair(p.baseline(), scaled(p.candidate(), factor))).toList());
        }
        return new PairedTrials(forks);
    }

    private static TrialSample scaled(TrialSample trial, double factor) {
        Histogram histogram = new Histogram(3);
        for (HistogramIterationValue value : trial.calls().recordedValues()) {
            histogram.recordValueWithCount(Math.round(value.getValueIteratedTo() * factor), value.getCountAtValueIteratedTo());
        }
        return new TrialSample(trial.ops(), Math.round(trial.nanos() * factor), histogram);
    }

    @Property(tries = 30)
    void scalingTheCandidateByAFactorScalesTheRatioAndItsIntervalByThatFactor(
            @ForAll @DoubleRange(min = 0.05, max = 20) double factor) {
        for (Statistic statistic : List.of(Statistic.THROUGHPUT, Statistic.MEDIAN_LATENCY)) {
            RatioEstimate unscaled = QUICK.estimate(DESIGN, statistic, 7).judge(0.05);
            RatioEstimate scaled = QUICK.estimate(scaled(factor), statistic, 7).judge(0.05);
            // the histogram keeps three significant digits: a scaled call lands within 0.1 % of the scaled value
            assertThat(scaled.ratio()).as(statistic.label()).isCloseTo(unscaled.ratio() * factor, withinPercentage(0.25));
            assertThat(scaled.ciLow()).as(statistic.label()).isCloseTo(unscaled.ciLow() * factor, withinPercentage(0.25));
            assertThat(scaled.ciHigh()).as(statistic.label()).isCloseTo(unscaled.ciHigh() * factor, withinPercentage(0.25));
        }
    }
}
