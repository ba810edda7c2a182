package dev.userbench.bench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Raw per-call latencies (nanoseconds) of one arm, kept per trial for the bootstrap in
 * {@link Comparison}.
 *
 * <p>Memory is bounded: each trial keeps at most {@link #capPerTrial()} samples. Up to the cap every
 * call is kept; beyond it the trial holds a uniform random subset of all its calls (reservoir
 * sampling, Algorithm R), drawn from a generator derived from the seed and the trial number, so the
 * same sequence of {@link #record} calls always keeps the same samples.
 *
 * <p>Recording is an array store on a growable {@code long[]}. Instances are <b>not</b> thread-safe
 * by design: give each thread its own and {@link #merge} them afterwards.
 */
public final class SampleSet {

    /** Samples kept per trial unless told otherwise: 200,000 calls is 1.6 MB per trial. */
    public static final int DEFAULT_CAP_PER_TRIAL = 200_000;

    private static final int INITIAL_CAPACITY = 1_024;
    private static final long TRIAL_SALT = 0x9E3779B97F4A7C15L; // golden ratio; spreads trial numbers

    private final int capPerTrial;
    private final long seed;
    private final List<Trial> trials = new ArrayList<>();

    /** A sample set keeping up to {@link #DEFAULT_CAP_PER_TRIAL} samples per trial. */
    public SampleSet(long seed) {
        this(DEFAULT_CAP_PER_TRIAL, seed);
    }

    /**
     * @param capPerTrial most samples kept per trial, at least 1
     * @param seed        seeds the reservoir sampling that applies beyond the cap
     */
    public SampleSet(int capPerTrial, long seed) {
        if (capPerTrial < 1) {
            throw new IllegalArgumentException("capPerTrial must be at least 1, got " + capPerTrial);
        }
        this.capPerTrial = capPerTrial;
        this.seed = seed;
    }

    /**
     * A sample set holding exactly the given trials (copied), e.g. for re-analysing stored data.
     * The cap is the larger of the default and the longest trial, so nothing is dropped.
     */
    public static SampleSet of(long[]... trialsNanos) {
        int longest = 0;
        for (long[] t : trialsNanos) {
            longest = Math.max(longest, t.length);
        }
        SampleSet set = new SampleSet(Math.max(DEFAULT_CAP_PER_TRIAL, longest), 0L);
        for (int t = 0; t < trialsNanos.length; t++) {
            Trial trial = set.trialForWrite(t);
            for (long nanos : trialsNanos[t]) {
                trial.add(nanos);
            }
        }
        return set;
    }

    /**
     * Records one call's latency in the given trial; trials are created on first use, so trial
     * numbers should be dense from 0.
     *
     * @param trial 0-based trial number
     * @param nanos latency of the call in nanoseconds, not negative
     */
    public void record(int trial, long nanos) {
        trialForWrite(trial).add(nanos);
    }

    /**
     * Adds every call of {@code other} into this set, trial by trial. When a merged trial exceeds the
     * cap, the kept samples remain a uniform subset of all calls of both sets: the number drawn from
     * each side follows the hypergeometric law on the calls each side has seen. Both sets must have
     * the same cap.
     *
     * @return this set
     */
    public SampleSet merge(SampleSet other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge a sample set into itself");
        }
        if (other.capPerTrial != capPerTrial) {
            // a reservoir is only uniform for the cap it was drawn with
            throw new IllegalArgumentException(
                    "caps differ: " + capPerTrial + " here, " + other.capPerTrial + " in the other set");
        }
        for (int t = 0; t < other.trials.size(); t++) {
            Trial theirs = other.trials.get(t);
            if (theirs.seen > 0) {
                trialForWrite(t).absorb(theirs);
            }
        }
        return this;
    }

    /** Number of trials, including any empty trial below the highest one recorded. */
    public int trials() {
        return trials.size();
    }

    /** Samples kept for a trial: a copy, in no particular order. */
    public long[] trial(int trial) {
        Trial t = trialForRead(trial);
        return Arrays.copyOf(t.values, t.size);
    }

    /** Number of calls recorded in a trial, including those the reservoir did not keep. */
    public long seen(int trial) {
        return trialForRead(trial).seen;
    }

    /** Samples kept over all trials. */
    public long size() {
        long total = 0;
        for (Trial t : trials) {
            total += t.size;
        }
        return total;
    }

    /** Most samples kept per trial. */
    public int capPerTrial() {
        return capPerTrial;
    }

    private Trial trialForRead(int trial) {
        if (trial < 0 || trial >= trials.size()) {
            throw new IndexOutOfBoundsException("trial " + trial + " outside [0, " + trials.size() + ")");
        }
        return trials.get(trial);
    }

    private Trial trialForWrite(int trial) {
        if (trial < 0) {
            throw new IndexOutOfBoundsException("trial must not be negative, got " + trial);
        }
        while (trials.size() <= trial) {
            trials.add(new Trial(trials.size()));
        }
        return trials.get(trial);
    }

    /** One trial's reservoir. */
    private final class Trial {
        private final int number;
        private long[] values = new long[0];
        private int size;
        private long seen;
        private SplittableRandom random; // created only once the cap is passed: no cost below it

        Trial(int number) {
            this.number = number;
        }

        void add(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException("latency must not be negative, got " + nanos);
            }
            long index = seen++;
            if (size < capPerTrial) {
                if (size == values.length) {
                    grow();
                }
                values[size++] = nanos;
            } else {
                // Algorithm R: the i-th call (0-based) replaces a kept sample with probability cap/(i+1)
                long slot = random().nextLong(index + 1);
                if (slot < capPerTrial) {
                    values[(int) slot] = nanos;
                }
            }
        }

        void absorb(Trial other) {
            long total = seen + other.seen;
            if (size + other.size <= capPerTrial) {
                // both sides are complete (a side that passed the cap holds exactly cap samples)
                while (values.length < size + other.size) {
                    grow();
                }
                System.arraycopy(other.values, 0, values, size, other.size);
                size += other.size;
                seen = total;
                return;
            }
            // Choose how many of the cap come from each side as if drawing cap calls without
            // replacement from all calls seen, then take that many uniformly from each reservoir.
            SplittableRandom rnd = random();
            long mineLeft = seen;
            long theirsLeft = other.seen;
            int fromMine = 0;
            for (int i = 0; i < capPerTrial; i++) {
                if (rnd.nextLong(mineLeft + theirsLeft) < mineLeft) {
                    fromMine++;
                    mineLeft--;
                } else {
                    theirsLeft--;
                }
            }
            int fromTheirs = capPerTrial - fromMine;
            long[] merged = new long[capPerTrial];
            long[] mine = Arrays.copyOf(values, size);
            long[] theirs = Arrays.copyOf(other.values, other.size);
            partialShuffle(mine, fromMine, rnd);
            partialShuffle(theirs, fromTheirs, rnd);
            System.arraycopy(mine, 0, merged, 0, fromMine);
            System.arraycopy(theirs, 0, merged, fromMine, fromTheirs);
            values = merged;
            size = capPerTrial;
            seen = total;
        }

        private void grow() {
            int grown = values.length == 0 ? INITIAL_CAPACITY : values.length * 2;
            values = Arrays.copyOf(values, (int) Math.min(capPerTrial, (long) grown));
        }

        private SplittableRandom random() {
            if (random == null) {
                random = new SplittableRandom(seed ^ (TRIAL_SALT * (number + 1)));
            }
            return random;
        }
    }

    /** Moves a uniform random choice of {@code count} elements to the front (partial Fisher–Yates). */
    private static void partialShuffle(long[] a, int count, SplittableRandom rnd) {
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(a.length - i);
            long swap = a[i];
            a[i] = a[j];
            a[j] = swap;
        }
    }
}
