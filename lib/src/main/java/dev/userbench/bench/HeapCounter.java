package dev.userbench.bench;

import java.lang.management.ManagementFactory;

/**
 * The calling thread's allocation counter (HotSpot's {@code ThreadMXBean.getCurrentThreadAllocatedBytes}): how many
 * bytes of heap the thread has allocated since it started. Read only in an untimed heap pass after the measured
 * trials ({@link Benchmark#heapPerOp}), never in a measured call, so that counting the heap costs the trials nothing.
 */
public final class HeapCounter {

    /** The JVM's per-thread allocation counter; null where the JVM has none. */
    private static final com.sun.management.ThreadMXBean ALLOCATIONS = allocationCounter();

    private HeapCounter() {
    }

    /** True when this JVM counts each thread's allocations. */
    public static boolean available() {
        return ALLOCATIONS != null;
    }

    /** Bytes the calling thread has allocated so far, or -1 when the JVM cannot count them. */
    public static long allocated() {
        return ALLOCATIONS == null ? -1 : ALLOCATIONS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean counter
                    && counter.isThreadAllocatedMemorySupported()) {
                counter.setThreadAllocatedMemoryEnabled(true);
                return counter;
            }
        } catch (UnsupportedOperationException e) {
            // a JVM that declares the counter but cannot turn it on counts nothing
        }
        return null;
    }
}
