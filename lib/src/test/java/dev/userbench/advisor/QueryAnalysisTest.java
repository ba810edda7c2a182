package dev.userbench.advisor;

import dev.userbench.definition.Examples;
import dev.userbench.definition.TableDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryAnalysisTest {

    private static final TableDefinition USERS = Examples.USERS.definition();

    private static AnalyzedQuery analyze(String sql) {
        return AnalyzedQuery.of(USERS, new WorkloadQuery("q", sql, 1));
    }

    @Test
    void aQueryFileGivesEachStatementItsWeightAndName() {
        List<WorkloadQuery> queries = QueryFile.parse(Examples.USERS.queriesSql());

        assertThat(queries).extracting(WorkloadQuery::name)
                .containsExactly("login", "profile_view", "login_touch", "profile_edit", "signup");
        assertThat(queries).extracting(WorkloadQuery::weight).containsExactly(70.0, 15.0, 10.0, 4.0, 1.0);
        assertThat(QueryFile.parse(QueryFile.format(queries))).isEqualTo(queries);
    }

    @Test
    void aStatementWithoutItsWeightLineIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> QueryFile.parse("-- weight: 2\nSELECT 1 FROM users;\n\nSELECT uid FROM users;"))
                .hasMessageContaining("line 4").hasMessageContaining("-- weight: N");
    }

    @Test
    void readAndWrittenColumnsComeFromTheParser() {
        AnalyzedQuery login = analyze("SELECT uid, password_hash FROM users WHERE lower(email) = ? AND is_verified");
        AnalyzedQuery edit = analyze("UPDATE users SET bio = ?, location = ? WHERE uid = ?");

        assertThat(login.read()).containsExactlyInAnyOrder("uid", "password_hash", "email", "is_verified");
        assertThat(login.written()).isEmpty();
        assertThat(login.pointLookup()).isTrue();
        assertThat(edit.written()).containsExactlyInAnyOrder("bio", "location");
        assertThat(edit.read()).containsExactly("uid");
        assertThat(edit.parameters()).extracting(AnalyzedQuery.Parameter::role).containsExactly(
                AnalyzedQuery.Role.NEW_VALUE, AnalyzedQuery.Role.NEW_VALUE, AnalyzedQuery.Role.EXISTING);
    }

    @Test
    void aScanByANonUniqueColumnIsNotAPointLookupAndItsLimitIsACount() {
        AnalyzedQuery recent = analyze("SELECT name FROM users WHERE role = ? ORDER BY created_at DESC LIMIT ?");

        assertThat(recent.pointLookup()).isFalse();
        assertThat(recent.read()).contains("name", "role", "created_at");
        assertThat(recent.parameters()).extracting(AnalyzedQuery.Parameter::role)
                .containsExactly(AnalyzedQuery.Role.EXISTING, AnalyzedQuery.Role.COUNT);
    }

    @Test
    void aQueryOnAnotherTableOrAnUnknownColumnIsRefused() {
        assertThatThrownBy(() -> analyze("SELECT * FROM orders WHERE id = ?")).hasMessageContaining("does not read the table users");
        assertThatThrownBy(() -> analyze("SELECT nickname FROM users")).hasMessageContaining("not a column of users");
    }
}
