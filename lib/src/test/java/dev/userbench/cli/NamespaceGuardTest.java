package dev.userbench.cli;

import dev.userbench.schema.Namespace;
import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool works only in a namespace that carries its marker, and clean removes only what it created. */
@Tag("engine")
class NamespaceGuardTest {

    private static final String[] SMALL_RUN = {"--users", "60", "--logins", "10", "--trials", "1", "--warmup", "0"};

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

    private Userbench.Outcome run(TestNamespace namespace, String... more) {
        List<String> args = Userbench.args(List.of("run"), namespace.arguments().toArray(String[]::new));
        args.addAll(List.of(SMALL_RUN));
        args.addAll(List.of(more));
        args.addAll(List.of("--out", dir.resolve("out").toString()));
        return Userbench.run(args);
    }

    private Userbench.Outcome clean(TestNamespace namespace) {
        return Userbench.run(Userbench.args(List.of("clean"), namespace.arguments().toArray(String[]::new)));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aNamespaceWithAForeignTableAndNoMarkerIsRefusedAndLeftUntouched(TestEngine engine) throws Exception {
        TestNamespace app = namespace(engine, "userbench_t_app");
        app.createForeignTable("orders", 3);

        Userbench.Outcome outcome = run(app);

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err().strip()).doesNotContain("\n").contains("orders", "--allow-existing");
        assertThat(app.objects()).containsExactly("orders");
        assertThat(app.count("orders")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void anAdoptedNamespaceKeepsItsOwnTableThroughARunAndClean(TestEngine engine) throws Exception {
        TestNamespace app = namespace(engine, "userbench_t_adopted");
        app.createForeignTable("orders", 3);

        Userbench.Outcome outcome = run(app, "--allow-existing");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(app.objects()).contains("orders", "userbench_marker", "user_monolith", "user_auth", "user_profile");

        Userbench.Outcome cleaned = clean(app);
        assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
        assertThat(cleaned.out()).contains("Kept it");
        assertThat(app.objects()).containsExactly("orders");
        assertThat(app.count("orders")).isEqualTo(3);
        assertThat(app.exists()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void adoptingIsRefusedWhenAForeignTableHasOneOfTheToolsNames(TestEngine engine) throws Exception {
        TestNamespace app = namespace(engine, "userbench_t_clash");
        app.createForeignTable("user_auth", 2);

        Userbench.Outcome outcome = run(app, "--allow-existing");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err().strip()).doesNotContain("\n").contains("user_auth", "rename");
        assertThat(app.objects()).containsExactly("user_auth");
        assertThat(app.count("user_auth")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void cleanRemovesTheToolsTablesAndTheNamespaceItCreated(TestEngine engine) throws Exception {
        TestNamespace own = namespace(engine, "userbench_t_own");

        Userbench.Outcome outcome = run(own);
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(own.objects()).contains("userbench_marker", "user_monolith", "user_auth", "user_profile");
        assertThat(own.exists()).isTrue();

        Userbench.Outcome cleaned = clean(own);
        assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
        assertThat(cleaned.out()).contains("user_auth", "userbench_marker", "Removed");
        assertThat(own.exists()).isFalse();
        assertThat(clean(own).out()).contains("Nothing to clean");
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void cleanKeepsANamespaceItCreatedOnceSomeoneElsePutATableInIt(TestEngine engine) throws Exception {
        TestNamespace own = namespace(engine, "userbench_t_shared");
        assertThat(run(own).exitCode()).isZero();
        own.createForeignTable("notes", 1);

        Userbench.Outcome cleaned = clean(own);

        assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
        assertThat(cleaned.out()).contains("notes");
        assertThat(own.objects()).containsExactly("notes");
        assertThat(own.count("notes")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void cleanLeavesANamespaceWithoutTheMarkerAlone(TestEngine engine) throws Exception {
        TestNamespace app = namespace(engine, "userbench_t_unmarked");
        app.createForeignTable("orders", 3);

        Userbench.Outcome cleaned = clean(app);

        assertThat(cleaned.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cleaned.err()).contains("nothing removed");
        assertThat(app.objects()).containsExactly("orders");
        assertThat(app.count("orders")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = TestEngine.class, names = {"MARIADB", "POSTGRESQL"})
    void aRunTouchesNothingOutsideItsNamespace(TestEngine engine) throws Exception {
        TestNamespace own = namespace(engine, "userbench_t_apart");
        String landing = engine == TestEngine.POSTGRESQL ? "public" : "test";
        List<String> before = dev.userbench.testing.TestServers.objects(engine.url(), landing);

        assertThat(run(own).exitCode()).isZero();

        assertThat(dev.userbench.testing.TestServers.objects(engine.url(), landing)).isEqualTo(before);
        assertThat(own.objects()).contains("user_monolith");
    }

    @ParameterizedTest
    @EnumSource(value = TestEngine.class, names = {"MARIADB", "POSTGRESQL"})
    void aSystemNamespaceIsNeverAdopted(TestEngine engine) throws Exception {
        String system = engine == TestEngine.POSTGRESQL ? "pg_catalog" : "mysql";
        Userbench.Outcome outcome = Userbench.run("run", "--jdbc-url", engine.url(), "--schema", system,
                "--allow-existing", "--out", dir.toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outcome.err()).contains("never adopted");
        assertThat(Namespace.DEFAULT_NAME).isEqualTo("userbench");
    }
}
