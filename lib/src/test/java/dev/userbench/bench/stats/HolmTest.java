package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HolmTest {

    private static final double ALPHA = 0.05;

    @Test
    void theSmallestPValueIsReadAtAlphaOverTheNumberOfComparisons() {
        double[] levels = Holm.levels(new double[] {0.3, 0.001, 0.2, 0.04}, ALPHA);
        assertThat(levels[1]).isEqualTo(ALPHA / 4);
    }

    @Test
    void eachRejectionStepsDownToAlphaOverTheComparisonsLeft() {
        // 0.001 ≤ 0.05/4 and 0.01 ≤ 0.05/3 and 0.02 ≤ 0.05/2 and 0.03 ≤ 0.05/1: all rejected, each at its own step
        double[] levels = Holm.levels(new double[] {0.03, 0.001, 0.02, 0.01}, ALPHA);
        assertThat(levels).containsExactly(ALPHA, ALPHA / 4, ALPHA / 2, ALPHA / 3);
    }

    @Test
    void theFirstComparisonNotRejectedStopsTheProcedureAndEveryLaterOneCarriesItsLevel() {
        // 0.001 ≤ 0.0125 rejected; 0.03 > 0.05/3 stops; 0.04 would pass at 0.05/2 on its own, but Holm has stopped
        double[] pValues = {0.04, 0.001, 0.03, 0.5};
        double[] levels = Holm.levels(pValues, ALPHA);
        assertThat(levels).containsExactly(ALPHA / 3, ALPHA / 4, ALPHA / 3, ALPHA / 3);
        assertThat(pValues[0]).isGreaterThan(levels[0]);
    }

    @Test
    void oneComparisonIsReadAtAlpha() {
        assertThat(Holm.levels(new double[] {0.9}, ALPHA)).containsExactly(ALPHA);
        assertThat(Holm.levels(new double[0], ALPHA)).isEmpty();
    }

    @Test
    void rejectsAnAlphaOutsideZeroToOne() {
        assertThatThrownBy(() -> Holm.levels(new double[] {0.1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Holm.levels(new double[] {0.1}, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whether any of {@code pValues} is rejected at the level Holm gives it. */
    private static boolean anyRejected(double[] pValues, double[] levels) {
        for (int i = 0; i < pValues.length; i++) {
            if (pValues[i] <= levels[i]) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theFamilyWiseErrorRateOverIndependentNullPValuesStaysAtAlpha() {
        // 20,000 families of 6 uniform p-values: Holm's bound is exact here, unadjusted reading is 1 - 0.95^6 = 0.26
        SplittableRandom random = new SplittableRandom(5);
        int families = 20_000;
        int holm = 0;
        int unadjusted = 0;
        for (int f = 0; f < families; f++) {
            double[] p = new double[6];
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextDouble();
            }
            holm += anyRejected(p, Holm.levels(p, ALPHA)) ? 1 : 0;
            unadjusted += anyRejected(p, new double[] {ALPHA, ALPHA, ALPHA, ALPHA, ALPHA, ALPHA}) ? 1 : 0;
        }
        // one standard error of 0.05 at 20,000 families is 0.0015
        assertThat((double) holm / families).isLessThanOrEqualTo(ALPHA + 0.005);
        assertThat((double) unadjusted / families).isGreaterThan(0.2);
    }

    @Test
    void theFamilyWiseErrorRateOfBootstrapVerdictsOverNullComparisonsStaysAtAlpha() {
        // 400 families of 5 comparisons of identical arms (12 pairs in 2 forks each), judged as a run judges them:
        // a family errs when any verdict is not "no significant difference". This gave 0.0525; before the levels were
        // expanded for the number of pairs (see Estimate), 0.11.
        Comparison comparison = new Comparison(1_000, Comparison.DEFAULT_THRESHOLD);
        int families = 400;
        int erred = 0;
        for (int f = 0; f < families; f++) {
            Estimate[] estimates = new Estimate[5];
            double[] p = new double[estimates.length];
            for (int i = 0; i < estimates.length; i++) {
                long seed = 1_000L * f + i;
                estimates[i] = comparison.estimate(Trials.design(seed, 2, 6, 100, 100_000, 1.0, 0.05),
                        Statistic.THROUGHPUT, seed);
                p[i] = estimates[i].pValue();
            }
            double[] levels = Holm.levels(p, ALPHA);
            boolean any = false;
            for (int i = 0; i < estimates.length; i++) {
                any |= estimates[i].judge(levels[i]).verdict() != Verdict.NO_SIGNIFICANT_DIFFERENCE;
            }
            erred += any ? 1 : 0;
        }
        // one standard error of 0.05 at 400 families is 0.011: three of them as the Monte-Carlo tolerance
        assertThat((double) erred / families).isLessThanOrEqualTo(ALPHA + 0.033);
    }
}
