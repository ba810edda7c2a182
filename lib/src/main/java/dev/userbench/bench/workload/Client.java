package dev.userbench.bench.workload;

import dev.userbench.bench.HeapCounter;
import dev.userbench.model.User;
import dev.userbench.seed.UserGenerator;

import java.sql.Connection;
import java.util.SplittableRandom;

/**
 * One client thread of a workload: its own connection and random stream, the key chooser shared by
 * all threads, and the users it signs up. Confined to its thread, so it needs no locking.
 */
public final class Client {

    private final Connection connection;
    private final SplittableRandom random;
    private final KeyChooser keys;
    private final UserGenerator generator;
    private final long seededUsers;
    private final int thread;
    private final int threads;
    private long signups;
    /** True only in an untimed heap pass ({@link Workload#heapPerOp}): a measured trial's client reads no counter. */
    private final boolean countsHeap;
    private long heapBefore;
    private long heapBytes;

    Client(Connection connection, SplittableRandom random, KeyChooser keys, UserGenerator generator,
           long seededUsers, int thread, int threads) {
        this(connection, random, keys, generator, seededUsers, thread, threads, false);
    }

    /** A client that, when {@code countsHeap}, adds up the heap its thread allocates inside its timed sections. */
    Client(Connection connection, SplittableRandom random, KeyChooser keys, UserGenerator generator,
           long seededUsers, int thread, int threads, boolean countsHeap) {
        this.connection = connection;
        this.random = random;
        this.keys = keys;
        this.generator = generator;
        this.seededUsers = seededUsers;
        this.thread = thread;
        this.threads = threads;
        this.countsHeap = countsHeap && HeapCounter.available();
    }

    public Connection connection() {
        return connection;
    }

    public SplittableRandom random() {
        return random;
    }

    public UserGenerator generator() {
        return generator;
    }

    /**
     * Starts the timed section of one call: returns {@link System#nanoTime()}. In a heap pass it first reads this
     * thread's allocation counter; in a measured trial it reads nothing else. Paired with {@link #clockOut}.
     */
    public long clockIn() {
        if (countsHeap) {
            heapBefore = HeapCounter.allocated();
        }
        return System.nanoTime();
    }

    /**
     * Ends the timed section begun at {@code start}: returns its nanoseconds; in a heap pass it then adds the heap
     * the section allocated.
     */
    public long clockOut(long start) {
        long elapsed = System.nanoTime() - start;
        if (countsHeap) {
            heapBytes += HeapCounter.allocated() - heapBefore;
        }
        return elapsed;
    }

    /** Heap this client's thread allocated inside its timed sections so far; 0 unless it counts the heap. */
    long heapBytes() {
        return heapBytes;
    }

    /** The index of an existing (seeded) user, drawn from the run's distribution. */
    public long existingUser() {
        return keys.next(random);
    }

    /**
     * A user no layout holds yet: indices from the seeded count on, thread {@code t} of {@code n} taking
     * {@code count + t}, {@code count + t + n}, ... so threads never collide, and every trial (which starts
     * from the seeded state) signs up the same users.
     */
    public User newUser() {
        return generator.user(seededUsers + thread + threads * signups++);
    }
}
