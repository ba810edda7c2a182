package dev.userbench.bench;

import dev.userbench.bench.stats.Comparison;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layout;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a run measures and how: where, which layouts (the first is the baseline), how many users and logins, the
 * seed, and how it is measured (trials per fork, warm-up trials, forks, practical threshold, cold reads, cache sweep).
 * Validated once, here; every {@code withX} makes a new, validated copy.
 *
 * @param trials          measured rounds per benchmark in each fork, every layout once per round
 * @param warmupTrials    discarded warm-up rounds at least, before the measured ones
 * @param warmupMaxTrials discarded warm-up rounds at most: warm-up ends earlier once two in a row agree
 * @param forks           fresh JVMs the command line runs the trials in (the notebook and the API run in one: 1)
 * @param fork            which of them this process is, from 1
 */
public record RunOptions(ConnectionSpec connection, List<Layout> layouts, long users, int logins, long seed,
                         int batchSize, int bioChars, int trials, int warmupTrials, int warmupMaxTrials,
                         double threshold, boolean cold, List<Double> cacheFractions, int forks, int fork,
                         List<String> access) {

    /** Plain JDBC alone, as runs were before the ORM arm. */
    public static final List<String> DEFAULT_ACCESS = List.of("jdbc");
    /** The access paths {@code --access} takes. */
    public static final List<String> ACCESS_PATHS = List.of("jdbc", "hibernate");

    public RunOptions(ConnectionSpec connection, List<Layout> layouts, long users, int logins, long seed,
                      int batchSize, int bioChars, int trials, int warmupTrials, int warmupMaxTrials,
                      double threshold, boolean cold, List<Double> cacheFractions, int forks, int fork) {
        this(connection, layouts, users, logins, seed, batchSize, bioChars, trials, warmupTrials, warmupMaxTrials,
                threshold, cold, cacheFractions, forks, fork, DEFAULT_ACCESS);
    }

    public static final long DEFAULT_USERS = 10_000;
    public static final int DEFAULT_LOGINS = 1_000;
    /** Even, so that the balanced order A B, B A cancels a linear drift exactly. */
    public static final int DEFAULT_TRIALS = 6;
    public static final int DEFAULT_WARMUP_TRIALS = 2;
    public static final int DEFAULT_WARMUP_MAX_TRIALS = 5;
    /** Two JVMs: the least that lets the interval see one JVM's JIT decisions differ from another's. */
    public static final int DEFAULT_FORKS = 2;

    public RunOptions {
        layouts = List.copyOf(layouts);
        cacheFractions = List.copyOf(cacheFractions);
        access = List.copyOf(access);
        if (!access.contains("jdbc") || !ACCESS_PATHS.containsAll(access)) {
            throw new IllegalArgumentException("--access takes jdbc or jdbc,hibernate (an ORM arm is compared with plain"
                    + " JDBC on its layout), got " + String.join(",", access));
        }
        if (cacheFractions.stream().anyMatch(f -> !(f > 0 && f <= 16))) {
            throw new IllegalArgumentException("--cache-sweep takes fractions of the baseline's storage above 0, e.g. 0.25,1, got "
                    + cacheFractions);
        }
        atLeast("--users", users, 1);
        atLeast("--logins", logins, 1);
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("no layout to measure");
        }
        atLeast("--batch-size", batchSize, 1);
        atLeast("--bio-chars", bioChars, 1);
        atLeast("--trials", trials, 1);
        atLeast("--warmup", warmupTrials, 0);
        atLeast("--warmup-max", warmupMaxTrials, 0);
        atLeast("--forks", forks, 1);
        if (fork < 1 || fork > forks) {
            throw new IllegalArgumentException("fork " + fork + " is not one of the run's " + forks + " forks");
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("--threshold must be a fraction from 0 to below 1 (0.05 is 5 %), got " + threshold);
        }
    }

    private static void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", got " + value);
        }
    }

    public static RunOptions defaults(ConnectionSpec connection) {
        return new RunOptions(connection, List.of(Layouts.MONOLITH, Layouts.FRAGMENTED), DEFAULT_USERS,
                DEFAULT_LOGINS, UserGenerator.DEFAULT_SEED, Seeder.DEFAULT_BATCH, UserGenerator.DEFAULT_BIO_CHARS,
                DEFAULT_TRIALS, DEFAULT_WARMUP_TRIALS, DEFAULT_WARMUP_MAX_TRIALS, Comparison.DEFAULT_THRESHOLD, false,
                List.of(), 1, 1);
    }

    /** A mutable copy for changing several options at once; {@link Builder#build} validates. */
    public static final class Builder {
        public ConnectionSpec connection;
        public List<Layout> layouts;
        public long users;
        public int logins;
        public long seed;
        public int batchSize;
        public int bioChars;
        public int trials;
        public int warmupTrials;
        public int warmupMaxTrials;
        public double threshold;
        public boolean cold;
        public List<Double> cacheFractions;
        public int forks;
        public int fork;
        public List<String> access;

        private Builder(RunOptions o) {
            connection = o.connection;
            layouts = o.layouts;
            users = o.users;
            logins = o.logins;
            seed = o.seed;
            batchSize = o.batchSize;
            bioChars = o.bioChars;
            trials = o.trials;
            warmupTrials = o.warmupTrials;
            warmupMaxTrials = o.warmupMaxTrials;
            threshold = o.threshold;
            cold = o.cold;
            cacheFractions = o.cacheFractions;
            forks = o.forks;
            fork = o.fork;
            access = o.access;
        }

        public RunOptions build() {
            return new RunOptions(connection, layouts, users, logins, seed, batchSize, bioChars, trials, warmupTrials,
                    warmupMaxTrials, threshold, cold, cacheFractions, forks, fork, access);
        }
    }

    /** A copy with the changes {@code edit} makes, validated. */
    public RunOptions with(Consumer<Builder> edit) {
        Builder builder = new Builder(this);
        edit.accept(builder);
        return builder.build();
    }

    public RunOptions withUsers(long value) {
        return with(b -> b.users = value);
    }

    public RunOptions withLogins(int value) {
        return with(b -> b.logins = value);
    }

    public RunOptions withSeed(long value) {
        return with(b -> b.seed = value);
    }

    public RunOptions withLayouts(List<Layout> value) {
        return with(b -> b.layouts = value);
    }

    public RunOptions withTrials(int value) {
        return with(b -> b.trials = value);
    }

    /** At least {@code trials} warm-up rounds, at most {@code maxTrials}: see {@link Harness#STEADY_TOLERANCE}. */
    public RunOptions withWarmup(int trials, int maxTrials) {
        return with(b -> {
            b.warmupTrials = trials;
            b.warmupMaxTrials = maxTrials;
        });
    }

    public RunOptions withBioChars(int value) {
        return with(b -> b.bioChars = value);
    }

    public RunOptions withCold(boolean value) {
        return with(b -> b.cold = value);
    }

    public RunOptions withCacheSweep(List<Double> fractions) {
        return with(b -> b.cacheFractions = fractions);
    }

    /** A copy measuring the workloads through these access paths too, e.g. {@code jdbc,hibernate}. */
    public RunOptions withAccess(List<String> value) {
        return with(b -> b.access = value);
    }

    public RunOptions withThreshold(double value) {
        return with(b -> b.threshold = value);
    }

    public Harness.Settings harness() {
        return new Harness.Settings(trials, warmupTrials, warmupMaxTrials, cold, fork);
    }

    public Analysis.Settings analysis() {
        return Analysis.Settings.defaults(threshold, seed);
    }

    /** Every option as it was used, for results.json (the URL masked; no password). */
    public Map<String, Object> described() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("jdbc_url", connection.maskedUrl());
        options.put("user", connection.user());
        options.put("namespace", connection.namespace().name());
        options.put("layouts", layouts.stream().map(Layout::name).toList());
        options.put("access", access);
        options.put("users", users);
        options.put("logins", logins);
        options.put("seed", seed);
        options.put("batch_size", batchSize);
        options.put("bio_chars", bioChars);
        options.put("trials", trials);
        options.put("forks", forks);
        options.put("warmup_trials", warmupTrials);
        options.put("warmup_max_trials", warmupMaxTrials);
        options.put("threshold", threshold);
        options.put("alpha", Comparison.DEFAULT_ALPHA);
        options.put("cold", cold);
        options.put("cache_sweep", cacheFractions);
        return options;
    }
}
