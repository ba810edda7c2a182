package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BalancedOrderTest {

    private static int[] flatten(BalancedOrder order) {
        return IntStream.range(0, order.trials())
                .flatMap(t -> IntStream.of(order.armsInTrial(t)))
                .toArray();
    }

    @Test
    void twoArmsOverFourTrialsRunAbbaAbba() {
        assertThat(flatten(new BalancedOrder(2, 4))).containsExactly(0, 1, 1, 0, 0, 1, 1, 0);
    }

    @Test
    void threeArmsRunForwardOnEvenTrialsAndReversedOnOddTrials() {
        BalancedOrder order = new BalancedOrder(3, 3);
        assertThat(order.armsInTrial(0)).containsExactly(0, 1, 2);
        assertThat(order.armsInTrial(1)).containsExactly(2, 1, 0);
        assertThat(order.armsInTrial(2)).containsExactly(0, 1, 2);
    }

    @Test
    void everyArmRunsExactlyOncePerTrial() {
        for (int arms = 1; arms <= 6; arms++) {
            BalancedOrder order = new BalancedOrder(arms, 7);
            int[] all = IntStream.range(0, arms).toArray();
            for (int t = 0; t < order.trials(); t++) {
                assertThat(order.armsInTrial(t)).as("arms=%d trial=%d", arms, t).containsExactlyInAnyOrder(all);
            }
        }
    }

    @Test
    void withTwoArmsAndEvenTrialsEachArmTakesEachPositionEquallyOften() {
        BalancedOrder order = new BalancedOrder(2, 6);
        int[][] timesAtPosition = new int[2][2];
        for (int t = 0; t < order.trials(); t++) {
            int[] arms = order.armsInTrial(t);
            for (int position = 0; position < arms.length; position++) {
                timesAtPosition[arms[position]][position]++;
            }
        }
        assertThat(timesAtPosition).isDeepEqualTo(new int[][] {{3, 3}, {3, 3}});
    }

    @Test
    void withAnyArmsAndEvenTrialsEveryArmHasTheSameMeanPositionSoLinearDriftCancels() {
        for (int arms = 2; arms <= 6; arms++) {
            BalancedOrder order = new BalancedOrder(arms, 4);
            int[] positionSum = new int[arms];
            for (int t = 0; t < order.trials(); t++) {
                int[] run = order.armsInTrial(t);
                for (int position = 0; position < arms; position++) {
                    positionSum[run[position]] += position;
                }
            }
            int expected = order.trials() * (arms - 1) / 2;
            assertThat(positionSum).as("arms=%d", arms).containsOnly(expected);
        }
    }

    @Test
    void sameLayoutTwiceIsTwoDistinctArms() {
        List<String> items = List.of("monolith", "monolith");
        BalancedOrder order = BalancedOrder.of(items, 2);
        assertThat(order.arms()).isEqualTo(2);
        assertThat(order.armsInTrial(1)).containsExactly(1, 0);
        assertThat(order.itemsInTrial(items, 1)).containsExactly("monolith", "monolith");
    }

    @Test
    void itemsFollowTheArmOrder() {
        List<String> items = List.of("monolith", "split", "wide");
        assertThat(BalancedOrder.of(items, 2).itemsInTrial(items, 1)).containsExactly("wide", "split", "monolith");
    }

    @Test
    void rejectsNoArmsNoTrialsAndTrialsOutOfRange() {
        assertThatThrownBy(() -> new BalancedOrder(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BalancedOrder(2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BalancedOrder(2, 2).armsInTrial(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new BalancedOrder(2, 2).itemsInTrial(List.of("a"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
