package dev.userbench.bench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order in which the arms of a comparison run within each trial, interleaved so that slow
 * machine drift (thermal, caches, background load) weighs on every arm alike.
 *
 * <p>Trial {@code t} runs the arms forward ({@code 0, 1, …, k-1}) when {@code t} is even and in
 * reverse when it is odd. For two arms this is the ABBA design: {@code A B | B A | A B | B A …}.
 * Over an even number of trials every arm has the same mean position, so a drift that is linear in
 * time cancels exactly; for two arms every arm also takes every position equally often.
 *
 * <p>The order is expressed in <em>arm indices</em>, never in names, so an A/A self-check such as
 * {@code [monolith, monolith]} yields two distinct arms.
 *
 * @param arms   number of arms compared, at least 1
 * @param trials number of trials, at least 1
 */
public record BalancedOrder(int arms, int trials) {

    public BalancedOrder {
        if (arms < 1) {
            throw new IllegalArgumentException("arms must be at least 1, got " + arms);
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
    }

    /** The order for {@code items.size()} arms over {@code trials} trials; duplicates are distinct arms. */
    public static BalancedOrder of(List<?> items, int trials) {
        return new BalancedOrder(items.size(), trials);
    }

    /**
     * Arm indices in the order they run in the given trial.
     *
     * @param trial 0-based trial number, below {@link #trials()}
     * @return a fresh array holding a permutation of {@code 0 .. arms-1}
     */
    public int[] armsInTrial(int trial) {
        if (trial < 0 || trial >= trials) {
            throw new IndexOutOfBoundsException("trial " + trial + " outside [0, " + trials + ")");
        }
        int[] order = new int[arms];
        boolean forward = (trial & 1) == 0;
        for (int position = 0; position < arms; position++) {
            order[position] = forward ? position : arms - 1 - position;
        }
        return order;
    }

    /**
     * The given items in the order they run in the given trial. Items are picked by position, so
     * equal items (an A/A check) keep their separate identities as arms.
     *
     * @param items one item per arm, in arm order
     */
    public <T> List<T> itemsInTrial(List<T> items, int trial) {
        if (items.size() != arms) {
            throw new IllegalArgumentException("expected " + arms + " items, got " + items.size());
        }
        List<T> ordered = new ArrayList<>(arms);
        for (int arm : armsInTrial(trial)) {
            ordered.add(items.get(arm));
        }
        return Collections.unmodifiableList(ordered);
    }
}
