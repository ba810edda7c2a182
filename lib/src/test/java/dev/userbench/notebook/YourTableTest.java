package dev.userbench.notebook;

import dev.userbench.advisor.Advisor;
import dev.userbench.definition.Examples;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.seed.Progress;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Part 6's cells as they call the jar: a table and queries from text, the proposals, the proof and its advice. */
class YourTableTest {

    private final List<String> shown = new ArrayList<>();
    private final Notebook nb = Notebook.using((content, mime) -> {
        shown.add(mime + " " + content);
        return "display-" + shown.size();
    }, (id, content, mime) -> { });

    @Test
    void theCellsShowTheUsageTheProposalsAndAMeasuredRecommendation() throws Exception {
        try (NotebookDatabase db = nb.database(TestEngine.SQLITE.connection())) {
            YourTable yours = YourTable.of(Examples.PRODUCTS.tableSql(), Examples.PRODUCTS.queriesSql(), db, 300);

            nb.show(yours.usage());
            nb.show(yours.proposals());
            assertThat(String.join("\n", shown)).contains("card", "description", Advisor.SINGLE_TABLE, "split_2way");

            yours.prove(200, 2, Progress.NONE);
            nb.show(yours.measured(), yours.recommendation());

            assertThat(yours.advice().candidates()).hasSizeGreaterThan(1);
            assertThat(yours.advice().candidates().get(0).name()).isEqualTo(Advisor.SINGLE_TABLE);
            assertThat(yours.advice().candidates().subList(1, yours.advice().candidates().size()))
                    .allSatisfy(c -> assertThat(c.verdict()).isNotNull());
            assertThat(yours.recommendation()).startsWith("**Recommended: " + yours.advice().recommended());
            assertThat(shown.get(shown.size() - 1)).contains("Recommended");
        }
    }

    @Test
    void askingForTheAdviceBeforeTheProofSaysWhichCellToRun() throws Exception {
        try (NotebookDatabase db = nb.database(ConnectionSpec.of(TestEngine.SQLITE.url()))) {
            YourTable yours = YourTable.of(Examples.USERS.tableSql(), Examples.USERS.queriesSql(), db, 300);

            assertThatThrownBy(yours::recommendation).hasMessageContaining("prove(");
        }
    }
}
