package dev.userbench.cli;

import dev.userbench.cluster.Cluster;
import dev.userbench.cluster.ClusterState;
import dev.userbench.cluster.ClusterUrl;
import dev.userbench.cluster.ShardEndpoint;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.schema.Namespace;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.NamespaceCleaner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code userbench clean}: removes what the tool created, and nothing else. */
@Command(name = "clean", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Drops the tool's tables (user_monolith, user_auth, user_profile, the other layouts' tables, "
                + "the adv_ tables advise listed in userbench_created and left behind, and the userbench_marker table) "
                + "from its database, schema or SQLite file, then the database, schema or "
                + "file itself if the tool created it and nothing else is left in it. A namespace without the marker "
                + "is left untouched. On a cluster's head (its JDBC URL, or cluster:postgres / cluster:mariadb for the "
                + "one userbench cluster up left running) also the sharded layouts' tables on every shard; the head's "
                + "servers to its shards stay until userbench cluster down. With cluster:ENGINE and --shard-url, the "
                + "sharded layouts' tables on those shards.")
public final class CleanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions = new ConnectionOptions();

    @Option(names = "--shard-url", paramLabel = "URL",
            description = "With --jdbc-url cluster:postgres or cluster:mariadb: a server a run used as a shard (repeatable, "
                    + "as given to run); the sharded layouts' tables are dropped from the --schema there, through a "
                    + "head started for the purpose.")
    java.util.List<String> shardUrls = new java.util.ArrayList<>();

    @Option(names = "--verbose", description = "Show the full error with its stack trace when something fails.")
    boolean verbose;

    /**
     * The shards a {@code --shard-url} run left its tables on: a head started for the purpose reaches them, drops the
     * sharded layouts' tables (only those names, in the --schema) on every one, and is stopped and removed. The shards'
     * schema or database is kept: the tool cannot tell whether it created it there.
     */
    private int cleanShards(ClusterUrl url, PrintWriter out) throws Exception {
        java.util.List<ShardEndpoint> shards = shardUrls.stream()
                .map(u -> ShardEndpoint.parse(u, connectionOptions.user, connectionOptions.password())).toList();
        String schema = connectionOptions.schema == null ? Namespace.DEFAULT_NAME : connectionOptions.schema;
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Cluster cluster = Cluster.start(url.withShards(shards.size()), shards)) {
            ConnectionSpec head = new ConnectionSpec(cluster.headUrl(), null, null)
                    .withNamespace(new Namespace(schema, false));
            try (java.sql.Connection connection = head.open()) {
                for (Layout layout : Layouts.sharded()) {
                    LayoutSql sql = head.dialect().sql(layout);
                    head.dialect().shardedTables().drop(connection, sql);
                    sql.writtenTables().forEach(table -> tables.add(table.name()));
                }
            }
        }
        out.println("Dropped " + String.join(", ", tables) + " (where present) from " + schema + " on " + shards.size()
                + " shard" + (shards.size() == 1 ? "" : "s") + " " + shards + "; kept " + schema
                + " itself there, whatever else it holds.");
        return ExitCode.OK.code();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionSpec connection = null;
        try {
            String url = connectionOptions.url();
            if (!shardUrls.isEmpty() && !ClusterUrl.isCluster(url)) {
                throw new UsageException("--shard-url goes with --jdbc-url cluster:postgres or cluster:mariadb, the "
                        + "engine of the shards to clean");
            }
            if (ClusterUrl.isCluster(url)) {
                // a cluster a run started is gone with its files when the run ends: only one left up can hold anything
                ClusterUrl cluster = ClusterUrl.parse(url);
                if (!shardUrls.isEmpty()) {
                    return cleanShards(cluster, out);
                }
                Optional<ClusterState> up = ClusterState.read(Main.home().resolve("temp"))
                        .filter(state -> state.engine().equals(cluster.engine()) && state.running());
                if (up.isEmpty()) {
                    out.println("Nothing to clean: no " + cluster.engine() + " cluster is up (a run's own cluster is "
                            + "removed with its files when the run ends).");
                    return ExitCode.OK.code();
                }
                url = up.get().headUrl();
            }
            connection = connectionOptions.spec(url, false);
            String where = connection.namespace().describe(connection.dialect()) + " on " + connection.maskedUrl();
            NamespaceCleaner.Outcome outcome = NamespaceCleaner.clean(connection);
            if (!outcome.namespaceFound()) {
                out.println("Nothing to clean: there is no " + where + ".");
                return ExitCode.OK.code();
            }
            out.println("Dropped " + String.join(", ", outcome.droppedTables()) + " from " + where + ".");
            if (outcome.droppedNamespace()) {
                out.println("Removed " + connection.namespace().describe(connection.dialect())
                        + " itself: the tool had created it and nothing else was in it.");
            } else if (!outcome.leftOver().isEmpty()) {
                out.println("Kept it: it also holds " + String.join(", ", outcome.leftOver()) + ", which are not the tool's.");
            } else {
                out.println("Kept it: the tool adopted it rather than creating it.");
            }
            return ExitCode.OK.code();
        } catch (Exception | Error e) {
            Failure failure = Failure.of(e, connection);
            err.println("userbench: " + failure.message());
            if (verbose) {
                err.println(Failure.stackTrace(e, connection));
            }
            return failure.exitCode().code();
        }
    }
}
