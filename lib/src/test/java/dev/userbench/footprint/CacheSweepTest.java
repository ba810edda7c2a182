package dev.userbench.footprint;

import dev.userbench.schema.ConnectionSpec;
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

    private static final long PAGE = 4096;

    @Test
    void eachDistinctSqliteCacheSizeIsMeasuredOnceAtTheSizeReadBackAndTheOriginalIsRestored() throws Exception {
        try (Connection connection = TestEngine.SQLITE.connection().open()) {
            long original = new SqliteCacheSize(connection).currentBytes();

            // 10 and 20 pages, then 20.5 pages, which SQLite's whole pages round onto 20 again
            CacheSweep.Result<Long> result = CacheSweep.run(new SqliteCacheSize(connection),
                    List.of(10 * PAGE, 20 * PAGE, 20 * PAGE + PAGE / 2),
                    (cacheBytes, on) -> new SqliteCacheSize(on).currentBytes());

            assertThat(result.status()).isEqualTo(CacheSweep.SWEPT);
            assertThat(result.points()).extracting(CacheSweep.Point::cacheBytes).containsExactly(10 * PAGE, 20 * PAGE);
            assertThat(result.points()).allSatisfy(p -> assertThat(p.result()).isEqualTo(p.cacheBytes()));
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.requestedBytes()).isEqualTo(20 * PAGE + PAGE / 2);
                assertThat(s.cacheBytes()).isEqualTo(20 * PAGE);
                assertThat(s.reason()).contains("already measured");
            });
            assertThat(new SqliteCacheSize(connection).currentBytes()).isEqualTo(original);
        }
    }

    @Test
    void theSqliteCacheSizeIsRestoredWhenTheMeasurementThrows() throws Exception {
        try (Connection connection = TestEngine.SQLITE.connection().open()) {
            long original = new SqliteCacheSize(connection).currentBytes();

            assertThatThrownBy(() -> CacheSweep.run(new SqliteCacheSize(connection), List.of(32 * PAGE),
                    (cacheBytes, on) -> {
                        throw new SQLException("the measurement failed");
                    })).hasMessage("the measurement failed");

            assertThat(new SqliteCacheSize(connection).currentBytes()).isEqualTo(original);
        }
    }

    @Test
    void aPostgresqlServerNotStartedByTheToolHasAFixedCacheAndNothingIsMeasuredUnderIt() throws Exception {
        ConnectionSpec spec = TestEngine.POSTGRESQL.connection();
        try (Connection connection = spec.open()) {
            CacheControl control = CacheControl.forSession(spec, connection);
            long fixed = control.currentBytes();

            CacheSweep.Result<String> result = CacheSweep.run(control, List.of(1L << 20, 1L << 30),
                    (cacheBytes, on) -> {
                        throw new AssertionError("nothing is measured under a fixed cache");
                    });

            assertThat(fixed).isPositive();
            assertThat(result.status()).isEqualTo(CacheSweep.FIXED);
            assertThat(result.setting()).isEqualTo("shared_buffers");
            assertThat(result.points()).isEmpty();
            assertThat(result.skipped()).hasSize(2).allSatisfy(s -> {
                assertThat(s.cacheBytes()).isEqualTo(fixed);
                assertThat(s.reason()).contains("fixed");
            });
        }
    }
}
