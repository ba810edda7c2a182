package dev.userbench.bench;

import dev.userbench.seed.Progress;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryInRunTest {

    private static RunOptions small(TestEngine engine) {
        return RunOptions.defaults(engine.connection()).withUsers(300).withLogins(50).withTrials(2).withWarmup(10, 0);
    }

    @Tag("engine")
    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aRunReportsStoragePerTableAndIndexPagesPerLoginAndHeapPerRow(TestEngine engine) {
        RunResult result = new BenchmarkRun(small(engine), Progress.NONE).execute();

        assertThat(result.footprint()).extracting(MemoryMeasurements.StorageEntry::object)
                .contains("user_monolith", "user_auth", "user_profile", "ix_user_monolith_email", "ix_user_auth_email");
        assertThat(result.footprint()).filteredOn(e -> e.layout().equals("monolith"))
                .allSatisfy(e -> assertThat(e.users()).isEqualTo(300)).extracting(MemoryMeasurements.StorageEntry::bytes)
                .allSatisfy(bytes -> assertThat(bytes).isPositive());
        assertThat(result.workingSet()).extracting(w -> w.layout() + " " + w.workload()).containsExactlyInAnyOrder(
                "monolith login/seed", "fragmented login/seed", "monolith login/projected", "fragmented login/projected");
        assertThat(result.workingSet()).allSatisfy(w -> assertThat(w.operations()).isEqualTo(50));
        assertThat(result.heap().monolithRowBytes()).isGreaterThan(result.heap().authRowBytes());
    }

    @Test
    void aCacheSweepMeasuresLoginAndItsPagesAtEachCacheSize() {
        RunOptions options = small(TestEngine.SQLITE).withCacheSweep(List.of(0.25, 1.0));
        RunResult result = new BenchmarkRun(options, Progress.NONE).execute();

        assertThat(result.cacheSweep().adjustable()).isTrue();
        assertThat(result.cacheSweep().cacheBytes()).hasSize(2);
        assertThat(result.measurements()).filteredOn(m -> m.cacheBytes() != null).hasSize(4)
                .allSatisfy(m -> assertThat(m.variant()).isEqualTo("projected"));
        assertThat(result.comparisons()).filteredOn(c -> c.cacheBytes() != null).hasSize(2);
        assertThat(result.workingSet()).filteredOn(w -> w.cacheBytes() != null).hasSize(4);
    }
}
