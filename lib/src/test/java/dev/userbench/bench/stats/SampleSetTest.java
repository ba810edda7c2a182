package dev.userbench.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SampleSetTest {

    private static SampleSet recording(int cap, long seed, long calls) {
        SampleSet set = new SampleSet(cap, seed);
        for (long v = 0; v < calls; v++) {
            set.record(0, v);
        }
        return set;
    }

    @Test
    void belowTheCapEveryCallIsKeptPerTrial() {
        SampleSet set = new SampleSet(10, 1);
        set.record(0, 5);
        set.record(1, 7);
        set.record(0, 6);
        assertThat(set.trials()).isEqualTo(2);
        assertThat(set.trial(0)).containsExactlyInAnyOrder(5, 6);
        assertThat(set.trial(1)).containsExactly(7);
        assertThat(set.size()).isEqualTo(3);
    }

    @Test
    void beyondTheCapExactlyCapSamplesAreKeptWhileEveryCallIsCounted() {
        SampleSet set = recording(1_000, 42, 50_000);
        assertThat(set.trial(0)).hasSize(1_000);
        assertThat(set.seen(0)).isEqualTo(50_000);
    }

    @Test
    void reservoirKeepsDistinctRecordedValues() {
        long[] kept = recording(1_000, 42, 50_000).trial(0);
        assertThat(kept).doesNotHaveDuplicates();
        assertThat(LongStream.of(kept).allMatch(v -> v >= 0 && v < 50_000)).isTrue();
    }

    @Test
    void reservoirIsAUniformSampleOfAllCalls() {
        // mean of 1,000 uniform picks from 0..49,999 has standard error ~456; allow > 4 of them
        double mean = LongStream.of(recording(1_000, 42, 50_000).trial(0)).average().orElseThrow();
        assertThat(mean).isBetween(23_000.0, 27_000.0);
    }

    @Test
    void sameSeedKeepsTheSameReservoir() {
        assertThat(recording(1_000, 7, 20_000).trial(0)).containsExactly(recording(1_000, 7, 20_000).trial(0));
    }

    @Test
    void differentSeedKeepsADifferentReservoir() {
        assertThat(recording(1_000, 7, 20_000).trial(0)).isNotEqualTo(recording(1_000, 8, 20_000).trial(0));
    }

    @Test
    void defaultCapIsTwoHundredThousandPerTrial() {
        assertThat(new SampleSet(1).capPerTrial()).isEqualTo(200_000).isEqualTo(SampleSet.DEFAULT_CAP_PER_TRIAL);
    }

    @Test
    void mergeBelowTheCapConcatenatesTrialByTrial() {
        SampleSet a = new SampleSet(10, 1);
        a.record(0, 1);
        SampleSet b = new SampleSet(10, 2);
        b.record(0, 2);
        b.record(1, 3);
        a.merge(b);
        assertThat(a.trial(0)).containsExactlyInAnyOrder(1, 2);
        assertThat(a.trial(1)).containsExactly(3);
    }

    @Test
    void mergeBeyondTheCapDrawsFromEachSideInProportionToCallsSeen() {
        SampleSet many = recording(1_000, 1, 9_000); // values below 9,000
        SampleSet few = new SampleSet(1_000, 2);
        for (long v = 0; v < 1_000; v++) {
            few.record(0, 1_000_000 + v);
        }
        many.merge(few);
        long fromFew = LongStream.of(many.trial(0)).filter(v -> v >= 1_000_000).count();
        assertThat(many.trial(0)).hasSize(1_000).doesNotHaveDuplicates();
        assertThat(many.seen(0)).isEqualTo(10_000);
        assertThat(fromFew).isBetween(60L, 140L); // expected 100, standard deviation ~9
    }

    @Test
    void mergeRejectsADifferentCap() {
        assertThatThrownBy(() -> new SampleSet(10, 1).merge(new SampleSet(20, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caps differ");
    }

    @Test
    void ofHoldsTheGivenTrialsExactly() {
        long[] big = LongStream.range(0, 300_000).toArray();
        SampleSet set = SampleSet.of(new long[] {3, 1, 2}, big);
        assertThat(set.trial(0)).containsExactlyInAnyOrder(3, 1, 2);
        assertThat(set.trial(1)).hasSize(300_000);
    }

    @Test
    void trialReturnsACopy() {
        SampleSet set = SampleSet.of(new long[] {1, 2});
        Arrays.fill(set.trial(0), 99);
        assertThat(set.trial(0)).containsExactly(1, 2);
    }

    @Test
    void rejectsNegativeLatencyAndNegativeTrial() {
        SampleSet set = new SampleSet(1);
        assertThatThrownBy(() -> set.record(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.record(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
