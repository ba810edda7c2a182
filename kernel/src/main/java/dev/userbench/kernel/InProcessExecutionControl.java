package dev.userbench.kernel;

import dev.userbench.kernel.runtime.Runaways;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs snippets in this JVM, so that cell code reaches the kernel's display functions and the
 * objects it produces (images, {@code DisplayData}) can be rendered as they are, not as strings.
 *
 * <p>JShell only hands back a snippet's value as a string. So {@link #invoke(Method)} parks the
 * real value under a fresh key and returns that key as the "string value"; the evaluator then takes
 * the value back with {@link #takeValue(String)}.
 *
 * <p>Each snippet runs on a thread of its own, so that an interrupt can give up on it: the thread is
 * interrupted and, if it ignores that (a busy loop), stopped with {@code Thread.stop}. From JDK 20 on
 * {@code Thread.stop} throws, and a thread that ignores interrupts cannot be ended from inside the
 * JVM: it is then renamed {@link Runaways#THREAD_NAME_PREFIX}{@code N}, and the snippet fails with
 * {@link #LEFT_RUNNING}, so that the cell says so and a benchmark can refuse to measure next to it.
 * (Running snippets in a child JVM, which JShell can stop on any JDK, would cost what the notebook
 * relies on: display() and the objects it renders live in this JVM.)
 */
final class InProcessExecutionControl extends DirectExecutionControl {
    /** A pseudo class name for the user exception that an interrupt produces; the space keeps it apart from real classes. */
    static final String INTERRUPTED = "Evaluation interrupted";
    /** The pseudo class name when the interrupted snippet's thread could not be stopped; the message is the thread's name. */
    static final String LEFT_RUNNING = "Evaluation interrupted, thread left running";

    private static final Object NULL_VALUE = new Object();
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    /** How long an interrupted snippet may take to notice the interrupt before its thread is stopped. */
    private static final long GRACE_MILLIS = 1_000;

    private final Map<String, Object> parkedValues = new ConcurrentHashMap<>();
    private volatile Thread running;
    private volatile boolean interruptRequested;
    private volatile int cellNumber;

    /** A provider that always hands out this one control, so the evaluator keeps a typed reference to it. */
    ExecutionControlProvider asProvider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "user-entity-bench-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return InProcessExecutionControl.this;
            }
        };
    }

    /** The real value of the snippet whose JShell value was {@code key}; empty for null or an unknown key. */
    Optional<Object> takeValue(String key) {
        Object value = key == null ? null : parkedValues.remove(key);
        return value == null || value == NULL_VALUE ? Optional.empty() : Optional.of(value);
    }

    /** Drops values nobody took (e.g. of declarations), so they can be garbage collected. */
    void forgetValues() {
        parkedValues.clear();
    }

    /** Names the threads of the snippets that follow after the cell they belong to (Jupyter's execution count). */
    void startCell(int number) {
        cellNumber = number;
    }

    /** Asks the running snippet, if any, to stop. Safe to call from any thread. */
    void interrupt() {
        Thread thread = running;
        if (thread != null) {
            interruptRequested = true;
            thread.interrupt();
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object[] outcome = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                outcome[0] = doitMethod.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "userbench-cell-" + cellNumber + "-snippet-" + THREAD_NUMBER.incrementAndGet());
        // libraries added by %jars find their service files (JDBC drivers, ...) through the context loader
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        thread.setDaemon(true);

        interruptRequested = false;
        running = thread;
        try {
            thread.start();
            awaitOrStop(thread);
        } finally {
            running = null;
        }

        if (interruptRequested && thread.isAlive()) {
            // nothing in this JVM can end it: make it findable by name and say so in the cell
            String name = Runaways.THREAD_NAME_PREFIX + cellNumber;
            thread.setName(name);
            thread.setPriority(Thread.MIN_PRIORITY);
            throw new UserException(name, LEFT_RUNNING, new StackTraceElement[0]);
        }
        if (interruptRequested) {
            throw new UserException("Evaluation interrupted.", INTERRUPTED, new StackTraceElement[0]);
        }
        if (failure[0] instanceof InvocationTargetException ite) {
            throw ite; // DirectExecutionControl turns it into JShell's EvalException / UnresolvedReferenceException
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] instanceof Error error) {
            throw error;
        }
        String key = UUID.randomUUID().toString();
        parkedValues.put(key, outcome[0] == null ? NULL_VALUE : outcome[0]);
        return key;
    }

    private void awaitOrStop(Thread thread) throws InterruptedException {
        while (thread.isAlive()) {
            thread.join(100);
            if (interruptRequested && thread.isAlive()) {
                thread.join(GRACE_MILLIS);
                if (thread.isAlive() && stopForcibly(thread)) {
                    thread.join(GRACE_MILLIS);
                }
                return;
            }
        }
    }

    // Thread.stop is the only way to end a loop that never checks for interrupts. It works up to JDK 19;
    // from JDK 20 on it throws UnsupportedOperationException and the caller reports the thread instead.
    /** Whether this JDK could ask the thread to stop (it may still take a moment to unwind). */
    @SuppressWarnings({"deprecation", "removal"})
    private static boolean stopForcibly(Thread thread) {
        try {
            thread.stop();
            return true;
        } catch (UnsupportedOperationException newerJdk) {
            return false; // the thread stays alive; invoke() names it a runaway
        }
    }
}
