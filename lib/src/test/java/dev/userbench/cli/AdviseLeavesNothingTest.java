package dev.userbench.cli;

import dev.userbench.schema.CreatedTables;
import dev.userbench.testing.CuttingProxy;
import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestNamespace;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * advise creates its candidates' tables in the tool's marked namespace and leaves none behind: dropped when it
 * ends, whether it finished, lost its connection or was interrupted; what could not be dropped, {@code clean}
 * removes; a table of a candidate's name that the tool did not create is neither replaced nor dropped.
 */
@Tag("engine")
class AdviseLeavesNothingTest {

    private static final String DEFINITIONS = "src/main/resources/dev/userbench/definition/";
    private static final List<String> SMALL = List.of("--table", DEFINITIONS + "products.sql",
            "--queries", DEFINITIONS + "products.queries.sql", "--users", "200", "--ops", "100", "--trials", "2",
            "--warmup", "0", "--warmup-max", "0");

    @TempDir
    Path dir;

    private final List<TestNamespace> made = new ArrayList<>();

    @AfterEach
    void dropWhatTheTestMade() throws Exception {
        for (TestNamespace namespace : made) {
            namespace.drop();
        }
    }

    private TestNamespace namespace(TestEngine engine, String name) throws Exception {
        TestNamespace namespace = TestNamespace.of(engine, dir, name);
        namespace.drop();
        made.add(namespace);
        return namespace;
    }

    private Userbench.Outcome advise(TestNamespace namespace, String... more) {
        return Userbench.run(adviseArgs(namespace.arguments(), more));
    }

    private List<String> adviseArgs(List<String> connection, String... more) {
        List<String> args = new ArrayList<>(List.of("advise"));
        args.addAll(connection);
        args.addAll(SMALL);
        args.addAll(List.of(more));
        args.addAll(List.of("--out", dir.resolve("out").toString()));
        return args;
    }

    private static List<String> candidateTables(TestNamespace namespace) throws Exception {
        return namespace.objects().stream().filter(o -> o.startsWith("adv_")).toList();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aFinishedAdviseDropsItsCandidatesTablesAndStrikesThemOffTheLedger(TestEngine engine) throws Exception {
        TestNamespace own = namespace(engine, "userbench_t_advisor2_done");

        Userbench.Outcome outcome = advise(own);

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(candidateTables(own)).isEmpty();
        assertThat(own.count(CreatedTables.TABLE)).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void cleanDropsTheCandidatesTablesAdviseKeptAndNotAForeignTableNamedLikeThem(TestEngine engine) throws Exception {
        TestNamespace own = namespace(engine, "userbench_t_advisor2_kept");
        Userbench.Outcome outcome = advise(own, "--keep-tables");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(candidateTables(own)).contains("adv_products_0");
        assertThat(outcome.out()).contains("Kept the candidates' tables", "./userbench clean");
        own.createForeignTable("adv_products_77", 3);

        Userbench.Outcome cleaned = Userbench.run(Userbench.args(List.of("clean"),
                own.arguments().toArray(String[]::new)));

        assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
        assertThat(cleaned.out()).contains("adv_products_0", CreatedTables.TABLE, "Kept it");
        assertThat(own.objects()).containsExactly("adv_products_77");
        assertThat(own.count("adv_products_77")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void adviseRefusesToReplaceATableWithACandidatesNameThatTheToolDidNotCreate(TestEngine engine) throws Exception {
        TestNamespace own = namespace(engine, "userbench_t_advisor2_foreign");
        assertThat(advise(own).exitCode()).isZero();
        own.createForeignTable("adv_products_1_p1", 2);

        Userbench.Outcome outcome = advise(own);

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err().strip()).doesNotContain("\n").contains("adv_products_1_p1", "rename");
        assertThat(own.count("adv_products_1_p1")).isEqualTo(2);
        assertThat(candidateTables(own)).containsExactly("adv_products_1_p1");
    }

    @ParameterizedTest
    @EnumSource(value = TestEngine.class, names = {"MARIADB", "POSTGRESQL"})
    void aLostConnectionStillDropsTheCandidatesTablesOnAFreshOne(TestEngine engine) throws Exception {
        TestNamespace own = namespace(engine, "userbench_t_advisor2_cut");
        TestServers.Address server = TestServers.address(own.url());
        try (CuttingProxy proxy = CuttingProxy.onlyThatConnection(server.host(), server.port(), "INSERT INTO adv_products_1")) {
            String proxied = TestServers.withAddress(own.url(), "127.0.0.1", proxy.port());
            Userbench.Outcome cut = Userbench.run(adviseArgs(List.of("--jdbc-url", proxied, "--schema", own.name())));

            assertThat(proxy.hasCut()).as(cut.console()).isTrue();
            assertThat(cut.exitCode()).as(cut.err()).isEqualTo(ExitCode.CONNECTION.code());
            assertThat(cut.err().strip()).doesNotContain("\n");
        }
        assertThat(candidateTables(own)).isEmpty();
        assertThat(own.count(CreatedTables.TABLE)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = TestEngine.class, names = {"MARIADB", "POSTGRESQL"})
    void tablesAnAdviseCouldNotDropAreNamedAndCleanRemovesThem(TestEngine engine) throws Exception {
        TestNamespace own = namespace(engine, "userbench_t_advisor2_gone");
        TestServers.Address server = TestServers.address(own.url());
        try (CuttingProxy proxy = new CuttingProxy(server.host(), server.port(), "INSERT INTO adv_products_1", 0)) {
            String proxied = TestServers.withAddress(own.url(), "127.0.0.1", proxy.port());
            Userbench.Outcome cut = Userbench.run(adviseArgs(List.of("--jdbc-url", proxied, "--schema", own.name())));

            assertThat(proxy.hasCut()).as(cut.console()).isTrue();
            assertThat(cut.exitCode()).as(cut.err()).isEqualTo(ExitCode.CONNECTION.code());
            assertThat(cut.err().strip()).doesNotContain("\n").contains("./userbench clean");
        }
        assertThat(candidateTables(own)).contains("adv_products_0");

        Userbench.Outcome cleaned = Userbench.run(Userbench.args(List.of("clean"),
                own.arguments().toArray(String[]::new)));

        assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
        assertThat(own.exists()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void ctrlCDuringTheProofDropsTheCandidatesTablesAndExits130(TestEngine engine) throws Exception {
        TestNamespace own = namespace(engine, "userbench_t_advisor2_ctrlc");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        List<String> args = new ArrayList<>(own.arguments());
        args.addAll(List.of("--table", DEFINITIONS + "products.sql", "--queries", DEFINITIONS + "products.queries.sql",
                "--users", "20000", "--ops", "200000", "--trials", "4", "--warmup", "0", "--warmup-max", "0",
                "--out", dir.resolve("interrupted").toString()));
        args.add(0, "advise");
        Process process = JavaProcess.start(Map.of(), stdout, stderr, args);
        try {
            // interrupt once the candidates' tables are listed and being filled
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!candidatesBeingSeeded(own) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500);
            assertThat(process.isAlive()).as(Files.readString(stderr)).isTrue();
            assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor()).isZero();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        String err = Files.readString(stderr);
        assertThat(process.exitValue()).as(err).isEqualTo(ExitCode.INTERRUPTED.code());
        assertThat(err.substring(err.lastIndexOf("userbench:")).strip()).doesNotContain("\n").contains("interrupted during ", "dropped the candidates' tables");
        assertThat(candidateTables(own)).isEmpty();
        assertThat(own.count(CreatedTables.TABLE)).isZero();
    }

    /** Listed in the ledger and at least one of them created; false while the file or server is busy. */
    private static boolean candidatesBeingSeeded(TestNamespace namespace) {
        try {
            return !listedTables(namespace).isEmpty() && !candidateTables(namespace).isEmpty();
        } catch (Exception busyOrNotYetThere) {
            return false;
        }
    }

    private static List<String> listedTables(TestNamespace namespace) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = namespace.spec().openOutsideNamespace();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM " + namespace.qualified(CreatedTables.TABLE))) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
