package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void intervalHoldingOneIsNoSignificantDifferenceEvenWhenWide() {
        assertThat(Verdict.decide(0.5, 1.5, 0.05)).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
        assertThat(Verdict.decide(1.0, 1.2, 0.05)).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void intervalExcludingOneButWithinTheThresholdIsNegligible() {
        assertThat(Verdict.decide(1.01, 1.03, 0.05)).isEqualTo(Verdict.NEGLIGIBLE);
        assertThat(Verdict.decide(0.95, 0.99, 0.05)).isEqualTo(Verdict.NEGLIGIBLE);
    }

    @Test
    void intervalBelowOneAndReachingPastTheThresholdIsFaster() {
        assertThat(Verdict.decide(0.90, 0.97, 0.05)).isEqualTo(Verdict.FASTER);
    }

    @Test
    void intervalAboveOneAndReachingPastTheThresholdIsSlower() {
        assertThat(Verdict.decide(1.02, 1.08, 0.05)).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void labelsAreTheJsonNamesAndRoundTrip() {
        assertThat(Verdict.FASTER.label()).isEqualTo("faster");
        assertThat(Verdict.SLOWER.label()).isEqualTo("slower");
        assertThat(Verdict.NO_SIGNIFICANT_DIFFERENCE.label()).isEqualTo("no significant difference");
        assertThat(Verdict.NEGLIGIBLE.label()).isEqualTo("negligible");
        for (Verdict v : Verdict.values()) {
            assertThat(Verdict.fromLabel(v.label())).isEqualTo(v);
        }
    }

    @Test
    void rejectsAnInvertedIntervalAndAThresholdOutOfRange() {
        assertThatThrownBy(() -> Verdict.decide(1.2, 1.1, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verdict.decide(1.1, 1.2, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVerdictPrintsAsItsLabelInASentence() {
        assertThat("ratio 0.5 (" + Verdict.FASTER + ")").isEqualTo("ratio 0.5 (faster)");
        assertThat(String.valueOf(Verdict.NO_SIGNIFICANT_DIFFERENCE)).isEqualTo("no significant difference");
    }
}
