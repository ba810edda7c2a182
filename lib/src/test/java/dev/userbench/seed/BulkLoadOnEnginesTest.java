package dev.userbench.seed;

import dev.userbench.schema.BulkLoader;
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
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("engine")
class BulkLoadOnEnginesTest {

    /** More than one COPY chunk and not a multiple of any batch size, so every boundary is crossed. */
    private static final int USERS = 10_321;

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void theEnginesFastPathWritesExactlyTheRowsThePlainBatchedPathWrites(TestEngine engine) throws SQLException {
        ConnectionSpec spec = engine.connection();
        UserGenerator generator = new UserGenerator(17);
        String expected = DataCheck.expected(generator, USERS);
        try (Connection connection = spec.open()) {
            for (Layout layout : List.of(Layouts.MONOLITH, Layouts.FRAGMENTED)) {
                LayoutSql sql = spec.dialect().sql(layout);

                Seeder.recreate(connection, sql);
                new Seeder(1000, 1).load(connection, sql, generator, USERS, Progress.NONE, BulkLoader.batchedInserts());
                DataCheck.Summary plain = DataCheck.of(connection, sql);

                Seeder.recreate(connection, sql);
                Seeder.Timing timing = new Seeder(613, 3).load(connection, sql, generator, USERS, Progress.NONE);
                DataCheck.Summary fast = DataCheck.of(connection, sql);

                assertThat(timing.users()).isEqualTo(USERS);
                assertThat(fast).as("%s on %s", layout.name(), engine).isEqualTo(plain);
                assertThat(fast.checksum()).isEqualTo(expected);
                assertThat(fast.consistent()).isTrue();
                assertThat(fast.rowsPerTable().values()).allMatch(rows -> rows == USERS);
                Seeder.drop(connection, sql);
            }
        }
    }

    @Test
    void aFailedLoadLeavesNoRowsBehind() throws SQLException {
        ConnectionSpec spec = TestEngine.POSTGRESQL.connection();
        UserGenerator generator = new UserGenerator(17);
        LayoutSql sql = spec.dialect().sql(Layouts.FRAGMENTED);
        try (Connection connection = spec.open()) {
            Seeder.recreate(connection, sql);
            new Seeder().load(connection, sql, generator, 100, Progress.NONE);
            // the same users again break the primary key: the whole second load must roll back
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> new Seeder().load(connection, sql, generator, 200, Progress.NONE))
                    .isInstanceOf(SQLException.class);
            assertThat(DataCheck.of(connection, sql).users()).isEqualTo(100);
            Seeder.drop(connection, sql);
        }
    }
}
