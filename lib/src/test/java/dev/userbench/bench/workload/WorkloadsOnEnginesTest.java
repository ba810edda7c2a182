package dev.userbench.bench.workload;

import dev.userbench.bench.Analysis;
import dev.userbench.bench.BenchContext;
import dev.userbench.bench.Harness;
import dev.userbench.bench.LatencyRecorder;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.Session;
import dev.userbench.bench.stats.Comparison;
import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.DataCheck;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What each workload reads and writes, checked row by row, on every engine and layout. */
@Tag("engine")
class WorkloadsOnEnginesTest {

    private static final long USERS = 300;
    private static final UserGenerator GENERATOR = new UserGenerator(17);

    static Stream<Arguments> enginesAndLayouts() {
        return Stream.of(TestEngine.values())
                .flatMap(engine -> Layouts.all().stream().map(layout -> Arguments.of(engine, layout)));
    }

    private static WorkloadSettings settings(KeyDistribution distribution) {
        return WorkloadSettings.defaults(5).withThreads(1).withDistribution(distribution);
    }

    /** A seeded layout on a fresh session; closed (and its tables dropped) by the test. */
    private record Fixture(Session session, BenchContext context, LayoutSql sql) implements AutoCloseable {
        static Fixture seeded(TestEngine engine, Layout layout) throws SQLException {
            Session session = new Session(engine.connection());
            BenchContext context = new BenchContext(session, GENERATOR, USERS, 100, List.of(), Progress.NONE);
            LayoutSql sql = session.spec().dialect().sql(layout);
            new LoginWorkload(settings(KeyDistribution.UNIFORM)).prepare(context, sql);
            return new Fixture(session, context, sql);
        }

        TableSnapshot snapshot() throws SQLException {
            return TableSnapshot.of(session.connection(), sql);
        }

        void run(Workload workload, long calls) throws SQLException {
            workload.run(context, sql, calls, LatencyRecorder.discarding());
        }

        @Override
        public void close() throws SQLException {
            Seeder.drop(session.connection(), sql);
            session.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndLayouts")
    void signupAddsExactlyOneNewUserToEveryTableOfTheLayoutAndChangesNoOther(TestEngine engine, Layout layout)
            throws SQLException {
        try (Fixture fixture = Fixture.seeded(engine, layout)) {
            TableSnapshot before = fixture.snapshot();

            fixture.run(new SignupWorkload(settings(KeyDistribution.ZIPFIAN)), 1);

            TableSnapshot after = fixture.snapshot();
            User expected = GENERATOR.user(USERS);
            Map<String, Set<UUID>> added = before.addedIn(after);
            assertThat(added).hasSize(layout.tables().size())
                    .allSatisfy((table, uids) -> assertThat(uids).containsExactly(expected.uid()));
            for (String table : layout.tableNames()) {
                assertThat(after.rows(table)).isEqualTo(USERS + 1);
                after.row(table, expected.uid()).forEach((field, value) ->
                        assertThat(value).as(table + "." + field.column()).isEqualTo(field.of(expected)));
            }
            assertThat(before.changesTo(after)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndLayouts")
    void loginReadsTheLoginColumnsOfTheUserByEmailAndWritesNothing(TestEngine engine, Layout layout) throws SQLException {
        try (Fixture fixture = Fixture.seeded(engine, layout)) {
            TableSnapshot before = fixture.snapshot();
            User user = GENERATOR.user(USERS / 2);
            LayoutSql.Select query = LoginWorkload.query(fixture.sql());
            assertThat(query.fields()).containsExactlyInAnyOrderElementsOf(Field.AUTH);
            assertThat(read(fixture, query, user.email())).isEqualTo(valuesOf(user, query.fields()));

            fixture.run(new LoginWorkload(settings(KeyDistribution.ZIPFIAN)), 50);

            assertThat(before.changesTo(fixture.snapshot())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndLayouts")
    void profileViewReadsTheWholeUserByUidAndWritesNothing(TestEngine engine, Layout layout) throws SQLException {
        try (Fixture fixture = Fixture.seeded(engine, layout)) {
            TableSnapshot before = fixture.snapshot();
            User user = GENERATOR.user(USERS - 1);
            LayoutSql.Select query = ProfileViewWorkload.query(fixture.sql());
            assertThat(query.fields()).containsExactlyElementsOf(Field.ALL);
            assertThat(read(fixture, query, user.uid())).isEqualTo(valuesOf(user, query.fields()));

            fixture.run(new ProfileViewWorkload(settings(KeyDistribution.ZIPFIAN)), 50);

            assertThat(before.changesTo(fixture.snapshot())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndLayouts")
    void loginTouchChangesOnlyLastActiveOfOneUserInTheTableThatHoldsIt(TestEngine engine, Layout layout)
            throws SQLException {
        try (Fixture fixture = Fixture.seeded(engine, layout)) {
            TableSnapshot before = fixture.snapshot();

            fixture.run(new LoginTouchWorkload(settings(KeyDistribution.ZIPFIAN)), 1);

            TableSnapshot after = fixture.snapshot();
            Set<TableSnapshot.Change> changes = before.changesTo(after);
            String holder = layout.tableOf(Field.LAST_ACTIVE).name();
            assertThat(changes).hasSize(1).allSatisfy(change -> {
                assertThat(change.table()).isEqualTo(holder);
                assertThat(change.field()).isEqualTo(Field.LAST_ACTIVE);
            });
            UUID touched = changes.iterator().next().uid();
            assertThat((java.time.Instant) after.row(holder, touched).get(Field.LAST_ACTIVE))
                    .isAfter((java.time.Instant) before.row(holder, touched).get(Field.LAST_ACTIVE));
            assertThat(before.addedIn(after).values()).allSatisfy(added -> assertThat(added).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndLayouts")
    void profileEditChangesOnlyBioAndLocationOfTheUsersItEdits(TestEngine engine, Layout layout) throws SQLException {
        try (Fixture fixture = Fixture.seeded(engine, layout)) {
            TableSnapshot before = fixture.snapshot();

            fixture.run(new ProfileEditWorkload(settings(KeyDistribution.UNIFORM)), 20);

            TableSnapshot after = fixture.snapshot();
            Set<TableSnapshot.Change> changes = before.changesTo(after);
            assertThat(changes).isNotEmpty().allSatisfy(change -> {
                assertThat(change.field()).isIn(ProfileEditWorkload.EDITED);
                assertThat(change.table()).isEqualTo(layout.tableOf(change.field()).name());
            });
            // a bio of random sentences never repeats by chance, so every edited user shows a new bio
            Set<UUID> edited = changes.stream().map(TableSnapshot.Change::uid).collect(Collectors.toSet());
            Set<UUID> newBio = changes.stream().filter(c -> c.field() == Field.BIO).map(TableSnapshot.Change::uid)
                    .collect(Collectors.toSet());
            assertThat(newBio).isEqualTo(edited);
            assertThat(before.addedIn(after).values()).allSatisfy(added -> assertThat(added).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestEngine.class)
    void nThreadsTimesMOperationsAreAllCountedAndMixedWritesKeepEveryProfileRowWithItsAuthRow(TestEngine engine)
            throws SQLException {
        int threads = 4;
        long ops = 60;
        WorkloadSettings settings = new WorkloadSettings(threads, ops, KeyDistribution.ZIPFIAN, 0.99,
                Mix.parse("login=30,profile_view=10,login_touch=25,profile_edit=20,signup=15"), 3);
        MixedWorkload mixed = new MixedWorkload(settings);
        try (Fixture fixture = Fixture.seeded(engine, Layouts.FRAGMENTED)) {
            LatencyRecorder recorder = LatencyRecorder.forTrial(0);

            mixed.run(fixture.context(), fixture.sql(), mixed.calls(fixture.context()), recorder);

            assertThat(recorder.histogram().getTotalCount()).isEqualTo(threads * ops);
            assertThat(recorder.wallNanos()).isPositive();
            DataCheck.Consistency check = DataCheck.consistency(fixture.session().connection(), fixture.sql());
            assertThat(check.consistent()).as(check.toString()).isTrue();
            assertThat(check.orphanRows()).isZero();
            // about 15 % of 240 calls sign up: the tables grew, alike
            assertThat(check.rowsPerTable().values()).allSatisfy(rows -> assertThat(rows).isGreaterThan(USERS));
        }
    }

    static Stream<Arguments> enginesAndWorkloads() {
        return Stream.of(TestEngine.values())
                .flatMap(engine -> Workloads.ALL.stream().map(workload -> Arguments.of(engine, workload)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndWorkloads")
    void everyWorkloadRunsThroughTheHarnessOnAllFourLayouts(TestEngine engine, String name) throws SQLException {
        int threads = 2;
        long ops = 15;
        int trials = 2;
        Workload workload = Workloads.create(name, WorkloadSettings.defaults(8).withThreads(threads).withOpsPerThread(ops));
        Harness harness = new Harness(new Harness.Settings(trials, 1, 1, false, 1));
        try (Session session = new Session(engine.connection())) {
            BenchContext context = new BenchContext(session, GENERATOR, USERS, 100, List.of(), Progress.NONE);
            List<Harness.Arm> arms = new ArrayList<>();
            for (Layout layout : Layouts.all()) {
                LayoutSql sql = session.spec().dialect().sql(layout);
                arms.add(new Harness.Arm(layout.name(), sql));
                // a reading workload finds the users seeded once; a writing one re-seeds every trial itself
                workload.prepare(context, sql);
            }

            Harness.Outcome outcome = harness.measure(workload, arms, context);

            assertThat(outcome.measurements()).extracting(Measurement::layout)
                    .containsExactlyElementsOf(Layouts.all().stream().map(Layout::name).toList());
            assertThat(outcome.measurements()).allSatisfy(m -> {
                assertThat(m.operation()).isEqualTo(name);
                assertThat(m.ops()).isEqualTo(threads * ops * trials);
                assertThat(m.threads()).isEqualTo(threads);
                assertThat(m.distribution()).isEqualTo("zipfian");
                assertThat(m.users()).isEqualTo(USERS);
            });
            assertThat(Analysis.comparisons(outcome.trials(), Analysis.Settings.defaults(Comparison.DEFAULT_THRESHOLD, 1)))
                    .hasSize(3).allSatisfy(c -> assertThat(c.baseline()).isEqualTo("monolith"));
            for (Harness.Arm arm : arms) {
                DataCheck.Consistency check = DataCheck.consistency(session.connection(), arm.sql());
                assertThat(check.consistent()).as(check.toString()).isTrue();
                Seeder.drop(session.connection(), arm.sql());
            }
        }
    }

    private static List<Object> read(Fixture fixture, LayoutSql.Select query, Object key) throws SQLException {
        Field keyField = key instanceof UUID ? Field.UID : Field.EMAIL;
        List<Object> values = new ArrayList<>();
        try (PreparedStatement statement = fixture.session().connection().prepareStatement(query.sql())) {
            fixture.sql().dialect().bind(statement, 1, keyField, key);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (int i = 0; i < query.fields().size(); i++) {
                    values.add(fixture.sql().dialect().read(row, i + 1, query.fields().get(i)));
                }
                assertThat(row.next()).as("one row only").isFalse();
            }
        }
        fixture.session().connection().commit();
        return values;
    }

    private static List<Object> valuesOf(User user, List<Field> fields) {
        return fields.stream().map(field -> field.of(user)).toList();
    }
}
