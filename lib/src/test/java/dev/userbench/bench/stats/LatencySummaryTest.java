package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    /** One call each of 1, 2, …, 1000 µs, recorded in nanoseconds. */
    private static Histogram oneToAThousandMicros() {
        Histogram h = new Histogram(3);
        for (int micros = 1; micros <= 1000; micros++) {
            h.recordValue(micros * 1_000L);
        }
        return h;
    }

    @Test
    void percentilesMatchTheHandComputedOnesInMicroseconds() {
        LatencySummary s = LatencySummary.of(oneToAThousandMicros(), 2.0);
        // the k-th percentile of 1..1000 is the ceil(k% of 1000)-th value; 3 significant digits => 0.1 %
        assertThat(s.p50()).isCloseTo(500, withinPercentage(0.1));
        assertThat(s.p90()).isCloseTo(900, withinPercentage(0.1));
        assertThat(s.p95()).isCloseTo(950, withinPercentage(0.1));
        assertThat(s.p99()).isCloseTo(990, withinPercentage(0.1));
        assertThat(s.p999()).isCloseTo(999, withinPercentage(0.1));
        assertThat(s.max()).isCloseTo(1000, withinPercentage(0.1));
    }

    @Test
    void meanAndPopulationStandardDeviationMatchTheHandComputedOnes() {
        LatencySummary s = LatencySummary.of(oneToAThousandMicros(), 2.0);
        assertThat(s.mean()).isCloseTo(500.5, withinPercentage(0.1));
        assertThat(s.stdev()).isCloseTo(Math.sqrt((1000.0 * 1000.0 - 1) / 12), withinPercentage(0.1));
    }

    @Test
    void opsIsTheCountAndThroughputIsOpsPerWallSecond() {
        LatencySummary s = LatencySummary.of(oneToAThousandMicros(), 2.0);
        assertThat(s.ops()).isEqualTo(1000);
        assertThat(s.opsPerS()).isEqualTo(500.0);
    }

    @Test
    void emptyHistogramSummarisesToZeros() {
        assertThat(LatencySummary.of(new Histogram(3), 1.0))
                .isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void rejectsWallTimeThatIsNotPositiveAndFinite() {
        Histogram h = oneToAThousandMicros();
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> LatencySummary.of(h, bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
