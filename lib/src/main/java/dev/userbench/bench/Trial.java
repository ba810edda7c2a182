package dev.userbench.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.bench.stats.TrialSample;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * One measured trial of one arm, as it ran: in which fork (JVM) and round, at which position of the round's
 * order, on which arm (0 is the baseline), what it measured and under what load. Its per-call latencies travel as
 * HdrHistogram's compressed encoding in Base64, so a fork's trials reach the parent whole and results.json can be
 * analysed again.
 *
 * @param fork      the fork (fresh JVM) it ran in, from 1; 1 when the run had no forks
 * @param round     the round within the fork, from 0: every arm runs once per round
 * @param position  its place in the round's order, from 0 (rounds alternate A B, B A)
 * @param arm       the arm's index in the comparison, 0 for the baseline
 * @param writes    whether the benchmark writes (compared on throughput) or only reads (on latency)
 * @param callUnit  what one latency is of: call, row or batch
 * @param ops       operations or rows done
 * @param calls     timed calls (the histogram's count)
 * @param nanos     measured time of the trial, the commit included
 * @param histogram the per-call latencies in nanoseconds, compressed and Base64-encoded
 * @param access    how the arm reached the tables: jdbc or hibernate (null in results written before the ORM arm)
 * @param mapping   the ORM mapping, e.g. one_to_one; null on plain JDBC
 * @param baselines the arms this arm is compared with; null for arm 0 alone
 * @param statementsPerOp statements the driver received per operation, counted in an untimed pass after the trials
 * @param rowsPerOp       rows the driver returned per operation, in the same pass
 * @param allocatedBytes  heap the client threads allocated inside the timed sections, as results written before the
 *                        heap pass counted it (every measured call then read the allocation counter); null since
 * @param bytesPerOp      heap allocated per operation, counted in an untimed pass of the arm's calls on the bare
 *                        connection after the trials (null: not counted)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trial(int fork, int round, int position, int arm, String layout, String operation, String variant,
                    boolean writes, int threads, String distribution, long users, Long cacheBytes, String callUnit,
                    long ops, long calls, long nanos, String histogram, String access, String mapping,
                    List<Integer> baselines, Double statementsPerOp, Double rowsPerOp, Long allocatedBytes,
                    Double bytesPerOp) {

    /** A trial of plain JDBC, compared with arm 0, with nothing counted (as trials were before the ORM arm). */
    public Trial(int fork, int round, int position, int arm, String layout, String operation, String variant,
                 boolean writes, int threads, String distribution, long users, Long cacheBytes, String callUnit,
                 long ops, long calls, long nanos, String histogram) {
        this(fork, round, position, arm, layout, operation, variant, writes, threads, distribution, users, cacheBytes,
                callUnit, ops, calls, nanos, histogram, null, null, null, null, null, null, null);
    }

    /** A trial from what its recorder holds. */
    public static Trial of(int fork, int round, int position, int arm, String layout, Benchmark benchmark,
                           String callUnit, long users, LatencyRecorder recorder) {
        return new Trial(fork, round, position, arm, layout, benchmark.operation(), benchmark.variant(),
                benchmark.mutates(), benchmark.threads(), benchmark.distribution(), users, null, callUnit,
                recorder.ops(), recorder.histogram().getTotalCount(), Math.max(1, recorder.wallNanos()),
                encode(recorder.histogram()), null, null, null, null, null, null, null);
    }

    /** The same trial, run through {@code access} (and {@code mapping}), compared with the arms {@code baselines}. */
    public Trial onArm(String access, String mapping, List<Integer> baselines) {
        return new Trial(fork, round, position, arm, layout, operation, variant, writes, threads, distribution, users,
                cacheBytes, callUnit, ops, calls, nanos, histogram, access, mapping,
                baselines.equals(List.of(0)) ? null : List.copyOf(baselines), statementsPerOp, rowsPerOp, allocatedBytes,
                bytesPerOp);
    }

    /** The same trial with its arm's statements and rows per operation (null: not counted). */
    public Trial withCounts(StatementCounter.PerOp counts) {
        return counts == null ? this : new Trial(fork, round, position, arm, layout, operation, variant, writes,
                threads, distribution, users, cacheBytes, callUnit, ops, calls, nanos, histogram, access, mapping,
                baselines, counts.statements(), counts.rows(), allocatedBytes, bytesPerOp);
    }

    /** The same trial with its arm's heap allocated per operation (null: not counted). */
    public Trial withBytesPerOp(Double bytes) {
        return bytes == null ? this : new Trial(fork, round, position, arm, layout, operation, variant, writes,
                threads, distribution, users, cacheBytes, callUnit, ops, calls, nanos, histogram, access, mapping,
                baselines, statementsPerOp, rowsPerOp, allocatedBytes, bytes);
    }

    /** The arms this trial's arm is compared with: arm 0 (the baseline) unless it names others. */
    @JsonIgnore
    public List<Integer> baselineArms() {
        return baselines == null ? List.of(0) : baselines;
    }

    /** The same trial, marked as run with the engine's cache at {@code bytes} (a cache sweep). */
    public Trial withCacheBytes(long bytes) {
        return new Trial(fork, round, position, arm, layout, operation, variant, writes, threads, distribution, users,
                bytes, callUnit, ops, calls, nanos, histogram, access, mapping, baselines, statementsPerOp, rowsPerOp,
                allocatedBytes, bytesPerOp);
    }

    /** The same trial, as run in fork {@code number}. */
    public Trial inFork(int number) {
        return new Trial(number, round, position, arm, layout, operation, variant, writes, threads, distribution,
                users, cacheBytes, callUnit, ops, calls, nanos, histogram, access, mapping, baselines, statementsPerOp,
                rowsPerOp, allocatedBytes, bytesPerOp);
    }

    /** The per-call latencies, decoded. */
    public Histogram latencies() {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(histogram)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a trial's histogram is corrupt", e);
        }
    }

    /** What the statistics need of it. */
    @JsonIgnore
    public TrialSample sample() {
        return new TrialSample(Math.max(1, ops), nanos, latencies());
    }

    /** Which benchmark, at which load, on which arm: trials with the same key and arm are one measurement. */
    @JsonIgnore
    public Key key() {
        return new Key(operation, variant, writes, threads, distribution, users, cacheBytes);
    }

    /** The benchmark and load a group of trials shares. */
    public record Key(String operation, String variant, boolean writes, int threads, String distribution, long users,
                      Long cacheBytes) {
    }

    /** A histogram as a trial carries it: HdrHistogram's compressed encoding, in Base64. */
    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
