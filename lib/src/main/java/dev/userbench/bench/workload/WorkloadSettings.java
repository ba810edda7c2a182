package dev.userbench.bench.workload;

/**
 * The load a workload runs under: client threads (each with its own connection), operations per
 * thread per trial (the same work on every layout), how users are picked, and the seed of the picks.
 */
public record WorkloadSettings(int threads, long opsPerThread, KeyDistribution distribution, double zipfConstant,
                               Mix mix, long seed) {

    public static final int DEFAULT_THREADS = 1;
    public static final long DEFAULT_OPS_PER_THREAD = 2_000;

    public WorkloadSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (opsPerThread < 1) {
            throw new IllegalArgumentException("--ops must be at least 1, got " + opsPerThread);
        }
        if (distribution == null || mix == null) {
            throw new IllegalArgumentException("a workload needs a distribution and a mix");
        }
        // checked here, not first at run time, so a wrong constant fails before any database work
        if (distribution == KeyDistribution.ZIPFIAN) {
            new ScrambledZipfian(1, zipfConstant);
        }
    }

    public static WorkloadSettings defaults(long seed) {
        return new WorkloadSettings(DEFAULT_THREADS, DEFAULT_OPS_PER_THREAD, KeyDistribution.ZIPFIAN,
                ScrambledZipfian.DEFAULT_CONSTANT, Mix.DEFAULT, seed);
    }

    public WorkloadSettings withThreads(int value) {
        return new WorkloadSettings(value, opsPerThread, distribution, zipfConstant, mix, seed);
    }

    public WorkloadSettings withOpsPerThread(long value) {
        return new WorkloadSettings(threads, value, distribution, zipfConstant, mix, seed);
    }

    public WorkloadSettings withDistribution(KeyDistribution value) {
        return new WorkloadSettings(threads, opsPerThread, value, zipfConstant, mix, seed);
    }

    public WorkloadSettings withMix(Mix value) {
        return new WorkloadSettings(threads, opsPerThread, distribution, zipfConstant, value, seed);
    }

    public KeyChooser keys(long users) {
        return distribution.over(users, zipfConstant);
    }

    /** The distribution as recorded in the results: {@code uniform}, or {@code zipfian} with its constant if not YCSB's. */
    public String distributionLabel() {
        return distribution == KeyDistribution.ZIPFIAN && zipfConstant != ScrambledZipfian.DEFAULT_CONSTANT
                ? distribution.label() + "(" + zipfConstant + ")" : distribution.label();
    }
}
