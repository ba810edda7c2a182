package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userbench.cluster.ClusterState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code userbench cluster up|status|down}: a cluster that outlives the command, runs through its head, then goes. */
@Tag("cluster")
@org.junit.jupiter.api.condition.EnabledIf("dev.userbench.cluster.ClusterPackages#postgres")
class ClusterCommandTest {

    private static final Path TEMP = Main.home().resolve("temp");

    @TempDir
    Path dir;

    @AfterEach
    void down() {
        Userbench.run("cluster", "down");
    }

    @Test
    void aClusterUpOutlivesTheCommandServesARunThroughItsHeadAndDownRemovesIt() throws Exception {
        Userbench.Outcome up = Userbench.run("cluster", "up", "cluster:postgres?shards=2");
        assertThat(up.exitCode()).as(up.console()).isZero();
        ClusterState state = ClusterState.read(TEMP).orElseThrow();
        assertThat(up.out()).contains("head " + state.headUrl());
        assertThat(state.running()).isTrue();

        Userbench.Outcome status = Userbench.run("cluster", "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).startsWith("Up: postgres with 2 shards");

        Userbench.Outcome run = Userbench.run("run", "--jdbc-url", state.headUrl(), "--schema", "sharded_up_t",
                "--layouts", "fragmented@email,monolith@uid", "--workloads", "login", "--users", "200", "--ops", "40",
                "--trials", "2", "--forks", "1", "--warmup", "0", "--warmup-max", "0", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.console()).isZero();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(results.at("/measurements/0/layout").asText()).isEqualTo("fragmented@email");
        assertThat(results.at("/measurements/0/shards_touched").asDouble()).isEqualTo(1.0);

        Userbench.Outcome down = Userbench.run("cluster", "down");
        assertThat(down.exitCode()).isZero();
        assertThat(state.running()).isFalse();
        assertThat(state.servers()).noneMatch(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertThat(Files.exists(Path.of(state.folder()))).isFalse();
        assertThat(Userbench.run("cluster", "status").out()).contains("No cluster is up");
    }

    @Test
    void shardedLayoutsOnAServerThatIsNoClusterHeadAreRefusedNamingTheFix() {
        Userbench.Outcome run = Userbench.run("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("x.db"),
                "--layouts", "monolith@uid", "--workloads", "login");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err().strip()).doesNotContain("\n").contains("cluster:postgres");
    }
}
