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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code advise --forks N}: the proof's trials in N fresh JVMs, merged in the parent, which analyses them once; the
 * secret never on a command line; Ctrl-C stops the running fork, which drops its tables.
 */
class AdviseForksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMESPACE = "userbench_t_advise_forks";
    private static final String DEFINITIONS = "src/main/resources/dev/userbench/definition/";

    private static List<String> advise(Path db, String... more) {
        List<String> args = new ArrayList<>(List.of("advise", "--table", DEFINITIONS + "users.sql",
                "--queries", DEFINITIONS + "users.queries.sql", "--jdbc-url", "jdbc:sqlite:" + db));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void everyTrialNamesItsForkAndEveryComparisonRestsOnBothForks(@TempDir Path dir) throws Exception {
        Userbench.Outcome outcome = Userbench.run(advise(dir.resolve("a.db"), "--users", "300", "--ops", "50",
                "--trials", "2", "--warmup", "0", "--forks", "2", "--out", dir.resolve("out").toString()));

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("(4 trials per layout, 2 forks)", "Recommended:");
        JsonNode results = JSON.readTree(dir.resolve("out/results.json").toFile());
        assertThat(results.at("/environment/forks").asInt()).isEqualTo(2);
        Set<Integer> forks = new HashSet<>();
        results.get("trials").forEach(t -> forks.add(t.get("fork").asInt()));
        assertThat(forks).containsExactlyInAnyOrder(1, 2);
        JsonNode candidates = results.at("/advice/candidates");
        assertThat(candidates.size()).isGreaterThan(1);
        assertThat(results.get("measurements")).hasSize(candidates.size()).allSatisfy(m -> {
            assertThat(m.get("forks").asInt()).as(m.toString()).isEqualTo(2);
            assertThat(m.get("trials").asInt()).as(m.toString()).isEqualTo(4);
        });
        assertThat(results.get("comparisons")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("forks").asInt()).isEqualTo(2);
            assertThat(c.get("pairs").asInt()).isEqualTo(4);
        });
        // the advice is derived from the merged comparisons, not from one fork's
        for (int i = 1; i < candidates.size(); i++) {
            JsonNode own = candidates.get(i).get("comparisons");
            assertThat(own).as(candidates.get(i).toString()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.get("forks").asInt()).isEqualTo(2));
        }
        assertThat(adviseTables(dir.resolve("a.db"))).isEmpty();
    }

    @Test
    void aForkGetsThePasswordThroughItsEnvironmentNeverItsCommandLine(@TempDir Path dir) throws Exception {
        String secret = "advise-fork-secret-" + System.nanoTime();
        Process advise = JavaProcess.start(Map.of(ConnectionOptions.PASSWORD_VARIABLE, secret),
                dir.resolve("stdout"), dir.resolve("stderr"), advise(dir.resolve("a.db"), "--users", "300",
                        "--ops", "50", "--trials", "2", "--warmup", "0", "--forks", "2",
                        "--out", dir.resolve("out").toString()));
        Set<Long> forksSeen = JavaProcess.forksWatched(advise, secret);
        assertThat(advise.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(advise.exitValue()).as(Files.readString(dir.resolve("stderr"))).isZero();
        assertThat(forksSeen).hasSize(2);
    }

    @Test
    void noForksOrFewerIsRefusedInOneSentenceBeforeAnythingConnects(@TempDir Path dir) {
        for (String forks : List.of("0", "-1")) {
            Userbench.Outcome outcome = Userbench.run(advise(dir.resolve("a.db"), "--forks=" + forks));

            assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
            assertThat(outcome.err().strip()).doesNotContain("\n").contains("--forks", forks)
                    .doesNotContain("Exception");
            assertThat(Files.exists(dir.resolve("a.db"))).isFalse();
        }
    }

    @Test
    void ctrlCStopsTheRunningForkWhichDropsItsCandidatesTablesAndTheAdviseExits130(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("a.db");
        Path stderr = dir.resolve("stderr");
        Process advise = JavaProcess.start(Map.of(), dir.resolve("stdout"), stderr, advise(db, "--users", "20000",
                "--ops", "200000", "--trials", "4", "--warmup", "0", "--forks", "2",
                "--out", dir.resolve("out").toString()));
        try {
            // interrupt once the first fork has created the candidates' tables
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (advise.isAlive() && System.nanoTime() < deadline && !seeding(db)) {
                Thread.sleep(100);
            }
            assertThat(advise.isAlive()).as(Files.readString(stderr)).isTrue();
            assertThat(advise.children().filter(c -> JavaProcess.commandLine(c.pid()).contains("--fork=1 ")).count()).isOne();
            assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(advise.pid())).start().waitFor()).isZero();

            assertThat(advise.waitFor(90, TimeUnit.SECONDS)).isTrue();
        } finally {
            advise.descendants().forEach(ProcessHandle::destroyForcibly);
            advise.destroyForcibly();
        }

        String err = Files.readString(stderr);
        assertThat(advise.exitValue()).as(err).isEqualTo(ExitCode.INTERRUPTED.code());
        assertThat(err.substring(err.lastIndexOf("userbench:")).strip()).doesNotContain("\n")
                .contains("interrupted during ", "(fork 1 of 2)", "dropped the candidates' tables");
        assertThat(adviseTables(db)).isEmpty();
        assertThat(ledger(db)).isEmpty();
        assertThat(dir.resolve("out/results.json")).doesNotExist();
    }

    @Test
    @Tag("engine")
    void aSilentForkIsStoppedAndTheAdviseEndsNamingItsPhaseAndFork(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.POSTGRESQL;
        TestServers.dropNamespace(engine, NAMESPACE);
        TestServers.Address server = TestServers.address(engine.url());
        try (CuttingProxy proxy = CuttingProxy.stalling(server.host(), server.port(), "adv_users_1 (")) {
            String proxied = TestServers.withAddress(engine.url(), "127.0.0.1", proxy.port());
            Userbench.Outcome outcome = Userbench.run("advise", "--table", DEFINITIONS + "users.sql",
                    "--queries", DEFINITIONS + "users.queries.sql", "--jdbc-url", proxied, "--schema", NAMESPACE,
                    "--users", "300", "--ops", "50", "--trials", "2", "--warmup", "0", "--forks", "2",
                    "--fork-timeout", "10", "--out", dir.resolve("out").toString());

            assertThat(proxy.hasCut()).as(outcome.err()).isTrue();
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ExitCode.RUN_FAILED.code());
            assertThat(outcome.err().strip()).doesNotContain("\n")
                    .contains("during seeding ", "(fork 1 of 2)", "no sign of life for 10 s", "no results written");
            assertThat(dir.resolve("out/results.json")).doesNotExist();
        } finally {
            TestServers.dropNamespace(engine, NAMESPACE);
        }
    }

    /** The first fork has listed its tables and created one; false while the file is busy or not there yet. */
    private static boolean seeding(Path db) {
        try {
            return Files.exists(db) && !ledger(db).isEmpty() && !adviseTables(db).isEmpty();
        } catch (Exception busyOrNotYetThere) {
            return false;
        }
    }

    private static List<String> adviseTables(Path db) throws Exception {
        return strings(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'adv\\_%' ESCAPE '\\'");
    }

    private static List<String> ledger(Path db) throws Exception {
        return strings(db, "SELECT table_name FROM " + dev.userbench.schema.CreatedTables.TABLE);
    }

    private static List<String> strings(Path db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
