package dev.userbench.bench.workload;

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
