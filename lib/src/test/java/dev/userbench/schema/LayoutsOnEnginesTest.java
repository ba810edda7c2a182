package dev.userbench.schema;

import dev.userbench.seed.Seeder;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("engine")
public class LayoutsOnEnginesTest {

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void theDdlCreatesEveryTableOfEveryLayout(TestEngine engine) throws SQLException {
        ConnectionSpec spec = engine.connection();
        try (Connection connection = spec.open()) {
            for (Layout layout : Layouts.all()) {
                LayoutSql sql = spec.dialect().sql(layout);
                Seeder.recreate(connection, sql);
                assertThat(tables(connection, spec)).containsAll(layout.tableNames());
                Seeder.drop(connection, sql);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void droppingAndRecreatingLeavesEmptyTablesAndNothingElse(TestEngine engine) throws SQLException {
        ConnectionSpec spec = engine.connection();
        try (Connection connection = spec.open()) {
            LayoutSql sql = spec.dialect().sql(Layouts.FRAGMENTED);
            Seeder.recreate(connection, sql);
            new Seeder().load(connection, sql, new dev.userbench.seed.UserGenerator(1), 10, dev.userbench.seed.Progress.NONE);
            Seeder.recreate(connection, sql);
            assertThat(count(connection, "user_auth")).isZero();
            assertThat(count(connection, "user_profile")).isZero();
            Seeder.drop(connection, sql);
            assertThat(tables(connection, spec)).doesNotContain("user_auth", "user_profile");
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The tables in the spec's namespace (mysql-connector-j's getCatalog() does not follow USE, so not metadata). */
    public static List<String> tables(Connection connection, ConnectionSpec spec) throws SQLException {
        List<String> names = new ArrayList<>();
        for (String name : spec.dialect().objectsIn(connection, spec.namespace().name())) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
