package dev.userbench.bench;

import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Progress;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HarnessTest {

    record Started(String benchmark, int trial, String arm, long rowsBefore) {
    }

    private static final int USERS = 300;

    private final List<Started> started = new ArrayList<>();

    private RunResult run(RunOptions options) {
        Harness.Listener listener = (benchmark, trial, arm, connection) -> started.add(new Started(
                benchmark.operation() + "/" + benchmark.variant(), trial, arm.label(), rows(connection, arm.sql())));
        return new BenchmarkRun(options, Progress.NONE, listener).execute();
    }

    private static RunOptions small(ConnectionSpec spec) {
        return RunOptions.defaults(spec).withUsers(USERS).withLogins(40).withTrials(4).withWarmup(20, 0);
    }

    @Test
    void armsRunInABalancedInterleavedOrderInEveryBenchmark() {
        run(small(TestEngine.SQLITE.connection()));

        for (String benchmark : List.of("insert/seed", "insert/batched", "login/seed", "login/projected")) {
            assertThat(started.stream().filter(s -> s.benchmark().equals(benchmark)).map(Started::arm).toList())
                    .as(benchmark)
                    .containsExactly("monolith", "fragmented", "fragmented", "monolith",
                            "monolith", "fragmented", "fragmented", "monolith");
        }
    }

    @Test
    void everyWritingTrialStartsFromEmptyTablesAndEveryReadingTrialSeesAllUsers() {
        run(small(TestEngine.SQLITE.connection()));

        assertThat(started).filteredOn(s -> s.benchmark().startsWith("insert")).hasSize(16)
                .allSatisfy(s -> assertThat(s.rowsBefore()).isZero());
        assertThat(started).filteredOn(s -> s.benchmark().startsWith("login")).hasSize(16)
                .allSatisfy(s -> assertThat(s.rowsBefore()).isEqualTo(USERS));
    }

    @Test
    void eachTrialMakesTheSameNumberOfCallsAndTheWarmupStaysOutOfTheMeasurements() {
        RunResult result = run(small(TestEngine.SQLITE.connection()));

        assertThat(result.find("monolith", "insert", "batched").orElseThrow().ops()).isEqualTo(4L * USERS);
        assertThat(result.find("fragmented", "login", "projected").orElseThrow().ops()).isEqualTo(4L * 40);
        assertThat(result.find("monolith", "login", "seed").orElseThrow().trialSeconds()).hasSize(4);
        assertThat(result.warmups()).hasSize(8).allSatisfy(w -> assertThat(w.ops()).isEqualTo(20));
    }

    @Test
    void theSameLayoutTwiceIsComparedWithItselfUnderTwoLabels() {
        RunResult result = run(small(TestEngine.SQLITE.connection())
                .withLayouts(List.of(Layouts.MONOLITH, Layouts.MONOLITH)));

        assertThat(result.comparisons()).hasSize(4).allSatisfy(c -> {
            assertThat(c.baseline()).isEqualTo("monolith");
            assertThat(c.candidate()).isEqualTo("monolith#2");
            assertThat(c.ciLow()).isLessThanOrEqualTo(c.ratio());
            assertThat(c.ciHigh()).isGreaterThanOrEqualTo(c.ratio());
        });
        assertThat(result.dataCheck().equal()).isTrue();
    }

    @Test
    void coldReadsOnSqliteOpenAFreshConnectionForEveryTrial() {
        List<Connection> connections = new ArrayList<>();
        Harness.Listener listener = (benchmark, trial, arm, connection) -> {
            if (!benchmark.mutates()) {
                connections.add(connection);
            }
        };
        RunResult result = new BenchmarkRun(small(TestEngine.SQLITE.connection()).withCold(true), Progress.NONE, listener)
                .execute();

        assertThat(connections).hasSize(16).doesNotHaveDuplicates();
        assertThat(result.environment().cacheState()).startsWith("cold");
    }

    private static long rows(Connection connection, LayoutSql sql) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql.count(sql.layout().root()))) {
            rs.next();
            long n = rs.getLong(1);
            connection.commit();
            return n;
        }
    }
}
