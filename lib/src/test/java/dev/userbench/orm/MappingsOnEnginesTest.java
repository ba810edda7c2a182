package dev.userbench.orm;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.Harness;
import dev.userbench.bench.HeapCounter;
import dev.userbench.bench.LatencyRecorder;
import dev.userbench.bench.Session;
import dev.userbench.bench.StatementCounter;
import dev.userbench.bench.workload.Access;
import dev.userbench.bench.workload.KeyDistribution;
import dev.userbench.bench.workload.LoginTouchWorkload;
import dev.userbench.bench.workload.LoginWorkload;
import dev.userbench.bench.workload.ProfileEditWorkload;
import dev.userbench.bench.workload.ProfileViewWorkload;
import dev.userbench.bench.workload.SignupWorkload;
import dev.userbench.bench.workload.Workload;
import dev.userbench.bench.workload.WorkloadSettings;
import dev.userbench.model.User;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Namespace;
import dev.userbench.seed.DataCheck;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserChecksum;
import dev.userbench.seed.UserGenerator;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each Hibernate mapping over the tables the tool created, on every engine: it reads back the generator's users,
 * sends the statements its mapping implies (counted at the driver), and its writes keep the data and consistency
 * checks.
 */
@Tag("engine")
class MappingsOnEnginesTest {

    private static final long USERS = 200;
    private static final UserGenerator GENERATOR = new UserGenerator(23);

    static Stream<Arguments> enginesAndMappings() {
        return Stream.of(TestEngine.values())
                .flatMap(engine -> Mapping.all().stream().map(mapping -> Arguments.of(engine, mapping)));
    }

    private static WorkloadSettings settings() {
        return WorkloadSettings.defaults(5).withThreads(1).withDistribution(KeyDistribution.ZIPFIAN);
    }

    /** The mapping's layout seeded on a fresh session in a namespace of this test's own, its ORM booted. */
    private record Fixture(Session session, BenchContext context, LayoutSql sql, HibernateAccess access)
            implements AutoCloseable {
        static Fixture seeded(TestEngine engine, Mapping mapping) throws SQLException {
            Session session = new Session(engine.connection().withNamespace(new Namespace("orm_t_mappings", false)));
            BenchContext context = new BenchContext(session, GENERATOR, USERS, 100, List.of(), Progress.NONE);
            LayoutSql sql = session.spec().dialect().sql(mapping.layout());
            new LoginWorkload(settings()).prepare(context, sql);
            return new Fixture(session, context, sql, new HibernateAccess(session.spec(), mapping));
        }

        Harness.Arm arm() {
            return new Harness.Arm(sql.layout().name() + ":hibernate", sql, access);
        }

        StatementCounter.PerOp countOf(Workload workload) throws SQLException {
            return workload.countPerOp(context, arm(), 1);
        }

        void run(Workload workload, long calls) throws SQLException {
            workload.run(context, sql, access, calls, LatencyRecorder.discarding());
        }

        String checksumThroughTheOrm() {
            UserChecksum checksum = new UserChecksum();
            try (org.hibernate.Session orm = access.sessions().on(session.connection())) {
                for (User user : mappingOf().repository().get().all(orm)) {
                    checksum.add(user);
                }
                assertThat(checksum.count()).isPositive();
            }
            try {
                session.connection().commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return checksum.value();
        }

        Mapping mappingOf() {
            return Mapping.all().stream().filter(m -> m.name().equals(access.mapping())
                    && m.layout().name().equals(sql.layout().name())).findFirst().orElseThrow();
        }

        @Override
        public void close() throws SQLException {
            access.close();
            Seeder.drop(session.connection(), sql);
            session.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndMappings")
    void theMappingReadsBackTheGeneratorsUsers(TestEngine engine, Mapping mapping) throws SQLException {
        try (Fixture fixture = Fixture.seeded(engine, mapping)) {
            assertThat(fixture.checksumThroughTheOrm()).isEqualTo(DataCheck.expected(GENERATOR, USERS));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndMappings")
    void aLoginSendsOneStatementExceptOnTheSideWithoutTheForeignKey(TestEngine engine, Mapping mapping)
            throws SQLException {
        try (Fixture fixture = Fixture.seeded(engine, mapping)) {
            StatementCounter.PerOp login = fixture.countOf(new LoginWorkload(settings()));

            double expected = mapping == Mapping.ONE_TO_ONE_INVERSE ? 2 : 1;
            assertThat(login.statements()).as("statements per login").isEqualTo(expected);
            assertThat(login.rows()).as("rows per login").isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndMappings")
    void aLoginTouchReadsThroughTheMappingAndWritesOnceByDirtyChecking(TestEngine engine, Mapping mapping)
            throws SQLException {
        if (!mapping.does(LoginTouchWorkload.NAME)) {
            return;
        }
        try (Fixture fixture = Fixture.seeded(engine, mapping)) {
            StatementCounter.PerOp touch = fixture.countOf(new LoginTouchWorkload(settings()));

            // the profile is read by a second select where the login does not load it with the auth row
            double reads = mapping == Mapping.ENTITY || mapping == Mapping.SECONDARY_TABLE ? 1 : 2;
            assertThat(touch.statements()).as("statements per login_touch").isEqualTo(reads + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestEngine.class)
    void theSecondaryTableJoinsTheProfileIntoEveryLogin(TestEngine engine) throws SQLException {
        try (Fixture fixture = Fixture.seeded(engine, Mapping.SECONDARY_TABLE)) {
            StatementCounter counter = StatementCounter.over(fixture.session().connection());
            new LoginWorkload(settings()).runOnThisThread(fixture.context(), fixture.sql(), fixture.access(),
                    counter.connection(), 1);

            assertThat(counter.sql()).hasSize(1);
            assertThat(counter.sql().get(0).toLowerCase(Locale.ROOT)).containsPattern("join \\S*user_profile");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndMappings")
    void writesThroughTheOrmKeepTheDataAndConsistencyChecks(TestEngine engine, Mapping mapping) throws SQLException {
        if (!mapping.does(SignupWorkload.NAME)) {
            return;
        }
        try (Fixture fixture = Fixture.seeded(engine, mapping)) {
            fixture.run(new SignupWorkload(settings()), 5);

            DataCheck.Summary signedUp = DataCheck.of(fixture.session().connection(), fixture.sql());
            assertThat(signedUp.holds(USERS + 5, DataCheck.expected(GENERATOR, USERS + 5))).isTrue();
            assertThat(fixture.checksumThroughTheOrm()).isEqualTo(DataCheck.expected(GENERATOR, USERS + 5));

            fixture.run(new LoginTouchWorkload(settings()), 20);
            fixture.run(new ProfileEditWorkload(settings()), 20);
            fixture.run(new ProfileViewWorkload(settings()), 20);

            assertThat(DataCheck.consistency(fixture.session().connection(), fixture.sql()).consistent()).isTrue();
            assertThat(DataCheck.of(fixture.session().connection(), fixture.sql()).users()).isEqualTo(USERS + 5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestEngine.class)
    void aLoginThroughTheEntityAllocatesMoreHeapThanThePlainJdbcLoginOnTheSameTable(TestEngine engine)
            throws SQLException {
        assumeTrue(HeapCounter.available(), "this JVM has no per-thread allocation counter");
        try (Fixture fixture = Fixture.seeded(engine, Mapping.ENTITY)) {
            LoginWorkload login = new LoginWorkload(settings());
            Harness.Arm jdbc = new Harness.Arm("monolith", fixture.sql(), Access.JDBC);

            Double plain = login.heapPerOp(fixture.context(), jdbc, 0);
            Double entity = login.heapPerOp(fixture.context(), fixture.arm(), 1);

            assertThat(plain).isPositive();
            assertThat(entity).isGreaterThan(plain);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestEngine.class)
    void plainJdbcCountsItsStatementsToo(TestEngine engine) throws SQLException {
        try (Fixture fixture = Fixture.seeded(engine, Mapping.ONE_TO_ONE)) {
            Harness.Arm jdbc = new Harness.Arm("fragmented", fixture.sql(), Access.JDBC);

            assertThat(new LoginWorkload(settings()).countPerOp(fixture.context(), jdbc, 0).statements()).isEqualTo(1);
            assertThat(new SignupWorkload(settings()).countPerOp(fixture.context(), jdbc, 0).statements()).isEqualTo(2);
        }
    }
}
