package dev.userbench.cluster;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.RunOptions;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.Session;
import dev.userbench.bench.workload.Workload;
import dev.userbench.bench.workload.WorkloadPlan;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.seed.Progress;
import dev.userbench.seed.UserGenerator;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run through a cluster's head adds to its results: the cluster in the environment (engine, shards, versions,
 * settings, each layout's shard key and how many emails it holds twice across shards), and on every measurement of a
 * workload the mean number of shards one operation touched, counted by the shards in an untimed pass on the seeded
 * tables after the timed trials.
 */
public final class ClusterResults {

    /** Operations per layout and workload in the counting pass: enough for a mean, cheap next to the trials. */
    public static final long COUNTED_CALLS = 200;

    private ClusterResults() {
    }

    public static RunResult of(RunResult result, Cluster cluster, RunOptions options, WorkloadPlan plan)
            throws SQLException {
        Map<String, LayoutSql> layouts = new LinkedHashMap<>();
        for (Layout layout : options.layouts()) {
            layouts.putIfAbsent(layout.name(), options.connection().dialect().sql(layout));
        }
        Map<String, Double> touched = new HashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Long> duplicates = new LinkedHashMap<>();
        long users = plan.userCounts().get(plan.userCounts().size() - 1);
        try (Session session = new Session(options.connection()); ShardActivity activity = cluster.activity()) {
            BenchContext context = new BenchContext(session, new UserGenerator(options.seed(), options.bioChars()), users,
                    options.batchSize(), List.of(), Progress.NONE);
            for (LayoutSql sql : layouts.values()) {
                String name = sql.layout().name();
                keys.put(name, sql.layout().sharded() ? sql.layout().sharding().label() : "none");
                duplicates.put(name, ShardedDataCheck.duplicateEmails(session.connection(), sql));
                for (Workload workload : plan.create()) {
                    if (workload.mutates()) {
                        // the trials and the pages pass signed users up already: count from the seeded state again
                        workload.prepare(context, sql);
                    }
                    long calls = Math.min(COUNTED_CALLS, Math.max(1, workload.calls(context)));
                    touched.put(name + "\n" + workload.operation(),
                            ShardsTouched.count(context, workload, sql, activity, calls).perOperation());
                }
            }
        }
        List<Measurement> measurements = result.measurements().stream().map(m -> {
            String layout = m.layout().contains("#") ? m.layout().substring(0, m.layout().indexOf('#')) : m.layout();
            Double shards = touched.get(layout + "\n" + m.operation());
            return shards == null ? m : m.withShardsTouched(shards);
        }).toList();
        ClusterInfo info = cluster.describe().withShardKeys(keys).withDuplicateEmails(duplicates);
        return new RunResult(result.status(), result.failure(), result.environment().withCluster(info),
                result.dataCheck(), measurements, result.comparisons(), result.warmups(), result.footprint(),
                result.workingSet(), result.heap(), result.cacheSweep(), result.workloadChecks(), result.trials());
    }
}
