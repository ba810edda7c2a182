package dev.userbench.seed;

import dev.userbench.bench.LoginSample;
import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("engine")
class SeedAndLoginOnEnginesTest {

    private static final int USERS = 1_000;

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void bothLayoutsHoldTheSameUsersAndEverySampledLoginFindsItsUser(TestEngine engine) throws SQLException {
        seedCheckAndLogIn(engine.connection());
    }

    @Test
    void theMariadbDriverSeesTheSameUsersAsTheMysqlDriver() throws SQLException {
        seedCheckAndLogIn(ConnectionSpec.of(TestEngine.mariadbDriverUrl()));
    }

    private static void seedCheckAndLogIn(ConnectionSpec spec) throws SQLException {
        UserGenerator generator = new UserGenerator(11);
        List<Layout> layouts = List.of(Layouts.MONOLITH, Layouts.FRAGMENTED);
        try (Connection connection = spec.open()) {
            List<DataCheck.Summary> summaries = new ArrayList<>();
            for (Layout layout : layouts) {
                LayoutSql sql = spec.dialect().sql(layout);
                Seeder.recreate(connection, sql);
                new Seeder(128).load(connection, sql, generator, USERS, Progress.NONE);
                summaries.add(DataCheck.of(connection, sql));
            }
            String expected = DataCheck.expected(generator, USERS);
            assertThat(summaries).allSatisfy(s -> {
                assertThat(s.users()).isEqualTo(USERS);
                assertThat(s.consistent()).isTrue();
                assertThat(s.checksum()).isEqualTo(expected);
            });

            Map<String, User> byEmail = new HashMap<>();
            generator.iterator(USERS).forEachRemaining(u -> byEmail.put(u.email(), u));
            List<String> sample = LoginSample.emails(generator, USERS, 200, 5);
            for (Layout layout : layouts) {
                LayoutSql sql = spec.dialect().sql(layout);
                LayoutSql.Select login = sql.loginProjected();
                try (PreparedStatement statement = connection.prepareStatement(login.sql())) {
                    for (String email : sample) {
                        statement.setString(1, email);
                        try (ResultSet row = statement.executeQuery()) {
                            assertThat(row.next()).as("login of %s on %s", email, layout.name()).isTrue();
                            User expectedUser = byEmail.get(email);
                            for (int i = 0; i < login.fields().size(); i++) {
                                Field field = login.fields().get(i);
                                assertThat(spec.dialect().read(row, i + 1, field)).isEqualTo(field.of(expectedUser));
                            }
                        }
                    }
                }
                connection.commit();
            }
            for (Layout layout : layouts) {
                Seeder.drop(connection, spec.dialect().sql(layout));
            }
            assertThat(dev.userbench.schema.LayoutsOnEnginesTest.tables(connection, spec))
                    .doesNotContain("user_monolith", "user_auth", "user_profile");
        }
    }
}
