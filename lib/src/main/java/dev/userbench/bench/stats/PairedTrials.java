package dev.userbench.bench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The design a comparison rests on, as the harness ran it: forks (fresh JVMs) hold rounds, and every round ran
 * the baseline and the candidate back to back (A B or B A), so the two trials of a round share the machine's state at
 * that moment. The bootstrap resamples forks, then rounds within a fork, keeping both trials of a round together.
 *
 * @param forks per fork, its pairs in the order they ran; forks without pairs are dropped
 */
public record PairedTrials(List<List<Pair>> forks) {

    /** The baseline's and the candidate's trial of one round. */
    public record Pair(TrialSample baseline, TrialSample candidate) {
        public Pair {
            if (baseline == null || candidate == null) {
                throw new IllegalArgumentException("a pair needs both trials");
            }
        }
    }

    public PairedTrials {
        List<List<Pair>> kept = new ArrayList<>();
        for (List<Pair> fork : forks) {
            if (!fork.isEmpty()) {
                kept.add(List.copyOf(fork));
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one pair of trials");
        }
        forks = List.copyOf(kept);
    }

    /** One fork's pairs: a run in one JVM. */
    public static PairedTrials of(List<Pair> pairs) {
        return new PairedTrials(List.of(pairs));
    }

    /** Every pair of every fork, fork by fork. */
    public List<Pair> pairs() {
        return forks.stream().flatMap(List::stream).toList();
    }

    /** The fewest calls any trial of either arm holds. */
    public long fewestCalls() {
        return pairs().stream().mapToLong(p -> Math.min(p.baseline().calls().getTotalCount(),
                p.candidate().calls().getTotalCount())).min().orElse(0);
    }
}
