package dev.userbench.bench.workload;

import java.util.SplittableRandom;

/**
 * Picks the index of an existing user, 0 .. {@link #items()}-1. Immutable and shared by every client
 * thread; each thread brings its own random stream, so a seed gives the same picks on every layout.
 */
public sealed interface KeyChooser permits KeyChooser.Uniform, ScrambledZipfian {

    long items();

    long next(SplittableRandom random);

    /** Every user equally likely. */
    record Uniform(long items) implements KeyChooser {
        public Uniform {
            if (items < 1) {
                throw new IllegalArgumentException("there must be at least one user to pick, got " + items);
            }
        }

        @Override
        public long next(SplittableRandom random) {
            return random.nextLong(items);
        }
    }
}
