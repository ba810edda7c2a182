package dev.userbench.bench;

import dev.userbench.model.Field;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.PreparedSelect;
import dev.userbench.schema.RowReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Looks up each sampled email and reads every column it returned. Variant {@code seed} is the study's
 * query (the whole monolith row; the auth row of the split); variant {@code projected} reads only the
 * login columns on every layout, which separates the cost of the wider table from the cost of
 * fetching more columns.
 */
public final class LoginBenchmark extends StudyBenchmark {

    public static final String DISTRIBUTION = "sample";
    public static final String OPERATION = "login";
    public static final String SEED = "seed";
    public static final String PROJECTED = "projected";

    /** Folds every value read into something the JIT cannot discard. */
    private long sink;

    /** {@value #DISTRIBUTION}: the seeded sample of distinct users, the same on every layout. */
    private LoginBenchmark(String variant) {
        super(OPERATION, variant, DISTRIBUTION);
    }

    public static LoginBenchmark seed() {
        return new LoginBenchmark(SEED);
    }

    public static LoginBenchmark projected() {
        return new LoginBenchmark(PROJECTED);
    }

    @Override
    public boolean mutates() {
        return false;
    }

    public LayoutSql.Select query(LayoutSql sql) {
        return SEED.equals(variant()) ? sql.loginWholeRow() : sql.loginProjected();
    }

    @Override
    public long calls(BenchContext context) {
        return context.loginEmails().size();
    }

    @Override
    public void run(BenchContext context, LayoutSql sql, long calls, LatencyRecorder recorder) throws SQLException {
        logins(context.connection(), sql, context.loginEmails(), calls, recorder);
    }

    /**
     * The same logins, untimed, on a connection that counts what the driver received: a login only reads, so the
     * pass leaves the state the next benchmark reads as it was.
     */
    @Override
    public StatementCounter.PerOp countPerOp(BenchContext context, Harness.Arm arm, int armIndex) throws SQLException {
        // the counter wraps the run's own connection and is not closed: closing it would close that connection
        StatementCounter counter = StatementCounter.over(context.connection());
        long calls = Math.min(COUNTED_CALLS, calls(context));
        logins(counter.connection(), arm.sql(), context.loginEmails(), calls, LatencyRecorder.discarding());
        return counter.perOp(calls);
    }

    /**
     * Heap allocated per login: the same logins, untimed, on the run's bare connection (a login only reads), the first
     * {@link #HEAP_WARM_CALLS} not counted, then {@link #COUNTED_CALLS} whose lookups and reads add up what this thread
     * allocated; preparing the statement and the commit at the end, which no timed login holds, stay outside. Null
     * when the JVM cannot count a thread's allocations.
     */
    @Override
    public Double heapPerOp(BenchContext context, Harness.Arm arm, int armIndex) throws SQLException {
        if (!HeapCounter.available()) {
            return null;
        }
        LayoutSql sql = arm.sql();
        List<String> emails = context.loginEmails();
        long calls = Math.min(COUNTED_CALLS, calls(context));
        LayoutSql.Select select = query(sql);
        RowReader reader = RowReader.of(sql.dialect(), select);
        long bytes = 0;
        try (PreparedSelect statement = PreparedSelect.prepare(context.connection(), sql.dialect(), select)) {
            for (long call = 0; call < HEAP_WARM_CALLS + calls; call++) {
                String email = emails.get((int) (call % emails.size()));
                long before = HeapCounter.allocated();
                login(statement, reader, sql, email);
                if (call >= HEAP_WARM_CALLS) {
                    bytes += HeapCounter.allocated() - before;
                }
            }
            context.connection().commit();
            sink += reader.sink();
        }
        return bytes / (double) calls;
    }

    /** Logins counted per operation: enough for a mean over the sampled emails, few enough to cost no time. */
    private static final long COUNTED_CALLS = 100;
    /** Logins a heap pass makes before it counts: the new statement's first costs are no login's. */
    private static final long HEAP_WARM_CALLS = 10;

    private void logins(Connection connection, LayoutSql sql, List<String> emails, long calls, LatencyRecorder recorder)
            throws SQLException {
        LayoutSql.Select select = query(sql);
        RowReader reader = RowReader.of(sql.dialect(), select);
        try (PreparedSelect statement = PreparedSelect.prepare(connection, sql.dialect(), select)) {
            long begin = System.nanoTime();
            for (long call = 0; call < calls; call++) {
                String email = emails.get((int) (call % emails.size()));
                long start = System.nanoTime();
                login(statement, reader, sql, email);
                recorder.record(System.nanoTime() - start);
            }
            recorder.addWall(System.nanoTime() - begin);
            connection.commit();
            sink += reader.sink();
        }
    }

    /** One login: looks up the email and reads every column the query returns. */
    private static void login(PreparedSelect statement, RowReader reader, LayoutSql sql, String email)
            throws SQLException {
        try (ResultSet row = statement.query(Field.EMAIL, email)) {
            if (row == null || !row.next()) {
                throw new IllegalStateException("login found no user for a sampled email in layout "
                        + sql.layout().name() + ": the table does not hold the seeded users");
            }
            reader.read(row);
        }
    }

    long sink() {
        return sink;
    }
}
