package dev.userbench.footprint;

import dev.userbench.schema.Layout;
import dev.userbench.schema.Layouts;
import dev.userbench.schema.TableDef;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("engine")
class StorageProbeOnEnginesTest {

    private static final List<Layout> LAYOUTS = List.of(Layouts.MONOLITH, Layouts.FRAGMENTED);
    private static final int USERS = 3_000;

    @Test
    void onSqliteTheLayoutsAccountForEveryUsedPageOfTheFileButTheSchemaPage() throws SQLException {
        try (Seeded seeded = new Seeded(TestEngine.SQLITE.connection(), LAYOUTS, USERS, 200)) {
            List<FootprintEntry> entries = StorageProbe.measure(seeded.connection, seeded.spec.dialect(), LAYOUTS);

            long pageSize = pragma(seeded.connection, "PRAGMA page_size");
            long usedPages = pragma(seeded.connection, "PRAGMA page_count") - pragma(seeded.connection, "PRAGMA freelist_count");
            // the file also holds its schema page and the tool's namespace marker, which belong to no layout
            long markerBytes = pragma(seeded.connection, "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name = '"
                    + dev.userbench.schema.Namespace.MARKER_TABLE + "'");
            assertThat(StorageProbe.totalBytes(entries, null)).isEqualTo((usedPages - 1) * pageSize - markerBytes);
            assertThat(entries).extracting(FootprintEntry::object)
                    .contains("user_monolith", "ix_user_monolith_email", "sqlite_autoindex_user_monolith_1",
                            "user_auth", "ix_user_auth_email", "user_profile");
            assertThat(entries).filteredOn(e -> e.object().startsWith("sqlite_autoindex"))
                    .allSatisfy(e -> assertThat(e.kind()).isEqualTo(FootprintEntry.INDEX));
        }
    }

    @Test
    void onPostgresqlTableIndexesAndToastAddUpToTheTotalRelationSize() throws SQLException {
        try (Seeded seeded = new Seeded(TestEngine.POSTGRESQL.connection(), LAYOUTS, USERS, 200)) {
            assertAddsUpToTotalRelationSize(seeded);
        }
    }

    @Test
    void onPostgresqlWideBiosGoToToastAndStillAddUp() throws SQLException {
        // 12,000 characters of sentences stay above the ~2 kB TOAST threshold even after compression
        try (Seeded seeded = new Seeded(TestEngine.POSTGRESQL.connection(), LAYOUTS, 300, 12_000)) {
            List<FootprintEntry> entries = assertAddsUpToTotalRelationSize(seeded);
            assertThat(StorageProbe.totalBytes(entries, "monolith", FootprintEntry.TOAST)).isPositive();
            assertThat(StorageProbe.totalBytes(entries, "fragmented", FootprintEntry.TOAST)).isPositive();
        }
    }

    private static List<FootprintEntry> assertAddsUpToTotalRelationSize(Seeded seeded) throws SQLException {
        List<FootprintEntry> entries = StorageProbe.measure(seeded.connection, seeded.spec.dialect(), LAYOUTS);
        for (Layout layout : LAYOUTS) {
            long total = 0;
            for (TableDef table : layout.tables()) {
                try (PreparedStatement statement = seeded.connection.prepareStatement("SELECT pg_total_relation_size(to_regclass(?))")) {
                    statement.setString(1, table.name());
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        total += row.getLong(1);
                    }
                }
            }
            assertThat(StorageProbe.totalBytes(entries, layout.name())).as(layout.name()).isEqualTo(total);
            assertThat(entries).filteredOn(e -> e.layout().equals(layout.name()))
                    .extracting(FootprintEntry::kind).contains(FootprintEntry.TABLE, FootprintEntry.INDEX, FootprintEntry.TOAST);
        }
        return entries;
    }

    @Test
    void onMariadbTheClusteredIndexIsTheTableAndTheSizesMatchInformationSchema() throws SQLException {
        try (Seeded seeded = new Seeded(TestEngine.MARIADB.connection(), LAYOUTS, USERS, 4_000)) {
            List<FootprintEntry> entries = StorageProbe.measure(seeded.connection, seeded.spec.dialect(), LAYOUTS);
            for (Layout layout : LAYOUTS) {
                for (TableDef table : layout.tables()) {
                    long[] lengths = dataAndIndexLength(seeded.connection, table.name());
                    assertThat(entries).filteredOn(e -> e.object().equals(table.name()))
                            .singleElement().satisfies(e -> {
                                assertThat(e.kind()).isEqualTo(FootprintEntry.TABLE);
                                assertThat(e.bytes()).isEqualTo(lengths[0]);
                            });
                }
            }
            assertThat(entries).filteredOn(e -> e.object().equals("ix_user_monolith_email")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.kind()).isEqualTo(FootprintEntry.INDEX);
                        assertThat(e.bytes()).isEqualTo(dataAndIndexLength(seeded.connection, "user_monolith")[1]);
                    });
        }
    }

    private static long[] dataAndIndexLength(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT DATA_LENGTH, INDEX_LENGTH"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    private static long pragma(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
