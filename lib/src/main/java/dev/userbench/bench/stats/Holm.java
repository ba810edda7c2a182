package dev.userbench.bench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down procedure (Holm 1979) over a run's comparisons, expressed as the level each comparison's
 * interval is read at, so that "its interval excludes 1" is Holm's rejection: with p-values in ascending order,
 * the i-th (from 0) of m is tested at {@code alpha / (m - i)} while every smaller one was rejected; from the first
 * that is not, every later one is read at that same level, which its larger p-value keeps from rejecting. The
 * family-wise error rate stays at most {@code alpha} whatever the dependence between the comparisons.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * @param pValues one per comparison
     * @param alpha   the family-wise error rate, in (0, 1)
     * @return the level (alpha adjusted) for each comparison, in the order given
     */
    public static double[] levels(double[] pValues, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] levels = new double[m];
        double stoppedAt = Double.NaN;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            if (!Double.isNaN(stoppedAt)) {
                levels[i] = stoppedAt;
                continue;
            }
            double level = alpha / (m - rank);
            levels[i] = level;
            if (pValues[i] > level) {
                stoppedAt = level;
            }
        }
        return levels;
    }
}
