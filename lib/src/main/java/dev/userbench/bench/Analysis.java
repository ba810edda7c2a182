package dev.userbench.bench;

import dev.userbench.bench.stats.Comparison;
import dev.userbench.bench.stats.Estimate;
import dev.userbench.bench.stats.Holm;
import dev.userbench.bench.stats.PairedTrials;
import dev.userbench.bench.stats.RatioEstimate;
import dev.userbench.bench.stats.Statistic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's trials, from every fork, turned into what it reports: one {@link Measurement} per benchmark, load and
 * arm, and one {@link Harness.ComparisonResult} per candidate arm and {@link Statistic} against the baseline (arm 0),
 * each from the pairs of trials that ran in the same round. The verdicts are held together to a family-wise error
 * rate of {@code alpha} by Holm's procedure over all of the run's comparisons: a run of 30 comparisons does not get
 * 30 chances at a false "faster".
 */
public final class Analysis {

    /**
     * The fewest pairs of trials a comparison is made from: one pair shows no spread, so every replicate would
     * equal it and a definite verdict would rest on nothing. Fewer pairs, no comparison.
     */
    public static final int MIN_PAIRS = 2;

    private Analysis() {
    }

    /** The settings of the statistics: the bootstrap's, the family-wise error rate, and the seed. */
    public record Settings(Comparison comparison, double alpha, long seed) {
        public static Settings defaults(double threshold, long seed) {
            return new Settings(Comparison.DEFAULT.withThreshold(threshold), Comparison.DEFAULT_ALPHA, seed);
        }
    }

    /** One measurement per benchmark, load and arm, in the order the trials first appear. */
    public static List<Measurement> measurements(List<Trial> trials) {
        List<Measurement> measurements = new ArrayList<>();
        for (Map<Integer, List<Trial>> arms : groups(trials).values()) {
            arms.values().forEach(armTrials -> measurements.add(Measurement.of(armTrials)));
        }
        return measurements;
    }

    /** Every comparison of the run, Holm-adjusted together. */
    public static List<Harness.ComparisonResult> comparisons(List<Trial> trials, Settings settings) {
        List<Pending> pending = new ArrayList<>();
        for (Map.Entry<Trial.Key, Map<Integer, List<Trial>>> group : groups(trials).entrySet()) {
            Map<Integer, List<Trial>> arms = group.getValue();
            for (Map.Entry<Integer, List<Trial>> candidate : arms.entrySet()) {
                // arm 0 is the baseline; an ORM arm names its own: plain JDBC on its layout, the ORM on arm 0's layout
                for (int baselineArm : candidate.getValue().get(0).baselineArms()) {
                    List<Trial> baseline = arms.get(baselineArm);
                    if (candidate.getKey() != baselineArm && baseline != null) {
                        compare(group.getKey(), baselineArm, baseline, candidate.getKey(), candidate.getValue(),
                                settings, pending);
                    }
                }
            }
        }
        double[] pValues = pending.stream().mapToDouble(p -> p.estimate().pValue()).toArray();
        double[] levels = Holm.levels(pValues, settings.alpha());
        List<Harness.ComparisonResult> results = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            RatioEstimate judged = p.estimate().judge(levels[i]);
            Trial.Key key = p.key();
            results.add(new Harness.ComparisonResult(key.operation(), key.variant(), p.baseline().layout(),
                    p.candidate().layout(), judged.statistic(), judged.ratio(), judged.ciLow(), judged.ciHigh(),
                    judged.confidence(), judged.pValue(), levels[i], judged.verdict(), p.design().pairs().size(),
                    p.design().forks().size(), key.threads(), key.distribution(), key.users(), key.cacheBytes(),
                    p.candidate().access(), p.candidate().mapping(), p.baseline().access(), p.baseline().mapping()));
        }
        return results;
    }

    /** The candidate's trials against the baseline's, one estimate per statistic, when at least two pairs ran. */
    private static void compare(Trial.Key key, int baselineArm, List<Trial> baseline, int candidateArm,
                                List<Trial> candidate, Settings settings, List<Pending> pending) {
        PairedTrials design = pairs(baseline, candidate);
        if (design == null || design.pairs().size() < MIN_PAIRS) {
            return;
        }
        for (Statistic statistic : Statistic.forOperation(key.writes(), design.fewestCalls())) {
            // a baseline other than arm 0 draws its own replicates; arm 0's seeds are those of every earlier run
            long seed = settings.seed() ^ (key.hashCode() * 0x9E3779B97F4A7C15L)
                    ^ (31L * candidateArm + statistic.ordinal()) ^ (1009L * baselineArm);
            Estimate estimate = settings.comparison().estimate(design, statistic, seed);
            pending.add(new Pending(key, baseline.get(0), candidate.get(0), design, estimate));
        }
    }

    /** A comparison before Holm's levels; its trials name the arms' labels and access paths. */
    private record Pending(Trial.Key key, Trial baseline, Trial candidate, PairedTrials design, Estimate estimate) {
    }

    /** Trials by benchmark and load (in the order they ran), then by arm. */
    private static Map<Trial.Key, Map<Integer, List<Trial>>> groups(List<Trial> trials) {
        Map<Trial.Key, Map<Integer, List<Trial>>> groups = new LinkedHashMap<>();
        for (Trial trial : trials) {
            groups.computeIfAbsent(trial.key(), k -> new TreeMap<>())
                    .computeIfAbsent(trial.arm(), a -> new ArrayList<>()).add(trial);
        }
        return groups;
    }

    /**
     * The baseline's and the candidate's trials of the same fork and round, fork by fork; null when none pair up. A
     * trial is in one pair at most: when a benchmark ran twice at the same load in one fork (a cache sweep whose two
     * sizes came out alike), its rounds repeat, and the i-th baseline trial of a round pairs with the i-th candidate
     * trial of that round, as they ran.
     */
    private static PairedTrials pairs(List<Trial> baseline, List<Trial> candidate) {
        Map<List<Integer>, List<Trial>> candidates = new LinkedHashMap<>();
        for (Trial c : candidate) {
            candidates.computeIfAbsent(List.of(c.fork(), c.round()), k -> new ArrayList<>()).add(c);
        }
        Map<Integer, List<PairedTrials.Pair>> forks = new TreeMap<>();
        for (Trial b : baseline) {
            List<Trial> partners = candidates.get(List.of(b.fork(), b.round()));
            if (partners != null && !partners.isEmpty()) {
                Trial c = partners.remove(0);
                forks.computeIfAbsent(b.fork(), f -> new ArrayList<>()).add(new PairedTrials.Pair(b.sample(), c.sample()));
            }
        }
        return forks.isEmpty() ? null : new PairedTrials(new ArrayList<>(forks.values()));
    }
}
