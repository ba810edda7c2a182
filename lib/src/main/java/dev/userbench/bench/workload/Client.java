package dev.userbench.bench.workload;

import dev.userbench.model.User;
import dev.userbench.seed.UserGenerator;

import java.lang.management.ManagementFactory;
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
    private long allocatedBefore;
    private long allocatedBytes = -1;

    /** The JVM's per-thread allocation counter (HotSpot's); null where the JVM has none. */
    private static final com.sun.management.ThreadMXBean ALLOCATIONS = allocationCounter();

    Client(Connection connection, SplittableRandom random, KeyChooser keys, UserGenerator generator,
           long seededUsers, int thread, int threads) {
        this.connection = connection;
        this.random = random;
        this.keys = keys;
        this.generator = generator;
        this.seededUsers = seededUsers;
        this.thread = thread;
        this.threads = threads;
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
     * Starts the timed section of one call: returns {@link System#nanoTime()}, read after this thread's allocation
     * counter so that counting the heap adds nothing to the time. Paired with {@link #clockOut}.
     */
    public long clockIn() {
        allocatedBefore = allocated();
        return System.nanoTime();
    }

    /** Ends the timed section begun at {@code start}: returns its nanoseconds and adds the heap it allocated. */
    public long clockOut(long start) {
        long elapsed = System.nanoTime() - start;
        long after = allocated();
        if (after >= 0 && allocatedBefore >= 0) {
            allocatedBytes = Math.max(0, allocatedBytes) + after - allocatedBefore;
        }
        return elapsed;
    }

    /** Heap this client's thread allocated inside its timed sections so far, or -1 when the JVM cannot count it. */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    private static long allocated() {
        return ALLOCATIONS == null ? -1 : ALLOCATIONS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean counter
                && counter.isThreadAllocatedMemorySupported()) {
            counter.setThreadAllocatedMemoryEnabled(true);
            return counter;
        }
        return null;
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
