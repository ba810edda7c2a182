package dev.userbench.definition;

import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The study's table is one definition among others, and its rows are the study's users whichever command seeds them. */
class StudyRowsTest {

    private static final String COLUMNS = "uid, email, password_hash, role, is_verified, name, phone, location, bio, "
            + "profile_image, created_at, last_active";

    @Test
    void theStudysTableGetsTheStudysUsersRowByRow() {
        TableRows rows = TableRows.of(StudyTable.definition(), 42);
        UserGenerator users = new UserGenerator(42);

        assertThat(rows).isInstanceOf(StudyRows.class);
        for (long i : new long[] {0, 7, 99_999}) {
            User user = users.user(i);
            assertThat(rows.row(i)).containsExactly(Field.ALL.stream().map(f -> f.columnValue(user)).toArray());
            assertThat(rows.value("email", i)).isEqualTo(user.email());
        }
    }

    @Test
    void theStudysColumnsInAnotherOrderAreStillTheStudysTable() {
        TableDefinition reordered = DdlParser.parse("""
                CREATE TABLE people (
                    bio text, uid uuid PRIMARY KEY, last_active timestamptz NOT NULL, email varchar(255) NOT NULL UNIQUE,
                    password_hash char(64) NOT NULL, role varchar(6) NOT NULL, is_verified boolean NOT NULL,
                    name varchar(255) NOT NULL, phone varchar(64), location varchar(255), profile_image varchar(512),
                    created_at timestamptz NOT NULL)""");

        TableRows rows = TableRows.of(reordered, 42);

        assertThat(rows).isInstanceOf(StudyRows.class);
        assertThat(rows.row(3)[0]).isEqualTo(new UserGenerator(42).user(3).bio());
    }

    @Test
    void anyOtherTableGetsGeneratedRows() {
        TableDefinition numericKey = DdlParser.parse(Examples.USERS.tableSql().replace("uid           uuid", "uid bigint"));

        assertThat(TableRows.of(Examples.PRODUCTS.definition(), 42)).isInstanceOf(RowGenerator.class);
        assertThat(TableRows.of(numericKey, 42)).isInstanceOf(RowGenerator.class);
    }

    @ParameterizedTest
    @Tag("engine")
    @EnumSource(TestEngine.class)
    void advisesSingleTableIsTheStudysMonolithColumnForColumnAndUserForUser(TestEngine engine) throws SQLException {
        ConnectionSpec spec = engine.connection();
        TableDefinition users = StudyTable.definition();
        SplitTable single = SplitTable.of("single_table", users, ColumnGroups.single(users), "t_studyrows");
        SplitTableStore store = new SplitTableStore(spec.dialect().engine(), 1000);
        LayoutSql monolith = spec.dialect().sql(Layouts.MONOLITH);
        int count = 2_000;
        try (Connection connection = spec.open()) {
            connection.setAutoCommit(false);
            Seeder.recreate(connection, monolith);
            new Seeder().load(connection, monolith, new UserGenerator(9), count, Progress.NONE);
            store.recreate(connection, single);
            store.load(connection, single, TableRows.of(users, 9), count);

            List<String> seeded = rows(connection, "user_monolith");
            List<String> advised = rows(connection, "t_studyrows");
            TableDefinition studyTable = CatalogReader.read(connection, spec.dialect().engine(), "user_monolith");
            TableDefinition adviseTable = CatalogReader.read(connection, spec.dialect().engine(), "t_studyrows");
            store.drop(connection, single);
            Seeder.drop(connection, monolith);

            assertThat(advised).hasSize(count).isEqualTo(seeded);
            assertThat(adviseTable.columns()).isEqualTo(studyTable.columns());
            assertThat(adviseTable.primaryKey()).isEqualTo(studyTable.primaryKey());
            // the study's email is unique by a unique index, advise's by a constraint: the catalog sees both
            assertThat(studyTable.uniqueColumns()).containsExactly("email").isEqualTo(adviseTable.uniqueColumns());
        }
    }

    private static List<String> rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + COLUMNS + " FROM " + table + " ORDER BY email")) {
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= 12; c++) {
                    row.append(c == 1 ? "" : " | ").append(EngineTypes.normalized(result.getObject(c)));
                }
                rows.add(row.toString());
            }
        }
        connection.commit();
        return rows;
    }
}
