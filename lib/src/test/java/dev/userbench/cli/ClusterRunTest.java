package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userbench.cluster.Cluster;
import dev.userbench.cluster.LocalMariadbCluster;
import dev.userbench.cluster.LocalPostgresCluster;
import dev.userbench.cluster.ShardEndpoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --jdbc-url cluster:postgres} as a user runs it: the sharded layouts through the head, shards touched in
 * results.json, the cluster in the environment, nothing left in the temp dir; and a shard lost mid-run ends the run
 * naming the phase, with what was finished kept.
 */
@Tag("cluster")
@org.junit.jupiter.api.condition.EnabledIf("dev.userbench.cluster.ClusterPackages#both")
class ClusterRunTest {

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void aClusterRunWritesShardsTouchedAndTheClusterAndLeavesNoClusterBehind(String engine) throws Exception {
        Set<Path> before = clusterFolders();

        Userbench.Outcome run = Userbench.run("run", "--jdbc-url", "cluster:" + engine + "?shards=2", "--schema", "sharded_cli_t",
                "--layouts", "monolith@uid,fragmented@email", "--workloads", "login", "--users", "200", "--ops", "40",
                "--trials", "2", "--forks", "1", "--warmup", "0", "--warmup-max", "0", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.console()).isZero();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(results.at("/environment/cluster/shards").asInt()).isEqualTo(2);
        assertThat(results.at("/environment/cluster/shard_versions")).hasSize(2);
        assertThat(results.at("/environment/cluster/shard_keys/monolith@uid").asText()).isEqualTo("uid");
        assertThat(results.at("/environment/cluster/duplicate_emails/fragmented@email").asLong()).isZero();
        for (JsonNode measurement : results.get("measurements")) {
            double expected = measurement.get("layout").asText().equals("monolith@uid") ? 2.0 : 1.0;
            assertThat(measurement.get("shards_touched").asDouble()).as(measurement.toString()).isEqualTo(expected);
        }
        // no new folder left; another build's cluster that stopped meanwhile may have taken its own away
        assertThat(clusterFolders()).isSubsetOf(before);
    }

    @Test
    void aShardSweepWritesOneTableOfLatencyAndShardsTouchedByShardCount() throws Exception {
        Userbench.Outcome run = Userbench.run("run", "--jdbc-url", "cluster:postgres", "--shards", "1,2", "--schema",
                "sharded_sweep_t", "--layouts", "monolith@uid,monolith@uid+email_lookup", "--workloads", "login",
                "--users", "100", "--ops", "20", "--trials", "2", "--forks", "1", "--warmup", "0", "--warmup-max", "0",
                "--out", dir.toString());

        assertThat(run.exitCode()).as(run.console()).isZero();
        assertThat(run.out()).contains("Latency by shard count");
        List<String> lines = Files.readAllLines(dir.resolve(RunCommand.SHARD_SWEEP_FILE));
        assertThat(lines.get(0)).isEqualTo("operation,layout,shards,shards_touched,p50_us,mean_us,ratio,ci_low,ci_high,verdict");
        assertThat(lines.subList(1, lines.size())).hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("login,monolith@uid,1,1.0,"))
                .anySatisfy(l -> assertThat(l).startsWith("login,monolith@uid,2,2.0,"))
                .anySatisfy(l -> assertThat(l).startsWith("login,monolith@uid+email_lookup,1,1.0,").contains("vs monolith@uid"));
        // two statements, each on one shard: the lookup's and the user's, the same shard for about half the users
        String lookupAtTwo = lines.stream().filter(l -> l.startsWith("login,monolith@uid+email_lookup,2,")).findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(lookupAtTwo.split(",")[3])).isGreaterThan(1.0).isLessThan(2.0);
        assertThat(dir.resolve("shards-1/results.json")).exists();
        JsonNode atTwo = new ObjectMapper().readTree(dir.resolve("shards-2/results.json").toFile());
        for (JsonNode measurement : atTwo.get("measurements")) {
            // counted at the driver: the lookup layout's login is the uid by email, then the row by uid
            double statements = measurement.get("layout").asText().equals("monolith@uid+email_lookup") ? 2.0 : 1.0;
            assertThat(measurement.get("statements_per_op").asDouble()).as(measurement.toString()).isEqualTo(statements);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void aShardKilledMidRunEndsTheRunNamingThePhaseAndTheLostShardAndKeepsWhatWasFinished(String engine) throws Exception {
        boolean postgres = engine.equals("postgres");
        try (Cluster shards = postgres ? LocalPostgresCluster.start(2, List.of())
                : LocalMariadbCluster.start(2, List.of(), Main.home().resolve("temp/cluster"))) {
            String scheme = postgres ? "jdbc:postgresql://" : "jdbc:mariadb://";
            String user = postgres ? "postgres" : "root";
            List<String> shardUrls = shards.shards().stream().flatMap(s -> Stream.of("--shard-url",
                    scheme + s.host() + ":" + s.port() + "/" + s.database() + "?user=" + user)).toList();
            Set<Path> before = clusterFolders();
            CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> killWhenMeasuring(shards, postgres));

            Userbench.Outcome run = Userbench.run(Userbench.args(List.of("run", "--jdbc-url", "cluster:" + engine,
                    "--schema", "sharded_kill_t", "--layouts", "monolith@uid", "--workloads", "login,profile_view",
                    "--users", "300", "--ops", "2000", "--trials", "4", "--forks", "1", "--warmup", "0",
                    "--warmup-max", "0", "--out", dir.toString()), shardUrls.toArray(String[]::new)));
            killer.get(60, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.console()).isIn(ExitCode.CONNECTION.code(), ExitCode.RUN_FAILED.code());
            assertThat(run.err()).containsPattern("during (login|profile_view)/workload trial \\d of 4 on monolith@uid")
                    .contains("status failed");
            // the head's error names the head; the sentence names the shard that went away, with its port
            ShardEndpoint killed = shards.shards().get(0);
            assertThat(run.err()).contains("shard 1 (" + killed.host() + ":" + killed.port() + ") of 2 went away")
                    .doesNotContain("was lost");
            JsonNode partial = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
            assertThat(partial.get("status").asText()).isEqualTo("failed");
            assertThat(partial.at("/failure/phase").asText())
                    .containsPattern("(login|profile_view)/workload trial \\d of 4 on monolith@uid");
            assertThat(partial.at("/data_check/equal").asBoolean()).isTrue();
            assertThat(clusterFolders()).isSubsetOf(before);
        }
    }

    /**
     * Waits until shard 1 has answered logins, then stops it as a crash would: on PostgreSQL its email index was scanned
     * (seeding does not), on MariaDB it ran more SELECTs than the data check sends.
     */
    private static void killWhenMeasuring(Cluster cluster, boolean postgres) {
        ShardEndpoint shard = cluster.shards().get(0);
        String url = postgres
                ? "jdbc:postgresql://" + shard.host() + ":" + shard.port() + "/" + shard.database() + "?user=postgres"
                : "jdbc:mariadb://" + shard.host() + ":" + shard.port() + "/?user=root";
        String probe = postgres
                ? "SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes WHERE indexrelname = 'ix_user_monolith_su_email'"
                : "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_SELECT'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
        try {
            while (System.nanoTime() < deadline) {
                try (Connection connection = DriverManager.getConnection(url)) {
                    // MariaDB counts every SELECT, this probe's own too: the run's are those beyond the first reading
                    // and the probes since, and a few hundred of them means its logins have begun
                    long first = -1;
                    long probes = 0;
                    while (System.nanoTime() < deadline) {
                        try (ResultSet rows = connection.createStatement().executeQuery(probe)) {
                            rows.next();
                            long value = rows.getLong(1);
                            first = first < 0 ? value : first;
                            long measured = postgres ? value : value - first - probes++ - 200;
                            if (measured > 0) {
                                Thread.sleep(100);
                                cluster.kill(1);
                                return;
                            }
                        }
                        Thread.sleep(20);
                    }
                } catch (java.sql.SQLException notYet) {
                    // the table or the login is not there yet
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the login trials never reached shard 1");
    }

    /** The clusters' folders in the system temp dir (PostgreSQL) and in the project's temp/cluster (MariaDB). */
    private static Set<Path> clusterFolders() throws Exception {
        Set<Path> folders = new java.util.HashSet<>();
        for (Path parent : List.of(TMP, Main.home().resolve("temp/cluster"))) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> entries = Files.list(parent)) {
                    entries.filter(p -> p.getFileName().toString().startsWith("userbench-cluster-")).forEach(folders::add);
                }
            }
        }
        return folders;
    }
}
