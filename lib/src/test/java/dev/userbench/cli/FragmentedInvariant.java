package dev.userbench.cli;

import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Namespace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The fragmented layout's invariant after any run: as many profile rows as auth rows, none orphaned. */
final class FragmentedInvariant {

    private FragmentedInvariant() {
    }

    static void assertHolds(String url, String namespace) throws SQLException {
        ConnectionSpec spec = ConnectionSpec.of(url).withNamespace(new Namespace(namespace, false));
        try (Connection connection = spec.open()) {
            if (!spec.dialect().objectsIn(connection, namespace).contains("user_profile")) {
                return;
            }
            long auth = count(connection, "SELECT COUNT(*) FROM user_auth");
            long profile = count(connection, "SELECT COUNT(*) FROM user_profile");
            long orphans = count(connection, "SELECT COUNT(*) FROM user_profile p LEFT JOIN user_auth a ON a.uid = p.uid "
                    + "WHERE a.uid IS NULL");
            assertThat(profile).as("profile rows = auth rows").isEqualTo(auth);
            assertThat(orphans).as("profile rows without their auth row").isZero();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            long n = rows.getLong(1);
            connection.commit();
            return n;
        }
    }
}
