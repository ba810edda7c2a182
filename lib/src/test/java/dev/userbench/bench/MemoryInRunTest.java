package dev.userbench.bench;

import dev.userbench.bench.workload.WorkloadPlan;
import dev.userbench.bench.workload.WorkloadSettings;
import dev.userbench.bench.workload.Workloads;
import dev.userbench.report.Findings;
import dev.userbench.seed.Progress;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryInRunTest {

    private static RunOptions small(TestEngine engine) {
        return RunOptions.defaults(engine.connection()).withUsers(300).withLogins(50).withTrials(2).withWarmup(1, 1);
    }

    @Tag("engine")
    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aRunReportsStoragePerTableAndIndexPagesPerLoginAndHeapPerFetchedRow(TestEngine engine) {
        RunResult result = new BenchmarkRun(small(engine), Progress.NONE).execute();

        assertThat(result.footprint()).extracting(MemoryMeasurements.StorageEntry::object)
                .contains("user_monolith", "user_auth", "user_profile", "ix_user_monolith_email", "ix_user_auth_email");
        assertThat(result.footprint()).filteredOn(e -> e.layout().equals("monolith"))
                .allSatisfy(e -> assertThat(e.users()).isEqualTo(300)).extracting(MemoryMeasurements.StorageEntry::bytes)
                .allSatisfy(bytes -> assertThat(bytes).isPositive());
        assertThat(result.workingSet()).extracting(w -> w.layout() + " " + w.workload()).containsExactlyInAnyOrder(
                "monolith login/seed", "fragmented login/seed", "monolith login/projected", "fragmented login/projected");
        assertThat(result.workingSet()).allSatisfy(w -> assertThat(w.ops()).isEqualTo(50));
        assertThat(result.heap().rows()).extracting(h -> h.layout() + " " + h.query()).containsExactly(
                "monolith login/seed", "monolith login/projected", "monolith profile_view",
                "fragmented login/seed", "fragmented login/projected", "fragmented profile_view");
        // the monolith's login fetches the whole row, the split's only the auth row
        assertThat(result.heap().monolithRowBytes()).isGreaterThan(result.heap().authRowBytes());
    }

    @Tag("engine")
    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void everyWorkloadGetsItsPagesPerCallOnEveryLayout(TestEngine engine) {
        WorkloadPlan plan = WorkloadPlan.parse(String.join(",", Workloads.ALL), List.of(300L),
                WorkloadSettings.defaults(42).withOpsPerThread(40));
        RunResult result = new BenchmarkRun(small(engine).withTrials(1), plan, Progress.NONE, Harness.Listener.NONE,
                null).execute();

        List<String> expected = Workloads.ALL.stream()
                .flatMap(w -> List.of("monolith " + w, "fragmented " + w).stream()).toList();
        assertThat(result.workingSet()).extracting(w -> w.layout() + " " + w.workload())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.workingSet()).allSatisfy(w -> {
            assertThat(w.ops()).isEqualTo(40);
            assertThat(w.cacheBytes()).isNull();
        });
        if (engine != TestEngine.SQLITE) {
            // a server counts every page a call touches (SQLite only the misses, none with everything cached)
            assertThat(result.workingSet()).filteredOn(w -> w.pagesHit() != null)
                    .allSatisfy(w -> assertThat(w.pagesTouched()).isPositive());
        }
        assertThat(result.workloadChecksHold()).isTrue();
    }

    @Test
    void aSqliteSweepMeasuresEachDistinctSizeWithItsTrialsAndReportsTheSizeThatRoundsOntoAnother() {
        // at 300 users the monolith is a few hundred KiB; 0.25 and 0.2500001 of it are the same whole pages
        RunOptions options = small(TestEngine.SQLITE).withCacheSweep(List.of(0.25, 0.2500001, 1.0));
        RunResult result = new BenchmarkRun(options, Progress.NONE).execute();

        MemoryMeasurements.Sweep sweep = result.cacheSweep();
        assertThat(sweep.status()).isEqualTo("swept");
        assertThat(sweep.cacheBytes()).hasSize(2).doesNotHaveDuplicates();
        assertThat(sweep.skipped()).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("already measured"));
        assertThat(result.measurements()).filteredOn(m -> m.cacheBytes() != null).hasSize(4)
                .allSatisfy(m -> {
                    assertThat(m.variant()).isEqualTo("projected");
                    assertThat(m.trials()).isEqualTo(2);
                });
        assertThat(result.comparisons()).filteredOn(c -> c.cacheBytes() != null).hasSize(2);
        assertThat(result.workingSet()).filteredOn(w -> w.cacheBytes() != null).hasSize(4);
    }

    @Tag("engine")
    @Test
    void aMariadbSweepAtThreeHundredUsersMeasuresOnlyDistinctSizesAndNamesTheOthers() {
        // at 300 users every fraction asks for less than the server's minimum: on a shared server that shrinks the
        // pool of everyone else to it, and a big transaction of another client can then run out of lock space
        // ("The total number of locks exceeds the lock table size"), so this runs on the embedded server only
        Assumptions.assumeFalse(TestEngine.MARIADB.external(), "shrinks a shared server's buffer pool to its minimum");
        List<Double> fractions = List.of(0.1, 0.5, 1.0);
        RunResult result = new BenchmarkRun(small(TestEngine.MARIADB).withCacheSweep(fractions), Progress.NONE).execute();

        MemoryMeasurements.Sweep sweep = result.cacheSweep();
        assertThat(sweep.cacheBytes()).doesNotHaveDuplicates();
        assertThat(sweep.cacheBytes().size() + sweep.skipped().size()).isEqualTo(fractions.size());
        assertThat(result.measurements()).filteredOn(m -> m.cacheBytes() != null).hasSize(2 * sweep.cacheBytes().size());
    }

    @Tag("engine")
    @Test
    void onAPostgresqlServerTheToolDidNotStartTheSweepIsFixedAndTheVerdictSaysNotMeasured() {
        RunResult result = new BenchmarkRun(small(TestEngine.POSTGRESQL).withCacheSweep(List.of(0.25, 1.0)),
                Progress.NONE).execute();

        assertThat(result.cacheSweep().status()).isEqualTo("fixed");
        assertThat(result.cacheSweep().cacheBytes()).isEmpty();
        assertThat(result.measurements()).noneMatch(m -> m.cacheBytes() != null);
        assertThat(Findings.memoryVerdict(result)).contains("not measured here:** the cache is fixed at",
                "the data is");
    }
}
