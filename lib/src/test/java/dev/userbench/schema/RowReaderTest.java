package dev.userbench.schema;

import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The helper every read path uses: it reads each column as the model's type, in the select's order. */
class RowReaderTest {

    private static final UserGenerator GENERATOR = new UserGenerator(17);

    @Test
    void readingAWholeUserFoldsEveryFieldsValueIntoTheSinkAndReturnsTheWantedOne(@TempDir Path dir) throws Exception {
        ConnectionSpec spec = ConnectionSpec.of("jdbc:sqlite:" + dir.resolve("rows.db"));
        User user = GENERATOR.user(2);
        try (Connection connection = spec.open()) {
            LayoutSql sql = spec.dialect().sql(Layouts.FRAGMENTED);
            Seeder.recreate(connection, sql);
            new Seeder(8).load(connection, sql, GENERATOR, 5, Progress.NONE);
            LayoutSql.Select select = sql.selectBy(Field.UID, Field.ALL);
            RowReader reader = RowReader.of(spec.dialect(), select);
            try (PreparedStatement statement = connection.prepareStatement(select.sql())) {
                spec.dialect().bind(statement, 1, Field.UID, user.uid());
                try (ResultSet row = statement.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(reader.read(row, Field.EMAIL)).isEqualTo(user.email());
                }
            }
            long expected = 0;
            for (Field field : select.fields()) {
                expected += Objects.hashCode(field.of(user));
            }
            assertThat(reader.sink()).isEqualTo(expected).isNotZero();
        }
    }

    @Test
    void readingOnlyTheLoginColumnsAddsOnlyTheirValuesAndAnAbsentFieldComesBackNull(@TempDir Path dir) throws Exception {
        ConnectionSpec spec = ConnectionSpec.of("jdbc:sqlite:" + dir.resolve("login.db"));
        List<User> users = List.of(GENERATOR.user(0), GENERATOR.user(1));
        try (Connection connection = spec.open()) {
            LayoutSql sql = spec.dialect().sql(Layouts.MONOLITH);
            Seeder.recreate(connection, sql);
            new Seeder(8).load(connection, sql, GENERATOR, 2, Progress.NONE);
            LayoutSql.Select login = sql.loginProjected();
            RowReader reader = RowReader.of(spec.dialect(), login);
            long expected = 0;
            try (PreparedStatement statement = connection.prepareStatement(login.sql())) {
                for (User user : users) {
                    statement.setString(1, user.email());
                    try (ResultSet row = statement.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        assertThat(reader.read(row, Field.BIO)).isNull();
                    }
                    for (Field field : Field.AUTH) {
                        expected += Objects.hashCode(field.of(user));
                    }
                }
            }
            assertThat(reader.sink()).isEqualTo(expected);
        }
    }
}
