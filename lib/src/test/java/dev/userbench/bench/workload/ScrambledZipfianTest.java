package dev.userbench.bench.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrambledZipfianTest {

    private static final int USERS = 10_000;
    private static final int DRAWS = 1_000_000;

    /** Draws per key, hottest first. */
    private static long[] countsDescending(KeyChooser keys, long seed) {
        long[] counts = new long[(int) keys.items()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < DRAWS; i++) {
            counts[(int) keys.next(random)]++;
        }
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            long swap = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = swap;
        }
        return sorted;
    }

    private static double shareOfTopOnePercent(long[] descending) {
        long top = Arrays.stream(descending, 0, descending.length / 100).sum();
        return top / (double) DRAWS;
    }

    @Test
    void zipfianGivesTheTopOnePercentOfUsersFarMoreThanOnePercentOfDraws() {
        double share = shareOfTopOnePercent(countsDescending(new ScrambledZipfian(USERS, 0.99), 1));
        // theta 0.99 over 10,000 users puts about half the draws on the hottest 100
        assertThat(share).isGreaterThan(0.30);
    }

    @Test
    void uniformIsNotSkewed() {
        double share = shareOfTopOnePercent(countsDescending(new KeyChooser.Uniform(USERS), 1));
        // 100 draws per user on average: the hottest 1 % sit only a few standard deviations above
        assertThat(share).isBetween(0.01, 0.015);
    }

    @Test
    void aSmallerConstantIsLessSkewed() {
        double mild = shareOfTopOnePercent(countsDescending(new ScrambledZipfian(USERS, 0.5), 1));
        double strong = shareOfTopOnePercent(countsDescending(new ScrambledZipfian(USERS, 0.99), 1));
        assertThat(mild).isGreaterThan(0.01).isLessThan(strong);
    }

    @Test
    void theHottestUsersAreSpreadOverTheKeySpaceNotTheFirstIndices() {
        ScrambledZipfian keys = new ScrambledZipfian(USERS, 0.99);
        SplittableRandom random = new SplittableRandom(3);
        long[] counts = new long[USERS];
        for (int i = 0; i < DRAWS; i++) {
            counts[(int) keys.next(random)]++;
        }
        int[] hottest = IntStream.range(0, USERS).boxed()
                .sorted((a, b) -> Long.compare(counts[b], counts[a])).limit(100).mapToInt(Integer::intValue).toArray();
        long inFirstTenth = Arrays.stream(hottest).filter(index -> index < USERS / 10).count();
        assertThat(inFirstTenth).as("hot users among the first tenth of indices").isLessThan(30);
        assertThat(Arrays.stream(hottest).max().getAsInt() - Arrays.stream(hottest).min().getAsInt())
                .isGreaterThan(USERS / 2);
    }

    @Test
    void theSameSeedGivesTheSamePicksAndEveryPickIsAnExistingUser() {
        ScrambledZipfian keys = new ScrambledZipfian(1_234, 0.99);
        SplittableRandom first = new SplittableRandom(9);
        SplittableRandom second = new SplittableRandom(9);
        for (int i = 0; i < 10_000; i++) {
            long pick = keys.next(first);
            assertThat(pick).isEqualTo(keys.next(second)).isBetween(0L, 1_233L);
        }
    }

    @Test
    void oneUserIsAlwaysPicked() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(IntStream.range(0, 100).mapToLong(i -> new ScrambledZipfian(1, 0.99).next(random)).distinct())
                .containsExactly(0L);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
    void aConstantOutsideZeroToOneIsRefusedNamingTheOption(double theta) {
        assertThatThrownBy(() -> new ScrambledZipfian(100, theta))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--zipf-constant");
    }

    @Test
    void fnvMatchesTheReferenceValueOfYcsbsHash() {
        // FNV-1a 64 of the eight zero bytes of 0L, from the FNV reference parameters
        long expected = 0xCBF29CE484222325L;
        for (int i = 0; i < 8; i++) {
            expected *= 1099511628211L;
        }
        assertThat(ScrambledZipfian.fnv1a64(0)).isEqualTo(expected);
    }
}
