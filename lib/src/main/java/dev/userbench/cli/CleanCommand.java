package dev.userbench.cli;

import dev.userbench.cluster.ClusterState;
import dev.userbench.cluster.ClusterUrl;
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
                + "servers to its shards stay until userbench cluster down.")
public final class CleanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions = new ConnectionOptions();

    @Option(names = "--verbose", description = "Show the full error with its stack trace when something fails.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionSpec connection = null;
        try {
            String url = connectionOptions.url();
            if (ClusterUrl.isCluster(url)) {
                // a cluster a run started is gone with its files when the run ends: only one left up can hold anything
                ClusterUrl cluster = ClusterUrl.parse(url);
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
