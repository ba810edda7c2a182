package dev.userbench.cli;

import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestNamespace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seed --check-only} reads what the layouts hold now: after one user's bio was edited with SQL in the
 * fragmented layout, it names that layout as differing, still finds the monolith whole, and exits 4.
 */
@Tag("engine")
class SeedCheckFailsTest {

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void oneEditedBioInOneLayoutFailsTheCheckWithExitFour(TestEngine engine, @TempDir Path dir) throws Exception {
        TestNamespace namespace = TestNamespace.of(engine, dir, "userbench_t_seedcheck");
        try {
            Userbench.Outcome seeded = seed(namespace, "--check");
            assertThat(seeded.exitCode()).as(seeded.console()).isZero();
            Userbench.Outcome untouched = seed(namespace, "--check-only");
            assertThat(untouched.exitCode()).as(untouched.console()).isZero();
            assertThat(untouched.out()).contains("Data check monolith: holds", "Data check fragmented: holds")
                    .doesNotContain("users/s");

            try (Connection connection = namespace.spec().openOutsideNamespace();
                 PreparedStatement edit = connection.prepareStatement("UPDATE " + namespace.qualified("user_profile")
                         + " SET bio = 'edited by hand' WHERE uid = (SELECT uid FROM "
                         + namespace.qualified("user_auth") + " ORDER BY email LIMIT 1)")) {
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }

            Userbench.Outcome edited = seed(namespace, "--check-only");
            assertThat(edited.exitCode()).as(edited.console()).isEqualTo(ExitCode.RUN_FAILED.code()).isEqualTo(4);
            assertThat(edited.out()).contains("Data check monolith: holds the 300 seeded users",
                    "Data check fragmented: DIFFERS");
            assertThat(edited.err()).contains("the data check failed").doesNotContain("\tat ");
        } finally {
            namespace.drop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void checkingWhereNothingWasSeededFailsWithExitFourAndCreatesNothing(TestEngine engine, @TempDir Path dir)
            throws Exception {
        TestNamespace namespace = TestNamespace.of(engine, dir, "userbench_t_neverseeded");
        try {
            Userbench.Outcome outcome = seed(namespace, "--check-only");
            assertThat(outcome.exitCode()).as(outcome.console()).isEqualTo(4);
            assertThat(outcome.out()).contains("Data check monolith: DIFFERS: nothing seeded", "seed it first");
            assertThat(namespace.exists()).isFalse();
        } finally {
            namespace.drop();
        }
    }

    private static Userbench.Outcome seed(TestNamespace namespace, String check) {
        return Userbench.run(Userbench.args(Userbench.args(java.util.List.of("seed"), "--users", "300", "--seed", "3",
                check), namespace.arguments().toArray(String[]::new)));
    }
}
