package dev.userbench.bench.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run measures beyond one size: whether the study's insert and login benchmarks run, which
 * workloads run after them, the user counts swept (each size a full pass, in one results file), and
 * the load the workloads run under.
 *
 * @param study      run the study's benchmarks (insert seed/batched, data check, login seed/projected)
 * @param workloads  workload names from {@link Workloads#ALL}, in the order they run
 * @param userCounts the sizes, each at least 1, in the order they run
 */
public record WorkloadPlan(boolean study, List<String> workloads, List<Long> userCounts, WorkloadSettings settings) {

    /** The {@code --workloads} name of the study's own benchmarks. */
    public static final String STUDY = "study";
    /** The {@code --workloads} name of the study and every workload. */
    public static final String ALL = "all";

    public WorkloadPlan {
        workloads = List.copyOf(workloads);
        userCounts = List.copyOf(userCounts);
        if (userCounts.isEmpty()) {
            throw new IllegalArgumentException("--users names no size");
        }
        for (long users : userCounts) {
            if (users < 1) {
                throw new IllegalArgumentException("--users must be at least 1, got " + users);
            }
        }
        if (!study && workloads.isEmpty()) {
            throw new IllegalArgumentException("--workloads names nothing to run");
        }
        Workloads.names(workloads);
    }

    /** The run as it was before workloads: the study's benchmarks at one size. */
    public static WorkloadPlan studyOnly(long users, long seed) {
        return new WorkloadPlan(true, List.of(), List.of(users), WorkloadSettings.defaults(seed));
    }

    /**
     * Parses {@code --workloads}: comma-separated names among {@code study}, {@link Workloads#ALL} and
     * {@code all} (the study and every workload).
     */
    public static WorkloadPlan parse(String workloadsOption, List<Long> userCounts, WorkloadSettings settings) {
        boolean study = false;
        List<String> names = new ArrayList<>();
        for (String part : workloadsOption.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals(ALL)) {
                study = true;
                Workloads.ALL.stream().filter(n -> !names.contains(n)).forEach(names::add);
            } else if (name.equals(STUDY)) {
                study = true;
            } else if (!names.contains(name)) {
                names.addAll(Workloads.names(List.of(name)));
            }
        }
        return new WorkloadPlan(study, names, userCounts, settings);
    }

    public List<Workload> create() {
        return workloads.stream().map(name -> Workloads.create(name, settings)).toList();
    }

    /** The plan's options as they were used, for results.json. */
    public Map<String, Object> described() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("study", study);
        options.put("workloads", workloads);
        options.put("user_counts", userCounts);
        options.put("threads", settings.threads());
        options.put("ops_per_thread", settings.opsPerThread());
        options.put("distribution", settings.distribution().label());
        options.put("zipf_constant", settings.zipfConstant());
        options.put("mix", settings.mix().spec());
        return options;
    }
}
