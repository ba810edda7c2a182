package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.Trial;
import dev.userbench.bench.stats.Statistic;
import dev.userbench.bench.stats.Verdict;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Hand-made comparisons, runs that hold them, and synthetic trials for the sentence, table and chart tests. */
final class Comparisons {

    /** The level of a comparison held with 9 others by Holm: 1 - 0.05 / 10. */
    static final double CONFIDENCE = 0.995;

    private Comparisons() {
    }

    static Harness.ComparisonResult of(String operation, String variant, String candidate, Statistic statistic,
                                       double ratio, double low, double high, Verdict verdict) {
        return of(operation, variant, candidate, statistic, ratio, low, high, verdict, null);
    }

    static Harness.ComparisonResult of(String operation, String variant, String candidate, Statistic statistic,
                                       double ratio, double low, double high, Verdict verdict, Long cacheBytes) {
        return new Harness.ComparisonResult(operation, variant, "monolith", candidate, statistic, ratio, low, high,
                CONFIDENCE, verdict == Verdict.NO_SIGNIFICANT_DIFFERENCE ? 0.4 : 0.0002, 1 - CONFIDENCE, verdict, 6, 2,
                1, "sample", 10_000, cacheBytes);
    }

    /** A workload comparison at 2 threads, zipfian, 2,000 users. */
    static Harness.ComparisonResult workload(String operation, String candidate, Statistic statistic, double ratio,
                                             double low, double high, Verdict verdict) {
        return new Harness.ComparisonResult(operation, "workload", "monolith", candidate, statistic, ratio, low, high,
                CONFIDENCE, 0.01, 1 - CONFIDENCE, verdict, 6, 2, 2, "zipfian", 2_000, null);
    }

    static RunResult run(List<Harness.ComparisonResult> comparisons) {
        return new RunResult(RunResult.COMPLETE, null, null, null, List.of(), comparisons, List.of(), List.of(),
                List.of(), null, null, List.of(), List.of());
    }

    static RunResult run(Harness.ComparisonResult... comparisons) {
        return run(List.of(comparisons));
    }

    /**
     * Trials of one writing benchmark on two arms, {@code rounds} rounds in one fork: the baseline's trials take
     * {@code baseNanos[i]}, the candidate's {@code candNanos[i]}, for {@code ops} rows each.
     */
    static List<Trial> writeTrials(String operation, String variant, long ops, long[] baseNanos, long[] candNanos) {
        List<Trial> trials = new ArrayList<>();
        for (int round = 0; round < baseNanos.length; round++) {
            boolean baseFirst = round % 2 == 0;
            trials.add(trial(round, baseFirst ? 0 : 1, 0, "monolith", operation, variant, ops, baseNanos[round]));
            trials.add(trial(round, baseFirst ? 1 : 0, 1, "fragmented", operation, variant, ops, candNanos[round]));
        }
        return trials;
    }

    private static Trial trial(int round, int position, int arm, String layout, String operation, String variant,
                               long ops, long nanos) {
        Histogram histogram = new Histogram(3);
        for (long i = 0; i < ops; i++) {
            histogram.recordValue(nanos / ops);
        }
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return new Trial(1, round, position, arm, layout, operation, variant, true, 1, "sequential", 10_000, null,
                "row", ops, ops, nanos, Base64.getEncoder().encodeToString(bytes));
    }
}
