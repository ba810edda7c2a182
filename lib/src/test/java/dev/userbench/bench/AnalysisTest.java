package dev.userbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.userbench.bench.stats.Holm;
import dev.userbench.bench.stats.Statistic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** From a run's trials to its comparisons: which trials pair up, which arm is the baseline, which statistics. */
class AnalysisTest {

    private static final Analysis.Settings SETTINGS = Analysis.Settings.defaults(0.05, 42);

    /** A trial of {@code calls} calls of about {@code nanosPerCall} each, its time their sum. */
    private static Trial trial(int fork, int round, int arm, boolean writes, int calls, double nanosPerCall, long seed) {
        Random random = new Random(seed);
        Histogram histogram = new Histogram(3);
        long nanos = 0;
        for (int i = 0; i < calls; i++) {
            long latency = Math.max(1, Math.round(nanosPerCall * (0.9 + 0.2 * random.nextDouble())));
            histogram.recordValue(latency);
            nanos += latency;
        }
        return new Trial(fork, round, arm == 0 ? round & 1 : 1 - (round & 1), arm, arm == 0 ? "monolith" : "layout" + arm,
                writes ? "insert" : "login", "seed", writes, 1, "sample", 1_000, null, "call", calls, calls, nanos,
                Trial.encode(histogram));
    }


    /**
     * Two forks of four rounds; the machine's level differs wildly from round to round (1× to 5×), and in every round
     * the candidate takes exactly 1.2 times the baseline: paired by round, every resampled ratio is 1.2.
     */
    private static List<Trial> roundsWithWildLevels(boolean writes, int calls) {
        double[] levels = {1, 5, 2, 4, 3, 1.5, 4.5, 2.5};
        List<Trial> trials = new ArrayList<>();
        for (int fork = 1; fork <= 2; fork++) {
            for (int round = 0; round < 4; round++) {
                double level = levels[(fork - 1) * 4 + round] * 10_000;
                long seed = 100L * fork + round;
                trials.add(trial(fork, round, 0, writes, calls, level, seed));
                Trial baseline = trials.get(trials.size() - 1);
                // the same calls, each 1.2 times as long
                trials.add(new Trial(fork, round, 1 - (round & 1), 1, "fragmented", baseline.operation(),
                        baseline.variant(), writes, 1, "sample", 1_000, null, "call", calls, calls,
                        Math.round(baseline.nanos() * 1.2), Trial.encode(scaled(baseline.latencies(), 1.2))));
            }
        }
        return trials;
    }

    private static Histogram scaled(Histogram histogram, double factor) {
        Histogram scaled = new Histogram(3);
        histogram.recordedValues().forEach(v ->
                scaled.recordValueWithCount(Math.round(v.getValueIteratedTo() * factor), v.getCountAtValueIteratedTo()));
        return scaled;
    }

    @Test
    void trialsArePairedByForkAndRoundWhateverTheirOrderInTheRun() {
        List<Trial> trials = roundsWithWildLevels(true, 50);
        Collections.shuffle(trials, new Random(3));

        Harness.ComparisonResult c = Analysis.comparisons(trials, SETTINGS).get(0);

        assertThat(c.pairs()).isEqualTo(8);
        assertThat(c.forks()).isEqualTo(2);
        // paired wrongly (across rounds or forks), the rounds' levels of 1× to 5× would spread the replicates widely
        assertThat(c.ratio()).isCloseTo(1.2, within(1e-6));
        assertThat(c.ciLow()).isCloseTo(1.2, within(1e-6));
        assertThat(c.ciHigh()).isCloseTo(1.2, within(1e-6));
    }

    @Test
    void aSinglePairOfTrialsGivesNoComparisonForItCouldShowNoSpread() {
        List<Trial> one = List.of(trial(1, 0, 0, true, 50, 1_000_000, 1), trial(1, 0, 1, true, 50, 2_000_000, 2));
        List<Trial> two = new ArrayList<>(one);
        two.add(trial(1, 1, 1, true, 50, 2_000_000, 3));
        two.add(trial(1, 1, 0, true, 50, 1_000_000, 4));

        assertThat(Analysis.comparisons(one, SETTINGS)).isEmpty();
        assertThat(Analysis.measurements(one)).hasSize(2);
        assertThat(Analysis.comparisons(two, SETTINGS)).hasSize(1);
    }

    @Test
    void aTrialWithoutAPartnerInItsForkAndRoundIsLeftOut() {
        List<Trial> trials = new ArrayList<>(roundsWithWildLevels(true, 50));
        trials.add(trial(1, 4, 1, true, 50, 1_000_000, 9));  // a fifth round in fork 1, the candidate's only
        trials.add(trial(3, 0, 0, true, 50, 1_000_000, 10)); // a third fork, the baseline's only

        Harness.ComparisonResult c = Analysis.comparisons(trials, SETTINGS).get(0);

        assertThat(c.pairs()).isEqualTo(8);
        assertThat(c.forks()).isEqualTo(2);
        assertThat(c.ciHigh()).isCloseTo(1.2, within(1e-6));
    }

    @Test
    void aBenchmarkMeasuredTwiceAtTheSameLoadInOneForkPairsEachTrialOnce() {
        // as a cache sweep does when two of its sizes come out alike: the rounds 0-3 of each fork run twice
        List<Trial> trials = new ArrayList<>(roundsWithWildLevels(true, 50));
        trials.addAll(roundsWithWildLevels(true, 50));

        Harness.ComparisonResult c = Analysis.comparisons(trials, SETTINGS).get(0);

        assertThat(c.pairs()).isEqualTo(16);
        assertThat(c.ciLow()).isCloseTo(1.2, within(1e-6));
        assertThat(c.ciHigh()).isCloseTo(1.2, within(1e-6));
    }

    @Test
    void armZeroIsTheBaselineWhicheverArmRanFirst() {
        List<Trial> trials = new ArrayList<>(roundsWithWildLevels(true, 50));
        Collections.reverse(trials); // the candidate's trial now comes first in every round

        Harness.ComparisonResult c = Analysis.comparisons(trials, SETTINGS).get(0);

        assertThat(c.baseline()).isEqualTo("monolith");
        assertThat(c.candidate()).isEqualTo("fragmented");
        assertThat(c.ratio()).isCloseTo(1.2, within(1e-6));
    }

    @Test
    void everyCandidateArmIsComparedWithArmZero() {
        List<Trial> trials = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int arm = 0; arm < 3; arm++) {
                trials.add(trial(1, round, arm, false, 200, 10_000 * (1 + arm), 10L * round + arm));
            }
        }
        List<Harness.ComparisonResult> comparisons = Analysis.comparisons(trials, SETTINGS);
        assertThat(comparisons).extracting(Harness.ComparisonResult::baseline).containsOnly("monolith");
        assertThat(comparisons).extracting(Harness.ComparisonResult::candidate).containsExactly("layout1", "layout2");
        assertThat(comparisons.get(0).ratio()).isCloseTo(2.0, within(0.1));
        assertThat(comparisons.get(1).ratio()).isCloseTo(3.0, within(0.15));
    }

    @Test
    void writesAreComparedOnThroughputOnlyEvenWithManyCalls() {
        List<Harness.ComparisonResult> comparisons = Analysis.comparisons(roundsWithWildLevels(true, 2_000), SETTINGS);
        assertThat(comparisons).extracting(Harness.ComparisonResult::statistic).containsExactly(Statistic.THROUGHPUT);
    }

    @Test
    void readsGetAP99ComparisonOnlyWhenEveryTrialHoldsEnoughCalls() {
        int enough = (int) Statistic.P99_MIN_CALLS_PER_TRIAL;
        List<Trial> full = roundsWithWildLevels(false, enough);
        assertThat(Analysis.comparisons(full, SETTINGS)).extracting(Harness.ComparisonResult::statistic)
                .containsExactly(Statistic.MEDIAN_LATENCY, Statistic.P99_LATENCY);

        List<Trial> oneShort = new ArrayList<>(full);
        Trial last = oneShort.remove(oneShort.size() - 1);
        oneShort.add(trial(last.fork(), last.round(), last.arm(), false, enough - 1, 40_000, 77));
        assertThat(Analysis.comparisons(oneShort, SETTINGS)).extracting(Harness.ComparisonResult::statistic)
                .containsExactly(Statistic.MEDIAN_LATENCY);
    }

    @Test
    void theRunsComparisonsAreReadAtTheirHolmLevelsTogether() {
        List<Trial> trials = new ArrayList<>(roundsWithWildLevels(false, 1_000));
        trials.addAll(roundsWithWildLevels(true, 50));
        List<Harness.ComparisonResult> comparisons = Analysis.comparisons(trials, SETTINGS);

        assertThat(comparisons).hasSize(3);
        double[] levels = Holm.levels(comparisons.stream().mapToDouble(Harness.ComparisonResult::pValue).toArray(),
                SETTINGS.alpha());
        for (int i = 0; i < comparisons.size(); i++) {
            assertThat(comparisons.get(i).alphaAdjusted()).isEqualTo(levels[i]);
            assertThat(comparisons.get(i).confidence()).isEqualTo(1 - levels[i]);
        }
    }

    @Test
    void measurementsAreOnePerBenchmarkAndArmOverEveryFork() {
        List<Measurement> measurements = Analysis.measurements(roundsWithWildLevels(true, 50));
        assertThat(measurements).extracting(Measurement::layout).containsExactly("monolith", "fragmented");
        assertThat(measurements).allSatisfy(m -> {
            assertThat(m.trials()).isEqualTo(8);
            assertThat(m.forks()).isEqualTo(2);
            assertThat(m.ops()).isEqualTo(8 * 50);
            assertThat(m.calls()).isEqualTo(8 * 50);
        });
    }

    @Test
    void heapPerOperationIsTheMeanOfEachForksHeapPass() {
        List<Trial> baseline = roundsWithWildLevels(false, 50).stream().filter(t -> t.arm() == 0)
                .map(t -> t.withBytesPerOp(t.fork() == 1 ? 1_000.0 : 3_000.0)).toList();

        assertThat(Measurement.of(baseline).bytesPerOp()).isCloseTo(2_000.0, within(1e-9));
    }

    @Test
    void resultsWrittenBeforeTheHeapPassKeepTheirTimedCallsHeapPerOperation() {
        // such a trial holds what its timed calls allocated in all, and no heap pass figure
        List<Trial> baseline = roundsWithWildLevels(false, 50).stream().filter(t -> t.arm() == 0)
                .map(t -> new Trial(t.fork(), t.round(), t.position(), t.arm(), t.layout(), t.operation(), t.variant(),
                        t.writes(), t.threads(), t.distribution(), t.users(), t.cacheBytes(), t.callUnit(), t.ops(),
                        t.calls(), t.nanos(), t.histogram(), t.access(), t.mapping(), t.baselines(), null, null,
                        t.ops() * 500L, null))
                .toList();

        assertThat(Measurement.of(baseline).bytesPerOp()).isCloseTo(500.0, within(1e-9));
    }
}
