package dev.userbench.orm;

import dev.userbench.bench.Benchmark;
import dev.userbench.bench.workload.Access;
import dev.userbench.bench.workload.Client;
import dev.userbench.bench.workload.LoginTouchWorkload;
import dev.userbench.bench.workload.LoginWorkload;
import dev.userbench.bench.workload.ProfileEditWorkload;
import dev.userbench.bench.workload.ProfileViewWorkload;
import dev.userbench.bench.workload.SignupWorkload;
import dev.userbench.bench.workload.Step;
import dev.userbench.bench.workload.Workload;
import dev.userbench.model.User;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.LayoutSql;
import org.hibernate.Session;
import org.hibernate.Transaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

/**
 * The workloads through Hibernate and one {@link Mapping}: the same users picked the same way as on plain JDBC,
 * and each call, timed, opens a session on the client's connection, does the operation in one transaction
 * (writes flushed by dirty checking at commit) and closes the session. Login-and-touch reads and writes in that one
 * transaction, as an application does through an ORM (plain JDBC commits between them).
 */
public final class HibernateAccess implements Access, AutoCloseable {

    public static final String NAME = "hibernate";

    private final ConnectionSpec spec;
    private final Mapping mapping;
    private volatile OrmSessions sessions;

    public HibernateAccess(ConnectionSpec spec, Mapping mapping) {
        this.spec = spec;
        this.mapping = mapping;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String mapping() {
        return mapping.name();
    }

    @Override
    public boolean supports(Benchmark benchmark, LayoutSql sql) {
        return benchmark instanceof Workload && mapping.does(benchmark.operation())
                && mapping.layout().name().equals(sql.layout().name());
    }

    /** Boots Hibernate (validating the tables) on first use: the tables exist only once the run has created them. */
    public OrmSessions sessions() {
        OrmSessions booted = sessions;
        if (booted == null) {
            synchronized (this) {
                if (sessions == null) {
                    sessions = OrmSessions.boot(spec, mapping);
                }
                booted = sessions;
            }
        }
        return booted;
    }

    @Override
    public Step open(Workload workload, Client client, LayoutSql sql) {
        Repository repository = mapping.repository().get();
        OrmSessions orm = sessions();
        return switch (workload.operation()) {
            case LoginWorkload.NAME -> timed(client, orm, c -> {
                String email = c.generator().user(c.existingUser()).email();
                return session -> repository.login(session, email).hashCode();
            });
            case LoginTouchWorkload.NAME -> timed(client, orm, c -> {
                String email = c.generator().user(c.existingUser()).email();
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                return session -> {
                    repository.touch(session, email, now);
                    return 0;
                };
            });
            case ProfileViewWorkload.NAME -> timed(client, orm, c -> {
                UUID uid = c.generator().user(c.existingUser()).uid();
                return session -> repository.view(session, uid).hashCode();
            });
            case ProfileEditWorkload.NAME -> timed(client, orm, c -> {
                UUID uid = c.generator().user(c.existingUser()).uid();
                // past every index a run signs up, as on plain JDBC
                User donor = c.generator().user(Long.MAX_VALUE / 2 + c.random().nextLong(Long.MAX_VALUE / 4));
                return session -> {
                    repository.edit(session, uid, donor.bio(), donor.location());
                    return 0;
                };
            });
            case SignupWorkload.NAME -> timed(client, orm, c -> {
                User user = c.newUser();
                return session -> {
                    repository.signup(session, user);
                    return 0;
                };
            });
            default -> throw new IllegalArgumentException("the " + mapping.name() + " mapping does not do "
                    + workload.operation());
        };
    }

    /** One operation in a session's transaction: what it works on is chosen untimed, the rest is timed. */
    @FunctionalInterface
    private interface Operation {
        int in(Session session);
    }

    private static Step timed(Client client, OrmSessions orm, Function<Client, Operation> prepare) {
        return new Step() {
            /** What each operation read, folded in so that the JIT cannot drop the reads (as RowReader does). */
            private long sink;

            @Override
            public long perform() {
                Operation operation = prepare.apply(client);
                long start = client.clockIn();
                try (Session session = orm.on(client.connection())) {
                    Transaction transaction = session.beginTransaction();
                    sink += operation.in(session);
                    transaction.commit();
                }
                return client.clockOut(start);
            }

            @Override
            public void close() {
                // the session of each call is closed with the call; the connection is the client's
            }
        };
    }

    @Override
    public void close() {
        OrmSessions booted = sessions;
        if (booted != null) {
            booted.close();
        }
    }

    @Override
    public String toString() {
        return NAME + ":" + mapping.name();
    }
}
