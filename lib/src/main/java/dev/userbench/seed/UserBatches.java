package dev.userbench.seed;

import dev.userbench.model.User;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Users {@code from .. to-1} in batches, in index order, made ahead of the consumer by a number of
 * generator threads. Batch {@code k} always holds the same users (a user is a pure function of seed and
 * index), so the thread count changes the speed, never the data. At most {@link #capacity()} batches
 * are made or waiting at any time (a bounded window of futures the consumer refills as it takes), so
 * memory depends on threads and batch size, not on how many users are made: while the consumer inserts
 * one batch, the threads make the next ones.
 */
public final class UserBatches implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final UserGenerator generator;
    private final long to;
    private final int batchSize;
    private final int capacity;
    private final ExecutorService threads;
    /** Only the consumer's thread touches it: the bound is kept by submitting one batch per batch taken. */
    private final ArrayDeque<Future<List<User>>> window;
    private final LongAdder generateNanos = new LongAdder();
    private long nextToSubmit;
    private long nextToTake;
    private long waitNanos;

    public UserBatches(UserGenerator generator, long from, long to, int batchSize, int threadCount) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("users " + from + " to " + to + " are not a range of indices");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one user, got " + batchSize);
        }
        if (threadCount < 1) {
            throw new IllegalArgumentException("generation needs at least one thread, got " + threadCount);
        }
        this.generator = generator;
        this.to = to;
        this.batchSize = batchSize;
        // two per thread: each thread has one to make while the consumer waits on or holds another
        this.capacity = 2 * threadCount;
        this.window = new ArrayDeque<>(capacity);
        this.threads = Executors.newFixedThreadPool(threadCount, daemonThreads());
        this.nextToSubmit = from;
        this.nextToTake = from;
        while (window.size() < capacity && nextToSubmit < to) {
            submitNext();
        }
    }

    /** Most batches that exist at once, made or being made; does not depend on the user count. */
    public int capacity() {
        return capacity;
    }

    /** Batches submitted to the threads and not yet taken: never more than {@link #capacity()}. */
    public int batchesAhead() {
        return window.size();
    }

    public boolean hasNext() {
        return nextToTake < to;
    }

    /** The next batch in index order, waiting for it if the threads have not made it yet. */
    public List<User> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Future<List<User>> head = window.removeFirst();
        long start = System.nanoTime();
        List<User> batch;
        try {
            batch = head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for generated users", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("user generation failed", cause);
        } finally {
            waitNanos += System.nanoTime() - start;
        }
        nextToTake += batch.size();
        if (nextToSubmit < to) {
            submitNext();
        }
        return batch;
    }

    /** Time the generator threads spent making users, summed over the threads. */
    public long generateNanos() {
        return generateNanos.sum();
    }

    /** Time the consumer spent waiting for a batch that was not made yet. */
    public long waitNanos() {
        return waitNanos;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        window.clear();
    }

    private void submitNext() {
        long first = nextToSubmit;
        int size = (int) Math.min(batchSize, to - first);
        nextToSubmit += size;
        window.addLast(threads.submit(() -> make(first, size)));
    }

    private List<User> make(long first, int size) {
        long start = System.nanoTime();
        User[] users = new User[size];
        for (int i = 0; i < size; i++) {
            users[i] = generator.user(first + i);
        }
        generateNanos.add(System.nanoTime() - start);
        return Arrays.asList(users);
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "userbench-generator-" + pool + "-" + count.incrementAndGet());
            // a consumer that fails and forgets to close must not keep the JVM alive
            thread.setDaemon(true);
            return thread;
        };
    }
}
