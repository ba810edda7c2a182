package dev.userbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userbench.report.ResultsJson;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Progress;
import dev.userbench.seed.UserGenerator;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarnessTest {

    record Started(String benchmark, int trial, String arm, long rowsBefore) {
    }

    private static final int USERS = 300;
    private static final int BATCH = 100;

    private final List<Started> started = new ArrayList<>();

    private RunResult run(RunOptions options) {
        Harness.Listener listener = (benchmark, trial, arm, connection) -> started.add(new Started(
                benchmark.operation() + "/" + benchmark.variant(), trial, arm.label(), rows(connection, arm.sql())));
        return new BenchmarkRun(options, Progress.NONE, listener).execute();
    }

    /** 300 users in batches of 100, 40 logins, 4 measured rounds after 1 to 2 warm-up rounds. */
    private static RunOptions small(ConnectionSpec spec) {
        return RunOptions.defaults(spec).withUsers(USERS).withLogins(40).withTrials(4).withWarmup(1, 2)
                .with(b -> b.batchSize = BATCH);
    }

    @Test
    void armsRunInABalancedInterleavedOrderInEveryBenchmark() {
        RunResult result = run(small(TestEngine.SQLITE.connection()));

        for (String benchmark : List.of("insert/seed", "insert/batched", "login/seed", "login/projected")) {
            assertThat(started.stream().filter(s -> s.benchmark().equals(benchmark)).map(Started::arm).toList())
                    .as(benchmark)
                    .containsExactly("monolith", "fragmented", "fragmented", "monolith",
                            "monolith", "fragmented", "fragmented", "monolith");
        }
        // the trials say so too: in round r the baseline (arm 0) runs at position r mod 2
        assertThat(result.trials()).hasSize(4 * 4 * 2).allSatisfy(t -> {
            assertThat(t.fork()).isEqualTo(1);
            assertThat(t.position()).isEqualTo(t.arm() == 0 ? t.round() % 2 : 1 - t.round() % 2);
        });
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
    void warmUpRoundsAreDiscardedAndReportedWithWhatTheyReached() throws Exception {
        RunResult result = run(small(TestEngine.SQLITE.connection()));

        // the measurements hold the measured rounds only: 4 trials of 300 rows, of 40 logins
        assertThat(result.find("monolith", "insert", "batched").orElseThrow().ops()).isEqualTo(4L * USERS);
        assertThat(result.find("fragmented", "login", "projected").orElseThrow().ops()).isEqualTo(4L * 40);
        assertThat(result.find("monolith", "login", "seed").orElseThrow().trialSeconds()).hasSize(4);
        // one warm-up entry per benchmark and arm, of full-size rounds: at least 1, at most 2
        assertThat(result.warmups()).hasSize(8).allSatisfy(w -> {
            assertThat(w.trials()).isBetween(1, 2);
            long perTrial = w.operation().equals("insert") ? USERS : 40;
            assertThat(w.ops()).isEqualTo(w.trials() * perTrial);
            if (w.trials() == 1) {
                assertThat(w.lastChange()).isNull();
                assertThat(w.steady()).isFalse();
            } else {
                assertThat(w.lastChange()).isNotNull();
                assertThat(w.steady()).isEqualTo(w.lastChange() <= Harness.STEADY_TOLERANCE);
            }
        });
        JsonNode warmups = ResultsJson.mapper().readTree(ResultsJson.toJson(result)).get("warmups");
        assertThat(warmups).hasSize(8).allSatisfy(w -> {
            assertThat(w.has("trials")).isTrue();
            assertThat(w.has("steady")).isTrue();
            assertThat(w.has("last_change")).isEqualTo(w.get("trials").asInt() >= 2);
        });
    }

    @Test
    void warmUpStopsAtItsLeastOnceTwoRoundsAgreeAndNeverGoesBeyondItsMost() {
        RunResult result = run(small(TestEngine.SQLITE.connection()).withWarmup(2, 3));

        assertThat(result.warmups()).hasSize(8).allSatisfy(w -> {
            assertThat(w.trials()).isBetween(2, 3);
            assertThat(w.lastChange()).isNotNull();
        });
        // the arms of a benchmark warm up together, round by round, so they report the same rounds
        assertThat(result.warmups().stream().collect(Collectors.groupingBy(w -> w.operation() + "/" + w.variant(),
                Collectors.mapping(Harness.Warmup::trials, Collectors.toSet()))).values())
                .allSatisfy(rounds -> assertThat(rounds).hasSize(1));
        // a benchmark that warmed up beyond its least did so because its last two rounds still disagreed
        assertThat(result.warmups()).filteredOn(w -> w.trials() == 2)
                .allSatisfy(w -> assertThat(result.warmups()).filteredOn(o -> o.operation().equals(w.operation())
                                && o.variant().equals(w.variant()))
                        .allSatisfy(o -> assertThat(o.steady()).isTrue()));
    }

    @Test
    void theDefaultTrialsAreEvenSoEveryArmRunsFirstAsOftenAsTheOther() {
        assertThat(RunOptions.DEFAULT_TRIALS % 2).isZero();
        RunOptions options = RunOptions.defaults(TestEngine.SQLITE.connection()).withUsers(USERS).withLogins(40)
                .withWarmup(1, 1).with(b -> b.batchSize = BATCH);
        assertThat(options.trials()).isEqualTo(RunOptions.DEFAULT_TRIALS);

        RunResult result = new BenchmarkRun(options, Progress.NONE).execute();

        assertThat(result.find("monolith", "login", "seed").orElseThrow().trials()).isEqualTo(RunOptions.DEFAULT_TRIALS);
        assertThat(result.trials().stream().filter(t -> t.position() == 0)
                .collect(Collectors.groupingBy(t -> t.operation() + "/" + t.variant() + " arm " + t.arm(),
                        Collectors.counting())))
                .hasSize(8)
                .allSatisfy((arm, first) -> assertThat(first).as(arm).isEqualTo(RunOptions.DEFAULT_TRIALS / 2L));
    }

    @Test
    void aBatchedInsertTimesBatchesAsCallsWhileItsOperationsAreRows() {
        RunResult result = run(small(TestEngine.SQLITE.connection()));

        for (String layout : List.of("monolith", "fragmented")) {
            Measurement batched = result.find(layout, "insert", "batched").orElseThrow();
            assertThat(batched.callUnit()).isEqualTo("batch");
            assertThat(batched.calls()).isEqualTo(4L * USERS / BATCH);
            assertThat(batched.ops()).isEqualTo(4L * USERS);
        }
        assertThat(result.trials()).filteredOn(t -> t.variant().equals("batched")).allSatisfy(t -> {
            assertThat(t.callUnit()).isEqualTo("batch");
            assertThat(t.calls()).isEqualTo(USERS / BATCH);
            assertThat(t.latencies().getTotalCount()).isEqualTo(USERS / BATCH);
            assertThat(t.ops()).isEqualTo(USERS);
        });
        // the split layout's own way inserts a user's rows one statement at a time: one call per user
        Measurement rowByRow = result.find("fragmented", "insert", "seed").orElseThrow();
        assertThat(rowByRow.callUnit()).isEqualTo("row");
        assertThat(rowByRow.calls()).isEqualTo(rowByRow.ops()).isEqualTo(4L * USERS);
    }

    @Test
    void anInterruptedThreadStopsBetweenTrials() throws SQLException {
        List<Integer> rounds = new ArrayList<>();
        Harness harness = new Harness(new Harness.Settings(4, 0, 0, false, 1), (benchmark, trial, arm, connection) -> {
            rounds.add(trial);
            if (trial == 1) {
                Thread.currentThread().interrupt(); // as Ctrl-C in a notebook does, mid-trial
            }
        });
        ConnectionSpec spec = TestEngine.SQLITE.connection();
        try (Session session = new Session(spec)) {
            BenchContext context = new BenchContext(session, new UserGenerator(1, 40), USERS, BATCH, List.of(),
                    Progress.NONE);
            List<Harness.Arm> arms = BenchmarkRun.arms(spec.dialect(), List.of(Layouts.MONOLITH, Layouts.FRAGMENTED));
            assertThatThrownBy(() -> harness.measure(InsertBenchmark.batched(), arms, context))
                    .isInstanceOf(SQLException.class).hasMessage("interrupted");
        } finally {
            Thread.interrupted(); // clear the flag for the tests after this one
        }
        // the trial that was running when the interrupt came finished; no other started
        assertThat(rounds).containsExactly(0, 0, 1);
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
