package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userbench.testing.CuttingProxy;
import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection cut for real mid-run by a TCP proxy between the driver and the test server: the run
 * stops naming the phase, keeps what it finished in results.json marked failed, leaves the fragmented
 * layout consistent, and the next run, straight to the server, succeeds without any repair.
 */
@Tag("engine")
class ConnectionCutTest {

    private static final String NAMESPACE = "userbench_t_cut";

    @TempDir
    Path dir;

    private TestEngine engine;

    @AfterEach
    void dropNamespace() throws Exception {
        if (engine != null) {
            TestServers.dropNamespace(engine, NAMESPACE);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestEngine.class, names = {"MARIADB", "POSTGRESQL"})
    void aCutDuringInsertsStopsTheRunNamingTheTrialAndTheNextRunSucceeds(TestEngine engine) throws Exception {
        JsonNode partial = cutAndCheck(engine, "INSERT INTO user_", 40_000, "insert/");
        assertThat(partial.at("/failure/phase").asText()).containsPattern("insert/\\w+ trial \\d of 2 on \\w+");
    }

    @ParameterizedTest
    @EnumSource(value = TestEngine.class, names = {"MARIADB", "POSTGRESQL"})
    void aCutDuringALoginBenchmarkKeepsTheFinishedInsertsAndTheNextRunSucceeds(TestEngine engine) throws Exception {
        JsonNode partial = cutAndCheck(engine, "WHERE email", 3_000, "login/");
        assertThat(partial.at("/failure/phase").asText()).containsPattern("login/\\w+ trial \\d of 2 on \\w+");
        assertThat(partial.get("measurements")).hasSize(4);
        assertThat(partial.at("/data_check/equal").asBoolean()).isTrue();
    }

    private JsonNode cutAndCheck(TestEngine engine, String pattern, long bytesAfter, String phase) throws Exception {
        this.engine = engine;
        TestServers.dropNamespace(engine, NAMESPACE);
        String direct = engine.url();
        TestServers.Address server = TestServers.address(direct);
        List<String> sizes = List.of("--schema", NAMESPACE, "--users", "3000", "--logins", "200", "--trials", "2",
                "--warmup", "0", "--warmup-max", "0");
        try (CuttingProxy proxy = new CuttingProxy(server.host(), server.port(), pattern, bytesAfter)) {
            String proxied = TestServers.withAddress(direct, "127.0.0.1", proxy.port());
            Userbench.Outcome cut = Userbench.run(Userbench.args(List.of("run", "--jdbc-url", proxied,
                    "--out", dir.resolve("cut").toString()), sizes.toArray(String[]::new)));

            assertThat(proxy.hasCut()).as(cut.console()).isTrue();
            assertThat(cut.exitCode()).as(cut.err()).isEqualTo(ExitCode.CONNECTION.code());
            assertThat(cut.err().strip()).doesNotContain("\n").contains("during " + phase, "was lost", "run again",
                    "status failed");
        }
        JsonNode partial = new ObjectMapper().readTree(dir.resolve("cut/results.json").toFile());
        assertThat(partial.get("status").asText()).isEqualTo("failed");
        assertThat(partial.at("/failure/phase").asText()).contains(phase);
        assertThat(partial.at("/failure/reason").asText()).isNotBlank().hasSizeLessThanOrEqualTo(500);

        // the server rolled the open transaction back when the connection went: no half-written user
        Thread.sleep(500);
        FragmentedInvariant.assertHolds(direct, NAMESPACE);

        Userbench.Outcome next = Userbench.run(Userbench.args(List.of("run", "--jdbc-url", direct,
                "--out", dir.resolve("next").toString()), sizes.toArray(String[]::new)));
        assertThat(next.exitCode()).as(next.err()).isZero();
        JsonNode complete = new ObjectMapper().readTree(dir.resolve("next/results.json").toFile());
        assertThat(complete.get("status").asText()).isEqualTo("complete");
        FragmentedInvariant.assertHolds(direct, NAMESPACE);
        return partial;
    }
}
