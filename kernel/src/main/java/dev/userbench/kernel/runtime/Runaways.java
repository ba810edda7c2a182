package dev.userbench.kernel.runtime;

import java.util.List;

/**
 * Threads of interrupted cells that would not stop. An interrupted cell that never checks for
 * interrupts ({@code while (true) { n++; }}) can be ended with {@code Thread.stop} only up to JDK 19;
 * from JDK 20 on nothing in the JVM can end it, so the kernel renames its thread
 * {@value #THREAD_NAME_PREFIX}{@code N} (N: the cell's execution count), says so in that cell's
 * output, and lets later cells run. Restarting the kernel ends it.
 *
 * <p>Code that must not run next to such a thread (a benchmark harness: a spinning thread on a
 * small machine distorts every measurement) asks {@link #alive()}. Code that cannot depend on the
 * kernel checks the same thing by name, with the JDK alone:
 * <pre>{@code
 * Thread.getAllStackTraces().keySet().stream()
 *         .filter(t -> t.isAlive() && t.getName().startsWith("userbench-runaway-cell-"))
 * }</pre>
 * The thread name prefix is the contract; it does not change.
 */
public final class Runaways {
    /** Every thread the kernel could not stop carries a name starting with this, followed by the cell's number. */
    public static final String THREAD_NAME_PREFIX = "userbench-runaway-cell-";

    private Runaways() {
    }

    /** The names of the runaway cell threads still alive, sorted; empty when there are none. */
    public static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(THREAD_NAME_PREFIX))
                .map(Thread::getName)
                .sorted()
                .toList();
    }
}
