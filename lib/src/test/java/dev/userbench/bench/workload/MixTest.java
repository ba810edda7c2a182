package dev.userbench.bench.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MixTest {

    private static long[] draws(Mix mix, int count, long seed) {
        long[] drawn = new long[mix.shares().size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            drawn[mix.draw(random)]++;
        }
        return drawn;
    }

    @Test
    void theDefaultMixHonoursItsWeightsOverManySeededDraws() {
        int count = 400_000;
        Mix mix = Mix.DEFAULT;
        assertThat(mix.spec()).isEqualTo("login=70,profile_view=15,login_touch=10,profile_edit=4,signup=1");
        long[] drawn = draws(mix, count, 42);
        for (int i = 0; i < drawn.length; i++) {
            double expected = mix.shares().get(i).weight() / (double) mix.totalWeight();
            // five standard deviations of a binomial share at this count is under 0.004
            assertThat(drawn[i] / (double) count).as(mix.shares().get(i).workload()).isCloseTo(expected, within(0.004));
        }
    }

    @Test
    void aZeroWeightIsNeverDrawnAndTheSameSeedDrawsTheSameSequence() {
        Mix mix = Mix.parse("login=1, signup=0 ,profile_view=3");
        long[] drawn = draws(mix, 10_000, 7);
        assertThat(drawn[1]).isZero();
        assertThat(draws(mix, 10_000, 7)).containsExactly(drawn);
        assertThat(mix.writes()).isFalse();
        assertThat(Mix.parse("login=1,signup=1").writes()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "login70|'login70' is not name=weight",
            "login=|'login=' is not name=weight",
            "=5|'=5' is not name=weight",
            "login=7=0|'login=7=0' is not name=weight",
            "login=70,,signup=1|'' is not name=weight",
            "logon=70|unknown operation 'logon'",
            "mixed=5|unknown operation 'mixed'",
            "login=seventy|must be a whole number, got 'seventy'",
            "login=1.5|must be a whole number",
            "login=-1|cannot be negative",
            "login=1,login=2|'login' is given twice",
            "login=0,signup=0|at least one weight must be above 0",
    })
    void malformedMixesAreRefusedWithAMessageNamingTheProblem(String text, String message) {
        assertThatThrownBy(() -> Mix.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--mix").hasMessageContaining(message);
    }
}
