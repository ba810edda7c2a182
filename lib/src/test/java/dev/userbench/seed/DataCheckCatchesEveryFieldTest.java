package dev.userbench.seed;

import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.model.UserRole;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.schema.Namespace;
import dev.userbench.schema.TableDef;
import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data check can fail: one field of one user changed in one layout, by the smallest change its type
 * allows (one character, one second, the other flag, another role, absent instead of present), makes that
 * layout's check differ while the other layout still holds the seeded users; undoing the change makes it
 * hold again. Run for every field of the model, on every engine.
 */
@Tag("engine")
class DataCheckCatchesEveryFieldTest {

    private static final int USERS = 24;
    private static final int VICTIM = 7;
    private static final String NAMESPACE = "userbench_t_datacheck";
    private static final UserGenerator GENERATOR = new UserGenerator(31);
    private static final String EXPECTED = DataCheck.expected(GENERATOR, USERS);
    private static final List<Layout> LAYOUTS = List.of(Layouts.MONOLITH, Layouts.FRAGMENTED);
    /** One seeded database per engine for the whole class: each case restores what it changed. */
    private static final Map<TestEngine, ConnectionSpec> SEEDED = new EnumMap<>(TestEngine.class);

    /** How a field is changed: to a nearby value, or (for a nullable field) to absent. */
    enum Change { EDITED, CLEARED }

    static Stream<Arguments> everyFieldOfEveryLayoutOnEveryEngine() {
        List<Arguments> cases = new ArrayList<>();
        for (TestEngine engine : TestEngine.values()) {
            for (Layout layout : LAYOUTS) {
                for (Field field : Field.ALL) {
                    cases.add(Arguments.of(engine, layout.name(), field, Change.EDITED));
                    if (field.nullable()) {
                        cases.add(Arguments.of(engine, layout.name(), field, Change.CLEARED));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {2} {3} in {1}")
    @MethodSource("everyFieldOfEveryLayoutOnEveryEngine")
    void oneChangedFieldOfOneUserInOneLayoutMakesThatLayoutsCheckFail(TestEngine engine, String layoutName, Field field,
                                                                       Change change) throws SQLException {
        ConnectionSpec spec = seeded(engine);
        Layout changed = Layouts.byName(layoutName);
        User user = GENERATOR.user(VICTIM);
        Dialect dialect = spec.dialect();
        try (Connection connection = spec.open()) {
            LayoutSql sql = dialect.sql(changed);
            assertThat(holds(connection, dialect)).as("before the change").allSatisfy((layout, holds) -> assertThat(holds).as(layout).isTrue());

            Object original = field.of(user);
            Object altered = change == Change.CLEARED ? null : nearby(field, original);
            set(connection, sql, field, user.uid(), original, altered);
            Map<String, Boolean> after = holds(connection, dialect);
            assertThat(after.get(layoutName)).as("%s with %s %s", layoutName, field, change).isFalse();
            LAYOUTS.stream().filter(l -> l != changed).forEach(l ->
                    assertThat(after.get(l.name())).as("the untouched layout %s", l.name()).isTrue());

            set(connection, sql, field, field == Field.UID ? (UUID) altered : user.uid(), altered, original);
            assertThat(holds(connection, dialect)).as("after undoing the change")
                    .allSatisfy((layout, holds) -> assertThat(holds).as(layout).isTrue());
        }
    }

    @AfterAll
    static void dropTheNamespaces() throws SQLException {
        for (TestEngine engine : SEEDED.keySet()) {
            if (engine != TestEngine.SQLITE) {
                TestServers.dropNamespace(engine, NAMESPACE);
            }
        }
    }

    private static synchronized ConnectionSpec seeded(TestEngine engine) throws SQLException {
        ConnectionSpec existing = SEEDED.get(engine);
        if (existing != null) {
            return existing;
        }
        ConnectionSpec spec = engine.connection().withNamespace(new Namespace(NAMESPACE, false));
        try (Connection connection = spec.open()) {
            for (Layout layout : LAYOUTS) {
                LayoutSql sql = spec.dialect().sql(layout);
                Seeder.recreate(connection, sql);
                new Seeder(10).load(connection, sql, GENERATOR, USERS, Progress.NONE);
            }
        }
        SEEDED.put(engine, spec);
        return spec;
    }

    /** Per layout: whether it holds exactly the seeded users. */
    private static Map<String, Boolean> holds(Connection connection, Dialect dialect) throws SQLException {
        Map<String, Boolean> holds = new java.util.LinkedHashMap<>();
        for (Layout layout : LAYOUTS) {
            holds.put(layout.name(), DataCheck.of(connection, dialect.sql(layout)).holds(USERS, EXPECTED));
        }
        return holds;
    }

    /** The smallest change the field's type allows that the user still could have made. */
    static Object nearby(Field field, Object value) {
        return switch (field.type()) {
            case UUID -> new UUID(((UUID) value).getMostSignificantBits(), ((UUID) value).getLeastSignificantBits() ^ 1);
            case BOOLEAN -> !(Boolean) value;
            case ROLE -> UserRole.values()[(((UserRole) value).ordinal() + 1) % UserRole.values().length];
            case TIMESTAMP -> ((Instant) value).plusSeconds(1);
            default -> lastCharacterChanged((String) value);
        };
    }

    private static String lastCharacterChanged(String value) {
        if (value == null || value.isEmpty()) {
            return "x";
        }
        char last = value.charAt(value.length() - 1);
        // a hex digit stays a hex digit, so the password hash keeps its form
        return value.substring(0, value.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    /** Sets one field of one user in one layout, in one transaction. */
    private static void set(Connection connection, LayoutSql sql, Field field, UUID uid, Object from, Object to)
            throws SQLException {
        Dialect dialect = sql.dialect();
        if (field == Field.UID) {
            rekey(connection, sql, (UUID) from, (UUID) to);
        } else {
            LayoutSql.Update update = sql.updateByUid(List.of(field)).get(0);
            try (PreparedStatement statement = connection.prepareStatement(update.sql())) {
                dialect.bind(statement, 1, field, to);
                dialect.bind(statement, 2, Field.UID, uid);
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
        }
        connection.commit();
    }

    /**
     * Gives a user a new uid in every table of the layout. Where other tables refer to the root's uid, the
     * root row is copied under the new uid (its unique email parked meanwhile), the others re-pointed, and
     * the old root row deleted, so no foreign key is broken on the way.
     */
    private static void rekey(Connection connection, LayoutSql sql, UUID from, UUID to) throws SQLException {
        Dialect dialect = sql.dialect();
        Layout layout = sql.layout();
        if (layout.singleTable()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE " + layout.root().name() + " SET uid = ? WHERE uid = ?")) {
                dialect.bind(statement, 1, Field.UID, to);
                dialect.bind(statement, 2, Field.UID, from);
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
            return;
        }
        TableDef root = layout.root();
        List<Field> columns = root.columns();
        Map<Field, Object> row = new EnumMap<>(Field.class);
        String listed = columns.stream().map(Field::column).collect(Collectors.joining(", "));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + listed + " FROM " + root.name() + " WHERE uid = ?")) {
            dialect.bind(select, 1, Field.UID, from);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), dialect.read(rows, i + 1, columns.get(i)));
                }
            }
        }
        try (PreparedStatement park = connection.prepareStatement(
                "UPDATE " + root.name() + " SET email = ? WHERE uid = ?")) {
            dialect.bind(park, 1, Field.EMAIL, "parked-" + row.get(Field.EMAIL));
            dialect.bind(park, 2, Field.UID, from);
            park.executeUpdate();
        }
        row.put(Field.UID, to);
        try (PreparedStatement insert = connection.prepareStatement(sql.insert(root))) {
            for (int i = 0; i < columns.size(); i++) {
                dialect.bind(insert, i + 1, columns.get(i), row.get(columns.get(i)));
            }
            insert.executeUpdate();
        }
        for (TableDef table : layout.tables().subList(1, layout.tables().size())) {
            try (PreparedStatement repoint = connection.prepareStatement(
                    "UPDATE " + table.name() + " SET uid = ? WHERE uid = ?")) {
                dialect.bind(repoint, 1, Field.UID, to);
                dialect.bind(repoint, 2, Field.UID, from);
                assertThat(repoint.executeUpdate()).isEqualTo(1);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + root.name() + " WHERE uid = ?")) {
            dialect.bind(delete, 1, Field.UID, from);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }
}
