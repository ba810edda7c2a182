package dev.userbench.notebook;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.Benchmark;
import dev.userbench.bench.LatencyRecorder;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.Session;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.LayoutSql;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The database a notebook measures. {@link #connection()} and {@link #session()} open again whatever a clean-up
 * cell (or a cancelled run) closed, so every cell can be re-run after Run All, in any order.
 */
public final class NotebookDatabase implements AutoCloseable {

    /** Calls of the discarded warm-up before a single measurement: enough for the JIT to compile the call path. */
    static final long WARMUP_CALLS = 500;

    private final ConnectionSpec spec;
    private Connection connection;
    private Session session;

    NotebookDatabase(ConnectionSpec spec) {
        this.spec = spec;
    }

    public ConnectionSpec spec() {
        return spec;
    }

    public Dialect dialect() {
        return spec.dialect();
    }

    /** The notebook's own connection (auto-commit off), opened again when it was closed. */
    public synchronized Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = spec.open();
        }
        return connection;
    }

    /** A session for the jar's benchmarks, opened again when it was closed or cut. */
    public synchronized Session session() throws SQLException {
        if (session == null || session.connection().isClosed()) {
            session = new Session(spec);
        }
        return session;
    }

    /** What the jar's benchmarks work with: this database's session, the users and the login sample. */
    public BenchContext context(UserGenerator generator, long users, List<String> loginEmails) throws SQLException {
        return new BenchContext(session(), generator, users, Seeder.DEFAULT_BATCH, loginEmails, Progress.NONE);
    }

    /**
     * One measurement of a benchmark on a layout, outside the harness's trials: a warm-up first, discarded (as the
     * harness does), and for a writing benchmark empty tables before the warm-up and before the measured pass.
     */
    public Measurement measureOnce(BenchContext context, Benchmark benchmark, LayoutSql sql) throws SQLException {
        long warmupCalls = Math.min(WARMUP_CALLS, benchmark.calls(context));
        if (benchmark.mutates()) {
            Seeder.recreate(context.connection(), sql);
        }
        benchmark.run(context, sql, warmupCalls, LatencyRecorder.discarding());
        if (benchmark.mutates()) {
            Seeder.recreate(context.connection(), sql);
        }
        LatencyRecorder recorder = LatencyRecorder.discarding();   // keeps the histogram only: one pass, no statistics
        benchmark.run(context, sql, benchmark.calls(context), recorder);
        return Measurement.of(sql.layout().name(), benchmark.operation(), benchmark.variant(), List.of(recorder));
    }

    /** The engine and its version, e.g. "SQLite 3.50.1". */
    public String engine() throws SQLException {
        DatabaseMetaData info = connection().getMetaData();
        return info.getDatabaseProductName() + " " + info.getDatabaseProductVersion();
    }

    /** One Markdown line: the engine, the driver and the URL with any password masked. */
    String described() {
        try {
            DatabaseMetaData info = connection().getMetaData();
            return "Measuring on **" + engine() + "** (" + info.getDriverName() + " " + info.getDriverVersion()
                    + ") at `" + spec.maskedUrl() + "`.";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + spec.maskedUrl() + ": "
                    + spec.redact(String.valueOf(e.getMessage())) + "; set USERBENCH_JDBC_URL (and USERBENCH_USER, "
                    + "USERBENCH_PASSWORD) before starting Jupyter", e);
        }
    }

    /** Closes the connection and the session; the next cell that needs either opens it again. */
    @Override
    public synchronized void close() throws SQLException {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            session = null;
            if (connection != null) {
                connection.close();
            }
            connection = null;
        }
    }
}
