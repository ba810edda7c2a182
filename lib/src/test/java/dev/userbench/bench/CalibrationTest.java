package dev.userbench.bench;

import dev.userbench.bench.stats.Statistic;
import dev.userbench.bench.stats.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {

    private static Harness.ComparisonResult comparison(double low, double high, double confidence) {
        return new Harness.ComparisonResult("login", "seed", "monolith", "monolith#2", Statistic.MEDIAN_LATENCY, 1.0,
                low, high, confidence, 0.5, 1 - confidence, Verdict.NO_SIGNIFICANT_DIFFERENCE, 12, 2, 1, "sample",
                1000, null);
    }

    @Test
    void anIntervalAtNinetyFivePercentImpliesItsStandardErrorOnTheLogScale() {
        double se = Calibration.logStandardError(comparison(Math.exp(-0.196), Math.exp(0.196), 0.95));
        assertThat(se).isCloseTo(0.1, within(1e-3));
    }

    @Test
    void theDetectableEffectGrowsWithTheNoiseAndNeverFallsBelowTheThreshold() {
        double quiet = Calibration.minimumDetectableEffect(0.001, 0.05, 0.05);
        double noisy = Calibration.minimumDetectableEffect(0.1, 0.05, 0.05);
        assertThat(quiet).isCloseTo(1.05, within(1e-9));
        // (1.96 + 0.84) standard errors: exp(0.28)
        assertThat(noisy).isCloseTo(Math.exp(0.1 * (1.959964 + 0.841621)), within(1e-4));
        assertThat(Calibration.minimumDetectableEffect(0.1, 0.005, 0.05)).isGreaterThan(noisy);
    }
}
