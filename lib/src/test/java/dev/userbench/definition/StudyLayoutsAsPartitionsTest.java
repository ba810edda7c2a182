package dev.userbench.definition;

import dev.userbench.model.Field;
import dev.userbench.schema.Layout;
import dev.userbench.schema.Layouts;
import dev.userbench.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The study's layouts are column partitions of the shipped users.sql: one entity, its layouts its partitions. */
class StudyLayoutsAsPartitionsTest {

    static List<Layout> layouts() {
        return Layouts.all();
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void eachLayoutsTablesAreThePartsOfItsPartitionOfTheDefinition(Layout layout) {
        ColumnGroups groups = StudyTable.groups(layout);

        SplitTable split = SplitTable.of(layout.name(), StudyTable.definition(), groups, "t");

        assertThat(split.parts()).hasSameSizeAs(layout.tables());
        for (int i = 0; i < layout.tables().size(); i++) {
            TableDef table = layout.tables().get(i);
            assertThat(split.parts().get(i).columns()).as("%s table %s", layout.name(), table.name())
                    .isEqualTo(table.columns().stream().map(Field::column).toList());
        }
    }

    @Test
    void theSingleTableLayoutsAreTheTrivialPartitionAndTheStudysSplitIsAuthApartFromProfile() {
        TableDefinition users = StudyTable.definition();

        assertThat(StudyTable.groups(Layouts.MONOLITH)).isEqualTo(ColumnGroups.single(users));
        assertThat(StudyTable.groups(Layouts.MONOLITH_COVERING)).isEqualTo(ColumnGroups.single(users));
        assertThat(StudyTable.groups(Layouts.FRAGMENTED).groups()).containsExactly(
                List.of("email", "password_hash", "role", "is_verified"),
                List.of("name", "phone", "location", "bio", "profile_image", "created_at", "last_active"));
    }

    @Test
    void theStudysFieldsAreTheColumnsOfUsersSql() {
        TableDefinition users = StudyTable.definition();

        assertThat(users.columnNames()).containsExactlyElementsOf(Field.ALL.stream().map(Field::column).toList());
        assertThat(users.primaryKey()).containsExactly(Field.UID.column());
        assertThat(users.uniqueColumns()).containsExactly(Field.EMAIL.column());
        for (Field field : Field.ALL) {
            assertThat(field.definition()).as(field.column()).isEqualTo(users.column(field.column()));
        }
    }
}
