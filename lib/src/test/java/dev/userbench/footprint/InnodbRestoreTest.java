package dev.userbench.footprint;

import dev.userbench.bench.Session;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.testing.CuttingProxy;
import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server-wide buffer pool size comes back when the session's connection goes mid-sweep: cut on the network by a
 * TCP proxy, or aborted as Ctrl-C does. On the machine's MariaDB ({@code USERBENCH_TEST_MYSQL_URL}) only: the
 * embedded 10.11.5 rounds every size under its 128 MiB chunk back onto 128 MiB, so it never changes.
 */
@Tag("engine")
class InnodbRestoreTest {

    private static final long MIB = 1L << 20;

    @BeforeEach
    void onAServerOfTheMachine() {
        Assumptions.assumeTrue(TestEngine.MARIADB.external(),
                "needs a MariaDB server that resizes its buffer pool: set " + TestEngine.MYSQL_URL_VARIABLE);
    }

    @Test
    void theSizeIsRestoredThroughTheControlsOwnConnectionWhenTheSessionsConnectionIsCutMidSweep() throws Exception {
        String direct = TestEngine.MARIADB.url();
        long original = poolSize(direct);
        TestServers.Address server = TestServers.address(direct);
        long[] during = {original};
        try (CuttingProxy proxy = CuttingProxy.onlyThatConnection(server.host(), server.port(), "userbench-cut-here")) {
            ConnectionSpec proxied = ConnectionSpec.of(TestServers.withAddress(direct, "127.0.0.1", proxy.port()));
            try (Connection session = proxied.openOutsideNamespace()) {
                assertThatThrownBy(() -> CacheSweep.run(new InnodbBufferPoolSize(proxied, session),
                        List.of(larger(original)), (cacheBytes, on) -> {
                            during[0] = poolSize(direct);
                            try (Statement statement = on.createStatement()) {
                                statement.execute("SELECT 1 /* userbench-cut-here */");
                            }
                            return null;
                        })).isInstanceOf(SQLException.class);
                assertThat(proxy.hasCut()).isTrue();
            }
        }
        assertThat(during[0]).as("the sweep changed the size before the cut").isNotEqualTo(original);
        assertThat(poolSize(direct)).isEqualTo(original);
    }

    @Test
    void theSizeIsRestoredWhenTheSessionIsAbortedAsCtrlCDoes() throws Exception {
        String direct = TestEngine.MARIADB.url();
        long original = poolSize(direct);
        ConnectionSpec spec = ConnectionSpec.of(direct);
        long[] during = {original};
        try (Session session = new Session(spec)) {
            assertThatThrownBy(() -> CacheSweep.run(new InnodbBufferPoolSize(spec, session.connection()),
                    List.of(larger(original)), (cacheBytes, on) -> {
                        during[0] = poolSize(direct);
                        session.abort();
                        try (Statement statement = on.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        return null;
                    })).isInstanceOf(SQLException.class);
        } catch (SQLException closingAnAbortedSession) {
            // the session's connection is gone, which is the point
        }
        assertThat(during[0]).as("the sweep changed the size before the abort").isNotEqualTo(original);
        assertThat(poolSize(direct)).isEqualTo(original);
    }

    /**
     * A size the server takes whatever it is doing: 16 MiB more than {@code original} (a busy server may give up a
     * shrink, never a growth).
     */
    private static long larger(long original) {
        return (original / MIB + 16) * MIB;
    }

    private static long poolSize(String url) throws SQLException {
        try (Connection connection = ConnectionSpec.of(url).openOutsideNamespace();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@GLOBAL.innodb_buffer_pool_size")) {
            row.next();
            return row.getLong(1);
        }
    }
}
