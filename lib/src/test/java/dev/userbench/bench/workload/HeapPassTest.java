package dev.userbench.bench.workload;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.Benchmark;
import dev.userbench.bench.Harness;
import dev.userbench.bench.HeapCounter;
import dev.userbench.bench.LatencyRecorder;
import dev.userbench.bench.Session;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.DataCheck;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Heap per operation is counted in an untimed pass after the trials, on the bare connection, never by the calls a
 * trial times (reading the allocation counter twice per call would add to the trial's wall time).
 */
class HeapPassTest {

    private static final long USERS = 300;
    private static final UserGenerator GENERATOR = new UserGenerator(31);

    @BeforeEach
    void theJvmCountsAThreadsAllocations() {
        assumeTrue(HeapCounter.available(), "this JVM has no per-thread allocation counter");
    }

    private static WorkloadSettings settings() {
        return WorkloadSettings.defaults(7).withThreads(2).withOpsPerThread(10)
                .withDistribution(KeyDistribution.ZIPFIAN);
    }

    /** A seeded layout on a fresh SQLite file. */
    private record Fixture(Session session, BenchContext context, LayoutSql sql) implements AutoCloseable {
        static Fixture seeded(Layout layout) throws SQLException {
            Session session = new Session(TestEngine.SQLITE.connection());
            BenchContext context = new BenchContext(session, GENERATOR, USERS, 100, List.of(), Progress.NONE);
            LayoutSql sql = session.spec().dialect().sql(layout);
            new LoginWorkload(settings()).prepare(context, sql);
            return new Fixture(session, context, sql);
        }

        @Override
        public void close() throws SQLException {
            Seeder.drop(session.connection(), sql);
            session.close();
        }
    }

    /** Plain JDBC that keeps every client it opened a step for. */
    private static final class Watching implements Access {
        final List<Client> clients = new ArrayList<>();

        @Override
        public String name() {
            return "jdbc";
        }

        @Override
        public String mapping() {
            return null;
        }

        @Override
        public boolean supports(Benchmark benchmark, LayoutSql sql) {
            return true;
        }

        @Override
        public synchronized Step open(Workload workload, Client client, LayoutSql sql) throws SQLException {
            clients.add(client);
            return Access.JDBC.open(workload, client, sql);
        }
    }

    @Test
    void aMeasuredTrialsClientsCountNoHeapWhileTheHeapPassCountsItsCalls() throws SQLException {
        try (Fixture fixture = Fixture.seeded(Layouts.MONOLITH)) {
            Workload login = new LoginWorkload(settings());
            Watching trial = new Watching();

            login.run(fixture.context(), fixture.sql(), trial, 20, LatencyRecorder.forTrial(0));

            assertThat(trial.clients).hasSize(2).allSatisfy(c -> assertThat(c.heapBytes()).isZero());

            Watching pass = new Watching();
            Double bytesPerOp = login.heapPerOp(fixture.context(), new Harness.Arm("monolith", fixture.sql(), pass), 0);

            assertThat(pass.clients).hasSize(1);
            assertThat(pass.clients.get(0).heapBytes()).isPositive();
            assertThat(bytesPerOp).isPositive();
        }
    }

    @Test
    void everyWorkloadCountsAPositiveHeapPerOperationOnEveryLayout() throws SQLException {
        for (Layout layout : Layouts.all()) {
            try (Fixture fixture = Fixture.seeded(layout)) {
                for (Workload workload : Workloads.all(settings())) {
                    Harness.Arm arm = new Harness.Arm(layout.name(), fixture.sql());

                    assertThat(workload.heapPerOp(fixture.context(), arm, 0))
                            .as(workload.operation() + " on " + layout.name()).isPositive();
                }
            }
        }
    }

    @Test
    void aWritingWorkloadsHeapPassSignsUpUsersOfItsOwnBesideTheCountingPassesOfEveryArm() throws SQLException {
        try (Fixture fixture = Fixture.seeded(Layouts.FRAGMENTED)) {
            Workload signup = new SignupWorkload(settings());
            Harness.Arm arm = new Harness.Arm("fragmented", fixture.sql());

            // as the harness runs them: every arm's heap pass, then every arm's counting pass, on one layout
            for (int a = 0; a < 2; a++) {
                signup.heapPerOp(fixture.context(), arm, a);
            }
            for (int a = 0; a < 2; a++) {
                signup.countPerOp(fixture.context(), arm, a);
            }

            long heapPasses = 2 * (Workload.HEAP_WARM_CALLS + Workload.COUNTED_CALLS);
            long countingPasses = 2 * Workload.COUNTED_CALLS;
            DataCheck.Summary after = DataCheck.of(fixture.session().connection(), fixture.sql());
            assertThat(after.users()).isEqualTo(USERS + heapPasses + countingPasses);
            assertThat(after.consistent()).isTrue();
        }
    }
}
