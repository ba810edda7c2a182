package dev.userbench.notebook;

import dev.userbench.advisor.Advice;
import dev.userbench.advisor.AdviceRun;
import dev.userbench.advisor.AdviceText;
import dev.userbench.advisor.Advisor;
import dev.userbench.advisor.AnalyzedQuery;
import dev.userbench.advisor.CostModel;
import dev.userbench.advisor.QueryFile;
import dev.userbench.advisor.WorkloadQuery;
import dev.userbench.definition.DdlParser;
import dev.userbench.definition.TableDefinition;
import dev.userbench.report.NotebookDisplay;
import dev.userbench.seed.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Part 6 of the notebook, "Your table": a CREATE TABLE and a query list from two cells, the advisor's proposals
 * for the notebook's engine, and their proof on it through the harness, shown as tables and sentences.
 */
public final class YourTable {

    private final TableDefinition table;
    private final List<WorkloadQuery> queries;
    private final NotebookDatabase db;
    private final AdviceRun.Settings settings;
    private AdviceRun.Result result;

    private YourTable(TableDefinition table, List<WorkloadQuery> queries, NotebookDatabase db, AdviceRun.Settings settings) {
        this.table = table;
        this.queries = queries;
        this.db = db;
        this.settings = settings;
    }

    /** The table and queries as written in the cells, for the notebook's database, with {@code rows} rows seeded. */
    public static YourTable of(String createTable, String queries, NotebookDatabase db, long rows) {
        return new YourTable(DdlParser.parse(createTable), QueryFile.parse(queries), db,
                AdviceRun.Settings.defaults().withRows(rows));
    }

    public TableDefinition table() {
        return table;
    }

    /** The column-usage matrix: which query reads (x) or writes (w) which column. */
    public String usage() {
        List<AnalyzedQuery> analyzed = AdviceRun.analyze(table, queries);
        return NotebookDisplay.fenced("text", AdviceText.usage(table, analyzed));
    }

    public List<Advisor.Candidate> candidates() {
        return AdviceRun.propose(table, queries, db.dialect().engine(), settings);
    }

    /** The proposals: each candidate's tables and the model's predicted bytes per call of each query. */
    public Table proposals() {
        List<Advisor.Candidate> candidates = candidates();
        Table shown = Table.create("Proposed layouts of " + table.name() + " (the model's cost per call)",
                StringColumn.create("candidate"), StringColumn.create("tables (key left out)"),
                DoubleColumn.create("predicted bytes per call"), DoubleColumn.create("× single table"));
        for (Advisor.Candidate c : candidates) {
            shown.stringColumn(0).append(c.name());
            shown.stringColumn(1).append(c.groups() + (c.covering() == null ? ""
                    : " + index (" + String.join(", ", c.covering().columns()) + ")"));
            shown.doubleColumn(2).append(Math.round(c.predictedBytes()));
            shown.doubleColumn(3).append(Math.round(100 * c.predictedBytes() / candidates.get(0).predictedBytes()) / 100.0);
        }
        for (WorkloadQuery query : queries) {
            DoubleColumn column = DoubleColumn.create(query.name() + " bytes");
            for (Advisor.Candidate c : candidates) {
                column.append(Math.round(c.perQuery().stream().filter(q -> q.query().equals(query.name()))
                        .mapToDouble(CostModel.QueryCost::bytes).sum()));
            }
            shown.addColumns(column);
        }
        return shown;
    }

    /** Seeds every candidate, runs the queries on each through the harness, and keeps the result. */
    public YourTable prove(long ops, int trials, Progress progress) throws SQLException {
        AdviceRun.Settings measured = settings.withOps(ops).withTrials(trials, 1, 2);
        result = AdviceRun.prove(db.spec(), table, queries, measured, progress);
        return this;
    }

    /** Predicted against measured per candidate, with its verdict against the single table. */
    public Table measured() {
        Advice advice = advice();
        Table shown = Table.create("Predicted and measured, against the single table",
                StringColumn.create("candidate"), DoubleColumn.create("predicted ×"), DoubleColumn.create("measured ×"),
                StringColumn.create("interval"), StringColumn.create("verdict"), DoubleColumn.create("storage MiB"),
                DoubleColumn.create("pages per call, model"), DoubleColumn.create("pages per call, counted"));
        for (Advice.Candidate c : advice.candidates()) {
            shown.stringColumn(0).append(c.name());
            shown.doubleColumn(1).append(Math.round(100 * c.predictedRatio()) / 100.0);
            shown.doubleColumn(2).append(c.measuredRatio() == null ? 1.0 : Math.round(100 * c.measuredRatio()) / 100.0);
            shown.stringColumn(3).append(c.ciLow() == null ? "baseline" : String.format(Locale.ROOT, "%.0f %%: %.2f–%.2f",
                    100 * c.confidence(), c.ciLow(), c.ciHigh()));
            shown.stringColumn(4).append(c.verdict() == null ? "" : c.verdict().label());
            shown.doubleColumn(5).append(c.storageBytes() == null ? Double.NaN
                    : Math.round(10 * c.storageBytes() / 1048576.0) / 10.0);
            shown.doubleColumn(6).append(Math.round(10 * c.predictedPages()) / 10.0);
            shown.doubleColumn(7).append(c.measuredPages() == null ? Double.NaN : Math.round(10 * c.measuredPages()) / 10.0);
        }
        return shown;
    }

    /** The recommendation, as the verdicts give it. */
    public String recommendation() {
        Advice advice = advice();
        return "**Recommended: " + advice.recommended() + "** — " + advice.reason();
    }

    public Advice advice() {
        if (result == null) {
            throw new IllegalStateException("the proof has not run: run the cell that calls prove(...) first");
        }
        return result.advice();
    }
}
