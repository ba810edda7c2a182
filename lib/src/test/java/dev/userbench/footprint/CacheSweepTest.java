package dev.userbench.footprint;

import dev.userbench.schema.Layouts;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("engine")
class CacheSweepTest {

    @Test
    void everyLayoutIsMeasuredAtEverySqliteCacheSizeWhichIsThenRestored() throws Exception {
        try (Connection connection = TestEngine.SQLITE.connection().open()) {
            SqliteCacheSize control = new SqliteCacheSize(connection);
            long original = control.currentBytes();

            List<CacheSweep.Point<Long>> points = CacheSweep.run(control, List.of(Layouts.MONOLITH, Layouts.FRAGMENTED),
                    List.of(256L * 1024, 1024L * 1024), (layout, cacheBytes, on) -> new SqliteCacheSize(on).currentBytes());

            assertThat(points).extracting(CacheSweep.Point::layout)
                    .containsExactly("monolith", "fragmented", "monolith", "fragmented");
            assertThat(points).allSatisfy(p -> assertThat(p.result()).isEqualTo(p.cacheBytes()));
            assertThat(points).extracting(CacheSweep.Point::cacheBytes).containsExactly(
                    256L * 1024, 256L * 1024, 1024L * 1024, 1024L * 1024);
            assertThat(new SqliteCacheSize(connection).currentBytes()).isEqualTo(original);
        }
    }

    @Test
    void theSqliteCacheSizeIsRestoredWhenTheMeasurementThrows() throws Exception {
        try (Connection connection = TestEngine.SQLITE.connection().open()) {
            long original = new SqliteCacheSize(connection).currentBytes();

            assertThatThrownBy(() -> CacheSweep.run(new SqliteCacheSize(connection), List.of(Layouts.MONOLITH),
                    List.of(128L * 1024), (layout, cacheBytes, on) -> {
                        throw new SQLException("the measurement failed");
                    })).hasMessage("the measurement failed");

            assertThat(new SqliteCacheSize(connection).currentBytes()).isEqualTo(original);
        }
    }

    @Test
    void onAPostgresqlServerNotStartedByTheToolSharedBuffersIsReportedAsFixed() throws Exception {
        try (Connection connection = TestEngine.POSTGRESQL.connection().open()) {
            CacheControl control = CacheControl.forConnection(connection, TestEngine.POSTGRESQL.connection().dialect());
            long fixed = control.currentBytes();

            List<CacheSweep.Point<String>> points = CacheSweep.run(control, List.of(Layouts.MONOLITH),
                    List.of(1L << 20, 1L << 30), (layout, cacheBytes, on) -> layout.name());

            assertThat(fixed).isPositive();
            assertThat(points).allSatisfy(p -> {
                assertThat(p.adjustable()).isFalse();
                assertThat(p.cacheBytes()).isEqualTo(fixed);
                assertThat(p.setting()).isEqualTo("shared_buffers");
            });
        }
    }
}
