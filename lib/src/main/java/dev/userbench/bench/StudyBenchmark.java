package dev.userbench.bench;

/**
 * The study's benchmarks: one operation in one of its variants, picking users the same way on every
 * layout. Holds what each of them would otherwise repeat.
 */
abstract class StudyBenchmark implements Benchmark {

    private final String operation;
    private final String variant;
    private final String distribution;

    StudyBenchmark(String operation, String variant, String distribution) {
        this.operation = operation;
        this.variant = variant;
        this.distribution = distribution;
    }

    @Override
    public final String operation() {
        return operation;
    }

    @Override
    public final String variant() {
        return variant;
    }

    @Override
    public final String distribution() {
        return distribution;
    }
}
