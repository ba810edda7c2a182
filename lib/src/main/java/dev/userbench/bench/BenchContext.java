package dev.userbench.bench;

import dev.userbench.seed.Progress;
import dev.userbench.seed.UserGenerator;

import java.sql.Connection;
import java.util.List;

/**
 * What a benchmark works with: the session's connection, the users it may create, and the sample of
 * existing users' emails that every layout logs in with.
 */
public record BenchContext(Session session, UserGenerator generator, long users, int batchSize,
                           List<String> loginEmails, Progress progress) {

    public BenchContext {
        loginEmails = List.copyOf(loginEmails);
    }

    /** The same context, telling its progress to {@code other}. */
    public BenchContext withProgress(Progress other) {
        return new BenchContext(session, generator, users, batchSize, loginEmails, other);
    }

    public Connection connection() {
        return session.connection();
    }
}
