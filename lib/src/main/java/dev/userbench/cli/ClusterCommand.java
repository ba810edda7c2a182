package dev.userbench.cli;

import dev.userbench.cluster.Cluster;
import dev.userbench.cluster.ClusterState;
import dev.userbench.cluster.ClusterUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code userbench cluster up|down|status}: a local sharded cluster that outlives one run (for a notebook, or several
 * runs), its state in {@code temp/cluster/running.json}. A run through the printed head URL counts shards touched as a
 * {@code cluster:} run does.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Starts (up), stops (down) or shows (status) a local sharded cluster that outlives one run: "
                + "a head and N shards of the machine's PostgreSQL (postgres_fdw) or MariaDB (Spider). "
                + "Runs go through the head's JDBC URL that up prints.")
public final class ClusterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "up|down|status", description = "What to do.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CLUSTER", defaultValue = "cluster:postgres?shards=2",
            description = "For up: cluster:postgres?shards=N or cluster:mariadb?shards=N (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--verbose", description = "Show the full error with its stack trace when something fails.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path temp = Main.home().resolve("temp");
        try {
            Optional<ClusterState> running = ClusterState.read(temp);
            switch (action) {
                case "up" -> {
                    if (running.isPresent() && running.get().running()) {
                        throw new UsageException("a cluster is already up (head " + running.get().headUrl()
                                + "): stop it first with userbench cluster down");
                    }
                    if (running.isPresent()) {
                        running.get().stop();
                    }
                    ClusterUrl cluster = ClusterUrl.parse(url);
                    out.println("Starting " + cluster + " ...");
                    ClusterState state;
                    try (Cluster started = Cluster.start(cluster, List.of())) {
                        state = started.detach();
                    }
                    state.write(temp);
                    out.println("Up: " + cluster + ", head " + state.headUrl());
                    out.println("Run through it: ./userbench run --jdbc-url '" + state.headUrl() + "' --layouts "
                            + "monolith@uid,fragmented@email --workloads login,profile_view");
                }
                case "down" -> {
                    if (running.isEmpty()) {
                        out.println("No cluster is up.");
                        return ExitCode.OK.code();
                    }
                    running.get().stop();
                    java.nio.file.Files.deleteIfExists(ClusterState.file(temp));
                    out.println("Stopped the " + running.get().engine() + " cluster and removed its files.");
                }
                case "status" -> {
                    if (running.isEmpty()) {
                        out.println("No cluster is up.");
                        return ExitCode.OK.code();
                    }
                    ClusterState state = running.get();
                    out.println((state.running() ? "Up: " : "Stopped (its servers are gone; userbench cluster down removes "
                            + "its files): ") + state.engine() + " with " + state.shards().size() + " shard"
                            + (state.shards().size() == 1 ? "" : "s") + ", head " + state.headUrl());
                    return state.running() ? ExitCode.OK.code() : ExitCode.RUN_FAILED.code();
                }
                default -> throw new UsageException("unknown action '" + action + "': use up, down or status");
            }
            return ExitCode.OK.code();
        } catch (Exception e) {
            Failure failure = Failure.of(e, (String) null);
            err.println("userbench: " + failure.message());
            if (verbose) {
                err.println(Failure.stackTrace(e, null));
            }
            return failure.exitCode().code();
        }
    }
}
