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

/**
 * What a run measures and how: where, which layouts (the first is the baseline), how many users and
 * logins, the seed, and the harness settings (trials, warm-up, practical threshold, cold reads).
 */
public record RunOptions(ConnectionSpec connection, List<Layout> layouts, long users, int logins, long seed,
                         int batchSize, int bioChars, int trials, long warmupCalls, double warmupSeconds,
                         double threshold, boolean cold, List<Double> cacheFractions) {

    public static final long DEFAULT_USERS = 10_000;
    public static final int DEFAULT_LOGINS = 1_000;
    public static final int DEFAULT_TRIALS = 5;
    public static final long DEFAULT_WARMUP_CALLS = 500;

    public RunOptions {
        layouts = List.copyOf(layouts);
        cacheFractions = List.copyOf(cacheFractions);
        if (cacheFractions.stream().anyMatch(f -> !(f > 0 && f <= 16))) {
            throw new IllegalArgumentException("--cache-sweep takes fractions of the baseline's storage above 0, e.g. 0.25,1, got "
                    + cacheFractions);
        }
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1, got " + users);
        }
        if (logins < 1) {
            throw new IllegalArgumentException("--logins must be at least 1, got " + logins);
        }
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("no layout to measure");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        if (bioChars < 1) {
            throw new IllegalArgumentException("--bio-chars must be at least 1, got " + bioChars);
        }
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be at least 1, got " + trials);
        }
        if (warmupCalls < 0 || warmupSeconds < 0) {
            throw new IllegalArgumentException("--warmup cannot be negative");
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("--threshold must be a fraction from 0 to below 1 (0.05 is 5 %), got " + threshold);
        }
    }

    public static RunOptions defaults(ConnectionSpec connection) {
        return new RunOptions(connection, List.of(Layouts.MONOLITH, Layouts.FRAGMENTED), DEFAULT_USERS,
                DEFAULT_LOGINS, UserGenerator.DEFAULT_SEED, Seeder.DEFAULT_BATCH, UserGenerator.DEFAULT_BIO_CHARS,
                DEFAULT_TRIALS, DEFAULT_WARMUP_CALLS, 0, Comparison.DEFAULT_THRESHOLD, false, List.of());
    }

    public RunOptions withUsers(long value) {
        return new RunOptions(connection, layouts, value, logins, seed, batchSize, bioChars, trials, warmupCalls, warmupSeconds, threshold, cold, cacheFractions);
    }

    public RunOptions withLogins(int value) {
        return new RunOptions(connection, layouts, users, value, seed, batchSize, bioChars, trials, warmupCalls, warmupSeconds, threshold, cold, cacheFractions);
    }

    public RunOptions withSeed(long value) {
        return new RunOptions(connection, layouts, users, logins, value, batchSize, bioChars, trials, warmupCalls, warmupSeconds, threshold, cold, cacheFractions);
    }

    public RunOptions withLayouts(List<Layout> value) {
        return new RunOptions(connection, value, users, logins, seed, batchSize, bioChars, trials, warmupCalls, warmupSeconds, threshold, cold, cacheFractions);
    }

    public RunOptions withTrials(int value) {
        return new RunOptions(connection, layouts, users, logins, seed, batchSize, bioChars, value, warmupCalls, warmupSeconds, threshold, cold, cacheFractions);
    }

    public RunOptions withWarmup(long calls, double seconds) {
        return new RunOptions(connection, layouts, users, logins, seed, batchSize, bioChars, trials, calls, seconds, threshold, cold, cacheFractions);
    }

    public RunOptions withBioChars(int value) {
        return new RunOptions(connection, layouts, users, logins, seed, batchSize, value, trials, warmupCalls, warmupSeconds, threshold, cold, cacheFractions);
    }

    public RunOptions withCold(boolean value) {
        return new RunOptions(connection, layouts, users, logins, seed, batchSize, bioChars, trials, warmupCalls, warmupSeconds, threshold, value, cacheFractions);
    }

    public RunOptions withCacheSweep(List<Double> fractions) {
        return new RunOptions(connection, layouts, users, logins, seed, batchSize, bioChars, trials, warmupCalls, warmupSeconds, threshold, cold, fractions);
    }

    public Harness.Settings harness() {
        return new Harness.Settings(trials, warmupCalls, warmupSeconds, Comparison.DEFAULT.withThreshold(threshold), seed, cold);
    }

    /** Every option as it was used, for results.json (the URL masked; no password). */
    public Map<String, Object> described() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("jdbc_url", connection.maskedUrl());
        options.put("user", connection.user());
        options.put("namespace", connection.namespace().name());
        options.put("layouts", layouts.stream().map(Layout::name).toList());
        options.put("users", users);
        options.put("logins", logins);
        options.put("seed", seed);
        options.put("batch_size", batchSize);
        options.put("bio_chars", bioChars);
        options.put("trials", trials);
        options.put("warmup_calls", warmupCalls);
        options.put("warmup_seconds", warmupSeconds);
        options.put("threshold", threshold);
        options.put("cold", cold);
        options.put("cache_sweep", cacheFractions);
        return options;
    }
}
