package dev.userbench.bench;

import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layout;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;

import java.util.List;

/** What a run measures: where, which layouts, how many users and logins, with which seed. */
public record RunOptions(ConnectionSpec connection, List<Layout> layouts, long users, int logins, long seed,
                         int batchSize, int bioChars) {

    public static final long DEFAULT_USERS = 10_000;
    public static final int DEFAULT_LOGINS = 1_000;

    public RunOptions {
        layouts = List.copyOf(layouts);
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1, got " + users);
        }
        if (logins < 1) {
            throw new IllegalArgumentException("--logins must be at least 1, got " + logins);
        }
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("no layout to measure");
        }
    }

    public static RunOptions defaults(ConnectionSpec connection) {
        return new RunOptions(connection, List.of(Layouts.MONOLITH, Layouts.FRAGMENTED), DEFAULT_USERS,
                DEFAULT_LOGINS, UserGenerator.DEFAULT_SEED, Seeder.DEFAULT_BATCH, UserGenerator.DEFAULT_BIO_CHARS);
    }

    public RunOptions withUsers(long newUsers) {
        return new RunOptions(connection, layouts, newUsers, logins, seed, batchSize, bioChars);
    }

    public RunOptions withLogins(int newLogins) {
        return new RunOptions(connection, layouts, users, newLogins, seed, batchSize, bioChars);
    }

    public RunOptions withSeed(long newSeed) {
        return new RunOptions(connection, layouts, users, logins, newSeed, batchSize, bioChars);
    }

    public RunOptions withLayouts(List<Layout> newLayouts) {
        return new RunOptions(connection, newLayouts, users, logins, seed, batchSize, bioChars);
    }
}
