package dev.userbench.notebook;

import dev.userbench.bench.Harness;
import dev.userbench.bench.InsertBenchmark;
import dev.userbench.bench.RunOptions;
import dev.userbench.bench.RunResult;
import dev.userbench.report.ResultTables;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layouts;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notebook API as a cell uses it, with the kernel's display functions replaced by a recorder. */
class NotebookTest {

    /** What the kernel was asked to show: display calls in order, and the latest content of every display id. */
    private final List<String> shown = new ArrayList<>();
    private final List<String> redrawn = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** When set, the first redraw of a measured trial interrupts the cell's thread, as a kernel's interrupt does. */
    private volatile String interruptRun;
    private final Notebook nb = Notebook.using((content, mime) -> {
        shown.add(mime + " " + content);
        return "display-" + shown.size();
    }, (id, content, mime) -> {
        redrawn.add(String.valueOf(content));
        if (interruptRun != null && String.valueOf(content).contains("measuring")) {
            Run run = handle(interruptRun);
            interruptRun = null;
            Thread.currentThread().interrupt();
            long until = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < until && !run.cancelled()) {
                Thread.onSpinWait();   // until the watcher has seen the interrupt and cut the connection
            }
        }
    });

    private Run handle(String name) {
        return nb.handle(name);
    }

    private static RunOptions small(ConnectionSpec spec) {
        return RunOptions.defaults(spec).withUsers(200).withLogins(30).withTrials(2).withWarmup(1, 1);
    }

    private String lastShown() {
        return shown.get(shown.size() - 1);
    }

    @Test
    void showsATableAsHtmlSentencesAsBulletsAndAMixedListItemByItem() {
        nb.show(List.of("one", "two"));
        assertThat(lastShown()).startsWith("text/markdown").contains("- one", "- two");
        int before = shown.size();
        nb.show(List.of(tech.tablesaw.api.Table.create("t"), "a finding"));
        assertThat(shown.subList(before, shown.size())).satisfiesExactly(
                table -> assertThat(table).startsWith("text/html").contains("<table"),
                text -> assertThat(text).isEqualTo("text/markdown a finding"));
    }

    @Test
    void aRunThatFailedLeavesNoResultAndACellReadingItSaysWhichCellToRun() {
        ConnectionSpec unreachable = ConnectionSpec.of("jdbc:postgresql://127.0.0.1:9/nobody");

        assertThatThrownBy(() -> nb.run("section 10's run", small(unreachable))).isInstanceOf(Run.RunStoppedException.class)
                .hasMessageContaining("section 10's run failed at");
        Run run = nb.run("the other run", small(TestEngine.SQLITE.connection()));
        assertThat(run.ok()).isTrue();

        Run failed = nb.handle("section 10's run");
        assertThat(failed.state()).isEqualTo(Run.State.FAILED);
        assertThat(redrawn).anySatisfy(html -> assertThat(html).contains("✗ stopped: section 10's run failed at"));
        nb.show(failed, ResultTables::comparisons);
        assertThat(lastShown()).contains("No figures here:", "section 10's run failed at",
                "Run section 10's run's cell first");
        assertThatThrownBy(failed::result).hasMessageContaining("Run section 10's run's cell first");
    }

    @Test
    void anInterruptedReRunEmptiesTheHandleAnEarlierRunFilledAndTheBarSaysItStopped() throws Exception {
        ConnectionSpec spec = TestEngine.SQLITE.connection();
        Run first = nb.run("Part 3's workload run", small(spec));
        RunResult earlier = first.result();
        assertThat(earlier).isNotNull();

        AtomicReference<Throwable> thrown = new AtomicReference<>();
        interruptRun = "Part 3's workload run";
        Thread cell = new Thread(() -> {
            try {
                nb.run("Part 3's workload run", small(spec));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        cell.start();
        cell.join();

        assertThat(thrown.get()).isInstanceOf(Run.RunStoppedException.class).hasMessageContaining("was interrupted at");
        assertThat(first.state()).isEqualTo(Run.State.INTERRUPTED);
        assertThat(first.ok()).isFalse();
        assertThatThrownBy(first::result).hasMessageContaining("was interrupted at");
        assertThat(redrawn.get(redrawn.size() - 1)).contains("✗ stopped: Part 3's workload run interrupted at");
    }

    @Test
    void reRunningANameReusesTheSameHandle() {
        ConnectionSpec spec = TestEngine.SQLITE.connection();
        Run first = nb.run("the A/A run", small(spec));
        Run second = nb.run("the A/A run", small(spec));
        assertThat(second).isSameAs(first);
        assertThat(second.ok()).isTrue();
    }

    @Test
    void theProgressBarTellsWarmUpFromTheMeasuredTrial() throws Exception {
        List<String> drawn = new ArrayList<>();
        ProgressBar bar = new ProgressBar(drawn::add);
        Harness.Arm monolith = new Harness.Arm("monolith", ConnectionSpec.of("jdbc:sqlite:x.db").dialect().sql(Layouts.MONOLITH));

        bar.update("insert seed monolith", 500, 500);
        assertThat(drawn.get(drawn.size() - 1)).contains("warm-up (not measured): insert seed monolith");
        bar.update("seeding monolith", 10, 100);
        assertThat(drawn.get(drawn.size() - 1)).contains("preparing: seeding monolith");
        bar.trials(5).trialStarting(InsertBenchmark.seed(), 2, monolith, null);
        assertThat(drawn.get(drawn.size() - 1)).contains("measuring insert · seed on monolith: trial", "3 / 5");
        bar.update("insert seed monolith", 10_000, 10_000);
        assertThat(drawn.get(drawn.size() - 1)).contains("measuring insert seed monolith (trial 3 / 5)");
        bar.update("warm-up: insert seed monolith", 500, 10_000);
        assertThat(drawn.get(drawn.size() - 1)).contains("warm-up (not measured): insert seed monolith")
                .doesNotContain("warm-up: ");
        bar.update("warm-up: seeding monolith", 10, 100);
        assertThat(drawn.get(drawn.size() - 1)).contains("preparing a warm-up: seeding monolith");
    }

    @Test
    void theDatabaseOpensItsConnectionAgainAfterTheCleanUpCellClosedIt() throws Exception {
        NotebookDatabase db = nb.database(TestEngine.SQLITE.connection());
        Connection before = db.connection();
        db.close();
        assertThat(before.isClosed()).isTrue();
        assertThat(db.connection().isClosed()).isFalse();
        assertThat(db.session().connection().isClosed()).isFalse();
        assertThat(lastShown()).startsWith("text/markdown Measuring on **SQLite");
    }

    @Test
    void requireNamesTheCellToRunWhenAValueIsMissing() {
        assertThatThrownBy(() -> nb.require("section 6's cell", "ok", null)).hasMessageContaining("Run section 6's cell first");
        assertThatThrownBy(() -> nb.require("section 7's cell", List.of())).hasMessageContaining("Run section 7's cell first");
    }

}
