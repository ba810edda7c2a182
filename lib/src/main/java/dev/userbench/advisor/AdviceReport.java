package dev.userbench.advisor;

import dev.userbench.bench.Harness;
import dev.userbench.bench.stats.Comparison;
import dev.userbench.report.ComparisonProse;
import dev.userbench.report.HtmlPage;
import dev.userbench.report.Prose;
import dev.userbench.report.RunReport;
import dev.userbench.report.VerdictRule;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * report.html of {@code advise}: the recommendation, each candidate's column groups, the model's predicted cost
 * beside the measured one with its interval and verdict, storage and pages, the model's cost per query, and the
 * verdict rule. Every sentence about a difference is the harness's verdict in {@link ComparisonProse}'s words.
 */
public final class AdviceReport {

    private AdviceReport() {
    }

    public static HtmlPage page(AdviceRun.Result result, double threshold) {
        Advice advice = result.advice();
        AdviceRun.Setup setup = result.environment();
        HtmlPage page = HtmlPage.titled("user-entity-bench advise: " + advice.table() + " on " + setup.engine())
                .paragraph(setup.engine() + " " + setup.engineVersion() + " at " + setup.jdbcUrl() + "; "
                        + Prose.count(setup.rows()) + " rows per layout, " + Prose.count(setup.ops())
                        + " calls per trial, " + setup.trials() + " trials per layout"
                        + (setup.forks() > 1 ? " in each of " + setup.forks() + " forks" : "") + ", "
                        + setup.distribution() + " keys, seed " + setup.seed() + "; started " + setup.startedAt() + ".")
                .heading("Recommendation")
                .raw(RunReport.paragraph("**Recommended: " + advice.recommended() + "** — " + advice.reason()))
                .heading("Candidates: predicted and measured")
                .table(candidates(advice));
        List<Harness.ComparisonResult> comparisons = result.comparisons();
        if (!comparisons.isEmpty()) {
            page = page.heading("How sure are we?");
            for (Advice.Candidate candidate : advice.candidates()) {
                if (candidate.comparisons() != null) {
                    for (Harness.ComparisonResult c : candidate.comparisons()) {
                        page = page.raw(RunReport.paragraph(candidate.name() + " "
                                + ComparisonProse.sentence(c, threshold)));
                    }
                }
            }
            double lowest = comparisons.stream().mapToDouble(Harness.ComparisonResult::confidence).min().orElse(Double.NaN);
            double highest = comparisons.stream().mapToDouble(Harness.ComparisonResult::confidence).max().orElse(Double.NaN);
            page = page.raw(RunReport.paragraph("**How verdicts are decided.** " + VerdictRule.stated(threshold,
                    Comparison.DEFAULT_ALPHA, comparisons.size(), lowest, highest)));
        }
        return page.heading("The model's cost per query").paragraph("Bytes a call touches in each layout, as the "
                        + "cost model predicts them before anything is measured; where the measurement disagrees, the "
                        + "model was wrong.")
                .table(perQuery(advice));
    }

    /** Writes report.html into {@code directory} and returns its path. */
    public static Path write(AdviceRun.Result result, double threshold, Path directory) throws IOException {
        return page(result, threshold).write(directory.resolve(RunReport.FILE));
    }

    static Table candidates(Advice advice) {
        StringColumn name = StringColumn.create("candidate");
        StringColumn groups = StringColumn.create("column groups (each with the key)");
        DoubleColumn predicted = DoubleColumn.create("predicted × single table");
        DoubleColumn mean = DoubleColumn.create("measured µs/call");
        DoubleColumn measured = DoubleColumn.create("measured × single table");
        StringColumn interval = StringColumn.create("interval");
        StringColumn verdict = StringColumn.create("verdict");
        DoubleColumn storage = DoubleColumn.create("storage MiB");
        StringColumn pages = StringColumn.create("pages/call predicted / counted");
        for (Advice.Candidate c : advice.candidates()) {
            name.append(c.name());
            groups.append(c.columnGroups().stream().map(g -> "{" + String.join(", ", g) + "}")
                    .collect(Collectors.joining(" ")) + (c.coveringIndex() == null ? ""
                    : " + index (" + String.join(", ", c.coveringIndex()) + ")"));
            predicted.append(round(c.predictedRatio()));
            mean.append(c.measuredMeanUs() == null ? null : round(c.measuredMeanUs()));
            measured.append(c.measuredRatio() == null ? null : round(c.measuredRatio()));
            interval.append(c.ciLow() == null ? "" : Prose.interval(c.ciLow(), c.ciHigh()) + " ("
                    + Prose.level(c.confidence()) + ")");
            verdict.append(c.verdict() == null ? (c.measuredRatio() == null && c.measuredMeanUs() != null ? "baseline" : "")
                    : c.verdict().label());
            storage.append(c.storageBytes() == null ? null : round(c.storageBytes() / 1048576.0));
            pages.append((c.predictedPages() == null ? "-" : String.valueOf(round(c.predictedPages()))) + " / "
                    + (c.measuredPages() == null ? "-" : String.valueOf(round(c.measuredPages()))));
        }
        return Table.create("Candidates against the single table", name, groups, predicted, mean, measured, interval,
                verdict, storage, pages);
    }

    static Table perQuery(Advice advice) {
        Table table = Table.create("Predicted bytes per call");
        StringColumn query = StringColumn.create("query");
        List<CostModel.QueryCost> first = advice.candidates().get(0).predictedPerQuery();
        first.forEach(q -> query.append(q.query()));
        table.addColumns(query);
        for (Advice.Candidate c : advice.candidates()) {
            DoubleColumn bytes = DoubleColumn.create(c.name());
            for (CostModel.QueryCost q : first) {
                bytes.append(c.predictedPerQuery().stream().filter(p -> p.query().equals(q.query())).findFirst()
                        .map(p -> (double) Math.round(p.bytes())).orElse(null));
            }
            table.addColumns(bytes);
        }
        return table;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
