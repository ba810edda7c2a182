package dev.userbench.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.seed.DataCheck;

import java.util.List;
import java.util.Optional;

/**
 * Everything a run found: its environment, the data check, the measurements, the comparisons with
 * the baseline layout, and the warm-ups (apart from the measurements). A failed run keeps what
 * it finished, with {@code status} {@code failed} and the phase and reason in {@code failure}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(String status, Failure failure, Environment environment, DataCheckResult dataCheck,
                        List<Measurement> measurements, List<Harness.ComparisonResult> comparisons,
                        List<Harness.Warmup> warmups, List<MemoryMeasurements.StorageEntry> footprint,
                        List<MemoryMeasurements.WorkingSetEntry> workingSet, MemoryMeasurements.Heap heap,
                        MemoryMeasurements.Sweep cacheSweep,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WorkloadCheck> workloadChecks,
                        List<Trial> trials) {

    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";

    /** Where a failed run stopped and why, in one sentence. */
    public record Failure(String phase, String reason) {
    }

    /**
     * Whether the layouts hold the same logical users. The first two layouts' figures are named as the
     * study's pair (monolith, fragmented); {@code layouts} has every layout's.
     */
    public record DataCheckResult(long monolithCount, long fragmentedCount, String monolithChecksum,
                                  String fragmentedChecksum, String expectedChecksum, boolean equal,
                                  List<DataCheck.Summary> layouts) {

        public static DataCheckResult of(List<DataCheck.Summary> summaries, String expected, long users) {
            DataCheck.Summary first = summaries.get(0);
            DataCheck.Summary second = summaries.size() > 1 ? summaries.get(1) : first;
            boolean equal = summaries.stream().allMatch(s -> s.holds(users, expected));
            return new DataCheckResult(first.users(), second.users(), first.checksum(), second.checksum(),
                    expected, equal, summaries);
        }
    }

    /**
     * The layouts' consistency after a writing workload (when the seed's checksum no longer applies):
     * every table has the same number of rows and every non-root row has its root row.
     */
    public record WorkloadCheck(String workload, long users, boolean consistent, List<DataCheck.Consistency> layouts) {
        public WorkloadCheck {
            layouts = List.copyOf(layouts);
        }

        public static WorkloadCheck of(String workload, long users, List<DataCheck.Consistency> layouts) {
            return new WorkloadCheck(workload, users, layouts.stream().allMatch(DataCheck.Consistency::consistent), layouts);
        }
    }

    public RunResult {
        measurements = List.copyOf(measurements);
        comparisons = List.copyOf(comparisons);
        warmups = List.copyOf(warmups);
        footprint = List.copyOf(footprint);
        workingSet = List.copyOf(workingSet);
        workloadChecks = workloadChecks == null ? List.of() : List.copyOf(workloadChecks);
        trials = trials == null ? List.of() : List.copyOf(trials);
    }

    /** A result whose measurements and comparisons are computed from its trials (all forks'), Holm-adjusted together. */
    public static RunResult of(String status, Failure failure, Environment environment, DataCheckResult dataCheck,
                               List<Trial> trials, Analysis.Settings analysis, List<Harness.Warmup> warmups,
                               List<MemoryMeasurements.StorageEntry> footprint,
                               List<MemoryMeasurements.WorkingSetEntry> workingSet, MemoryMeasurements.Heap heap,
                               MemoryMeasurements.Sweep cacheSweep, List<WorkloadCheck> workloadChecks) {
        return new RunResult(status, failure, environment, dataCheck, Analysis.measurements(trials),
                Analysis.comparisons(trials, analysis), warmups, footprint, workingSet, heap, cacheSweep,
                workloadChecks, trials);
    }

    /**
     * The results of a run's forks as one: every fork's trials (each marked with its fork) analysed together, every
     * fork's warm-ups and workload checks; the environment, storage, pages, heap and sweep of the first fork (the
     * same data and settings in each); the first data check that failed, else the first. {@code failure} null means
     * every fork completed.
     */
    public static RunResult merge(List<RunResult> forks, Analysis.Settings analysis, Failure failure) {
        RunResult first = forks.get(0);
        List<Trial> trials = new java.util.ArrayList<>();
        List<Harness.Warmup> warmups = new java.util.ArrayList<>();
        List<WorkloadCheck> checks = new java.util.ArrayList<>();
        DataCheckResult dataCheck = null;
        for (int i = 0; i < forks.size(); i++) {
            RunResult fork = forks.get(i);
            int number = i + 1;
            fork.trials().forEach(t -> trials.add(t.inFork(number)));
            fork.warmups().forEach(w -> warmups.add(new Harness.Warmup(number, w.layout(), w.operation(), w.variant(),
                    w.trials(), w.ops(), w.totalSeconds(), w.steady(), w.lastChange())));
            checks.addAll(fork.workloadChecks());
            if (dataCheck == null || (dataCheck.equal() && fork.dataCheck() != null && !fork.dataCheck().equal())) {
                dataCheck = fork.dataCheck();
            }
        }
        return of(failure == null ? COMPLETE : FAILED, failure, first.environment(), dataCheck, trials, analysis,
                warmups, first.footprint(), first.workingSet(), first.heap(), first.cacheSweep(), checks);
    }

    /** True when every data check after a writing workload held. */
    public boolean workloadChecksHold() {
        return workloadChecks.stream().allMatch(WorkloadCheck::consistent);
    }

    public Optional<Measurement> find(String layout, String operation, String variant) {
        return measurements.stream().filter(m -> m.layout().equals(layout) && m.operation().equals(operation)
                && m.variant().equals(variant)).findFirst();
    }

    /** The comparison of an operation on its primary statistic (throughput for a write, the median for a read), outside a cache sweep. */
    public Optional<Harness.ComparisonResult> comparison(String operation, String variant) {
        return comparisons.stream().filter(c -> c.operation().equals(operation) && c.variant().equals(variant)
                && c.cacheBytes() == null && c.statistic() != dev.userbench.bench.stats.Statistic.P99_LATENCY).findFirst();
    }

    public boolean complete() {
        return COMPLETE.equals(status);
    }
}
