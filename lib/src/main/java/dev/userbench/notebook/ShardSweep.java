package dev.userbench.notebook;

import dev.userbench.bench.RunOptions;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.workload.WorkloadPlan;
import dev.userbench.cluster.Cluster;
import dev.userbench.cluster.ClusterResults;
import dev.userbench.cluster.ClusterUrl;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layouts;

import java.util.ArrayList;
import java.util.List;

/**
 * The sharded notebook's runs: for each shard count a local cluster is started, the plan's workloads run on every
 * sharded layout through its head as a named {@link Run} (so a later cell reads this run's figures or is told to run
 * this one), the shards each operation touched are counted, and the cluster is stopped and its files removed.
 */
public final class ShardSweep {

    private final Notebook nb;
    private final String engine;
    private final List<RunResult> results = new ArrayList<>();

    private ShardSweep(Notebook nb, String engine) {
        this.nb = nb;
        this.engine = engine;
    }

    /** A sweep on local clusters of {@code engine} ({@code postgres} or {@code mariadb}). */
    public static ShardSweep on(Notebook nb, String engine) {
        return new ShardSweep(nb, engine);
    }

    /** Runs the plan on a fresh cluster of {@code shards} shards and keeps the result, shards touched included. */
    public RunResult run(int shards, RunOptions options, WorkloadPlan plan) throws Exception {
        ClusterUrl url = new ClusterUrl(engine, shards);
        nb.markdown("Starting `" + url + "`: a head and " + shards + " shard" + (shards == 1 ? "" : "s") + " on this machine.");
        try (Cluster cluster = Cluster.start(url, List.of())) {
            RunOptions onHead = options.with(b -> {
                b.connection = ConnectionSpec.of(cluster.headUrl());
                b.layouts = Layouts.sharded();
            });
            Run run = nb.run("the " + shards + "-shard run", onHead, plan);
            RunResult result = ClusterResults.of(run.result(), cluster, onHead, plan);
            results.removeIf(r -> r.environment().cluster().shards() == shards);
            results.add(result);
            return result;
        }
    }

    /** Every shard count's result so far, in the order run. */
    public List<RunResult> results() {
        return List.copyOf(results);
    }
}
