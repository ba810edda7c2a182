package dev.userbench.bench;

import dev.userbench.schema.Dialect;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.seed.DataCheck;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The study's benchmark, faithfully and fairly: insert every user into each layout (the study's way,
 * then batched), check that the layouts hold the same users, then log in with the same sample on
 * each layout (the study's query, then only the login columns). Each insert starts from empty
 * tables; the batched insert leaves the data the logins read.
 */
public final class BenchmarkRun {

    public static final List<Benchmark> INSERTS = List.of(InsertBenchmark.seed(), InsertBenchmark.batched());
    public static final List<Benchmark> LOGINS = List.of(LoginBenchmark.seed(), LoginBenchmark.projected());

    private final RunOptions options;
    private final Progress progress;

    public BenchmarkRun(RunOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    public RunResult execute() throws SQLException {
        Instant startedAt = Instant.now();
        Dialect dialect = options.connection().dialect();
        UserGenerator generator = new UserGenerator(options.seed(), options.bioChars());
        Map<String, LayoutSql> layouts = new LinkedHashMap<>();
        for (Layout layout : options.layouts()) {
            layouts.putIfAbsent(layout.name(), dialect.sql(layout));
        }
        try (Connection connection = options.connection().open()) {
            Environment environment = Environment.capture(connection, options, startedAt);
            List<String> emails = LoginSample.emails(generator, options.users(), options.logins(), options.seed());
            BenchContext context = new BenchContext(connection, generator, options.users(), options.batchSize(),
                    emails, progress);
            List<Measurement> measurements = new ArrayList<>();
            for (Benchmark insert : INSERTS) {
                for (LayoutSql sql : layouts.values()) {
                    Seeder.recreate(connection, sql);
                    measurements.add(insert.run(context, sql));
                }
            }
            List<DataCheck.Summary> summaries = new ArrayList<>();
            for (LayoutSql sql : layouts.values()) {
                summaries.add(DataCheck.of(connection, sql));
            }
            String expected = DataCheck.expected(generator, options.users());
            for (Benchmark login : LOGINS) {
                for (LayoutSql sql : layouts.values()) {
                    measurements.add(login.run(context, sql));
                }
            }
            return new RunResult(environment, RunResult.DataCheckResult.of(summaries, expected, options.users()),
                    measurements);
        }
    }
}
