package dev.userbench.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT, also SIGTERM) during a run. The JVM runs shutdown hooks on the signal while the main
 * thread carries on; the hook stops the run and then waits for the main thread to write the partial
 * results and print the message (it calls {@link #close()} when done). The JVM then exits with
 * 128 + 2 = 130 for SIGINT, the status shells expect. A run that ends first removes the hook.
 */
final class Interruption implements AutoCloseable {

    /** How long the hook waits for the partial results before the JVM exits anyway. */
    private static final long WRITE_WAIT_SECONDS = 30;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean happened;

    private Interruption(Runnable stop) {
        hook = new Thread(() -> {
            happened = true;
            stop.run();
            try {
                finished.await(WRITE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "userbench-ctrl-c");
    }

    /** Calls {@code stop} (from the signal's thread) when the process is told to stop. */
    static Interruption onSignal(Runnable stop) {
        Interruption interruption = new Interruption(stop);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    boolean happened() {
        return happened;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that finished is counted down
        }
    }
}
