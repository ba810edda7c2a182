package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userbench.testing.CuttingProxy;
import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --forks N}: trials in fresh JVMs, merged; the secret never on a command line; a silent fork stopped. */
class ForksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMESPACE = "userbench_t_forks";

    @Test
    void everyTrialNamesItsForkAndEveryComparisonRestsOnBothForks(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome outcome = RunCommandTest.userbench("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("bench.db"),
                "--users", "300", "--logins", "100", "--trials", "2", "--warmup", "1", "--warmup-max", "1",
                "--forks", "2", "--out", dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode results = JSON.readTree(dir.resolve("out/results.json").toFile());
        Set<Integer> forks = new HashSet<>();
        results.get("trials").forEach(t -> forks.add(t.get("fork").asInt()));
        assertThat(forks).containsExactlyInAnyOrder(1, 2);
        results.get("measurements").forEach(m -> {
            assertThat(m.get("forks").asInt()).as(m.toString()).isEqualTo(2);
            assertThat(m.get("trials").asInt()).as(m.toString()).isEqualTo(4);
        });
        assertThat(results.get("comparisons")).isNotEmpty();
        results.get("comparisons").forEach(c -> {
            assertThat(c.get("forks").asInt()).isEqualTo(2);
            assertThat(c.get("pairs").asInt()).isEqualTo(4);
        });
        Set<Integer> warmupForks = new HashSet<>();
        results.get("warmups").forEach(w -> warmupForks.add(w.get("fork").asInt()));
        assertThat(warmupForks).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aForkGetsThePasswordThroughItsEnvironmentNeverItsCommandLine(@TempDir Path dir) throws Exception {
        String secret = "fork-secret-" + System.nanoTime();
        Process run = JavaProcess.start(Map.of(ConnectionOptions.PASSWORD_VARIABLE, secret),
                dir.resolve("stdout"), dir.resolve("stderr"),
                List.of("run", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("bench.db"), "--users", "2000",
                        "--logins", "500", "--trials", "2", "--forks", "2", "--out", dir.resolve("out").toString()));
        Set<Long> forksSeen = JavaProcess.forksWatched(run, secret);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(dir.resolve("stderr"))).isZero();
        assertThat(forksSeen).hasSize(2);
    }

    @Test
    @Tag("engine")
    void aForkThatGivesNoSignOfLifeIsStoppedAndTheRunEndsNamingItsPhaseWithTheResultsSoFar(@TempDir Path dir)
            throws Exception {
        TestEngine engine = TestEngine.POSTGRESQL;
        TestServers.dropNamespace(engine, NAMESPACE);
        TestServers.Address server = TestServers.address(engine.url());
        try (CuttingProxy proxy = CuttingProxy.stalling(server.host(), server.port(), "WHERE email")) {
            String proxied = TestServers.withAddress(engine.url(), "127.0.0.1", proxy.port());
            Userbench.Outcome outcome = Userbench.run("run", "--jdbc-url", proxied, "--schema", NAMESPACE,
                    "--users", "300", "--logins", "50", "--trials", "2", "--warmup", "0", "--forks", "2",
                    "--fork-timeout", "3", "--out", dir.resolve("out").toString());

            assertThat(proxy.hasCut()).isTrue();
            assertThat(outcome.exitCode()).isEqualTo(ExitCode.RUN_FAILED.code());
            assertThat(outcome.err().strip()).doesNotContain("\n").contains("(fork 1 of 2)", "no sign of life for 3 s",
                    "status failed");
            JsonNode partial = JSON.readTree(dir.resolve("out/results.json").toFile());
            assertThat(partial.get("status").asText()).isEqualTo("failed");
            assertThat(partial.at("/failure/phase").asText()).contains("login/", "(fork 1 of 2)");
        } finally {
            TestServers.dropNamespace(engine, NAMESPACE);
        }
    }
}
