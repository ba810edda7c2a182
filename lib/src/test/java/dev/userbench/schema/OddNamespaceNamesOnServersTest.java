package dev.userbench.schema;

import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Namespace names with quotes, separators and non-ASCII letters, created and entered on the real servers. */
@Tag("engine")
class OddNamespaceNamesOnServersTest {

    static Stream<Arguments> cases() {
        return Stream.of(TestEngine.MARIADB, TestEngine.POSTGRESQL).flatMap(engine -> Stream.of(
                "userbench_t_\"q`uote'd; --", "userbench_t_`x`", "userbench_t_ünï cödé", "userbench_t_a.b/c\\d",
                "userbench_t_UPPER").map(name -> Arguments.of(engine, name)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void anOddNameIsCreatedEnteredAndMarkedUnderExactlyThatName(TestEngine engine, String name) throws Exception {
        ConnectionSpec spec = ConnectionSpec.of(engine.url()).withNamespace(new Namespace(name, false));
        try {
            try (Connection connection = spec.open();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE user_monolith (uid INTEGER PRIMARY KEY)");
                connection.commit();
                try (ResultSet current = statement.executeQuery(engine == TestEngine.POSTGRESQL
                        ? "SELECT current_schema()" : "SELECT DATABASE()")) {
                    current.next();
                    assertThat(current.getString(1)).isEqualTo(name);
                }
                connection.commit();
            }
            assertThat(TestServers.objects(engine.url(), name)).containsExactly("user_monolith", "userbench_marker");
            assertThat(NamespaceCleaner.clean(spec).droppedNamespace()).isTrue();
            assertThat(TestServers.namespaceExists(engine.url(), name)).isFalse();
        } finally {
            TestServers.dropNamespace(engine, name);
        }
    }
}
