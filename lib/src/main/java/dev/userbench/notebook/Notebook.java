package dev.userbench.notebook;

import dev.userbench.bench.RunOptions;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.workload.WorkloadPlan;
import dev.userbench.report.Chart;
import dev.userbench.report.HtmlTables;
import dev.userbench.report.NotebookDisplay;
import dev.userbench.report.PlotlyJs;
import dev.userbench.report.Prose;
import dev.userbench.schema.ConnectionSpec;
import tech.tablesaw.api.Table;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The notebook's side of the jar. A cell creates it once with the kernel's display functions,
 * <pre>{@code Notebook nb = Notebook.using((content, mime) -> display(content, mime),
 *         (id, content, mime) -> updateDisplay(id, content, mime));}</pre>
 * and from then on shows things with {@code nb.show(...)}, which returns nothing: no display id to assign, no stray
 * {@code Out[]}.
 */
public final class Notebook {

    /** The kernel's {@code display(content, mime)}: shows content and returns its display id. */
    @FunctionalInterface
    public interface Shows {
        String display(Object content, String mime);
    }

    /** The kernel's {@code updateDisplay(id, content, mime)}: replaces what an earlier display showed. */
    @FunctionalInterface
    public interface Redraws {
        void updateDisplay(String id, Object content, String mime);
    }

    private final Shows shows;
    private final Redraws redraws;
    /** One handle per run name, kept across re-runs: a variable holding it sees the latest state, never a stale result. */
    private final Map<String, Run> runs = new LinkedHashMap<>();

    private Notebook(Shows shows, Redraws redraws) {
        this.shows = shows;
        this.redraws = redraws;
    }

    /** Takes the kernel's display functions and loads plotly.js once (inlined from the jar: charts draw offline). */
    public static Notebook using(Shows display, Redraws updateDisplay) {
        Notebook notebook = new Notebook(display, updateDisplay);
        notebook.html(PlotlyJs.fromClasspath().loaderHtml());
        return notebook;
    }

    /**
     * Shows what it is given the way it reads best: a Tablesaw table as an HTML table, a chart drawn by plotly (with
     * its static picture until plotly runs), a list of sentences as bullets, anything else as Markdown text.
     */
    public void show(Object content) {
        if (content instanceof Table table) {
            html(HtmlTables.html(table));
        } else if (content instanceof Chart chart) {
            html(chart.html());
        } else if (content instanceof Collection<?> items && items.stream().allMatch(CharSequence.class::isInstance)) {
            markdown(Prose.bullets(items.stream().map(String::valueOf).toList()));
        } else if (content instanceof Collection<?> items) {
            items.forEach(this::show);   // a table, a chart and a finding: each in turn
        } else if (content != null) {
            markdown(String.valueOf(content));
        }
    }

    /** Shows each in turn. */
    public void show(Object first, Object... more) {
        show(first);
        for (Object next : more) {
            show(next);
        }
    }

    /**
     * Shows what {@code view} makes of the run's result; when the run has none (never ran, failed or was interrupted),
     * says which cell to run instead of drawing anything.
     */
    public void show(Run run, Function<RunResult, ?> view) {
        if (run == null) {
            markdown(Run.NEVER_STARTED);
        } else if (run.ok()) {
            show(view.apply(run.result()));
        } else {
            markdown(run.missing());
        }
    }

    /** Like {@link #show(Run, Function)} over two runs, when a view needs both. */
    public void show(Run first, Run second, java.util.function.BiFunction<RunResult, RunResult, ?> view) {
        if (first == null || second == null) {
            markdown(Run.NEVER_STARTED);
        } else if (!first.ok()) {
            markdown(first.missing());
        } else if (!second.ok()) {
            markdown(second.missing());
        } else {
            show(view.apply(first.result(), second.result()));
        }
    }

    /**
     * Throws, naming the cell to run, when a value an earlier cell measures is missing (null, or an empty list): a
     * cell interrupted part-way leaves its results empty, never an earlier run's.
     */
    public void require(String cell, Object... values) {
        for (Object value : values) {
            if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
                throw new IllegalStateException("no figures of " + cell + ": it did not finish since it last started. "
                        + "Run " + cell + " first, then this cell.");
            }
        }
    }

    /** SQL in a fenced block, as the engine runs it. */
    public void sql(String sql) {
        markdown(NotebookDisplay.fenced("sql", sql));
    }

    /** SQL statements, one after the other in one fenced block. */
    public void sql(List<String> statements) {
        sql(String.join("\n", statements));
    }

    public void markdown(String markdown) {
        shows.display(markdown, "text/markdown");
    }

    public void html(String html) {
        shows.display(html, "text/html");
    }

    /** A progress bar shown now and redrawn in place; see {@link ProgressBar}. */
    public ProgressBar progress(String starting) {
        String id = shows.display(NotebookDisplay.progressBar(starting, 0, 1), "text/html");
        return new ProgressBar(html -> redraws.updateDisplay(id, html, "text/html"));
    }

    /** The database the notebook measures, shown (engine, driver, masked URL) and opened. */
    public NotebookDatabase database(ConnectionSpec spec) {
        NotebookDatabase database = new NotebookDatabase(spec);
        markdown(database.described());
        return database;
    }

    /** The handle of the run named {@code cell}: the same object on every call; not run yet if it never ran. */
    public Run handle(String cell) {
        return runs.computeIfAbsent(cell, Run::new);
    }

    /** The study's benchmarks (inserts, logins, and the memory figures the options ask for) as a named run; see {@link Run}. */
    public Run run(String cell, RunOptions options) {
        return run(cell, options, null);
    }

    /**
     * Runs the options' benchmarks and the plan's workloads (null: the study's benchmarks) with a progress bar, under
     * the name {@code cell} (what a later cell tells the reader to run, e.g. "section 10's run"). The handle is the
     * same object on every re-run of that name and is emptied before the run starts, so a variable holding it never
     * shows an earlier run's data. An interrupt or failure leaves the bar saying where it stopped and is thrown on.
     */
    public Run run(String cell, RunOptions options, WorkloadPlan plan) {
        Run run = handle(cell);
        run.execute(options, plan, progress("starting " + cell));
        return run;
    }
}
