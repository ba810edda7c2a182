package dev.userbench.report;

import dev.userbench.bench.Environment;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.RunResult;

import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * report.html: a run's results as one self-contained page (plotly.js inlined when the build bundled it, a static
 * picture inside every chart either way), written beside results.json. Its charts come from {@link RunCharts}, as
 * the notebook's do.
 */
public final class RunReport {

    public static final String FILE = "report.html";

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private RunReport() {
    }

    /** The page for a run: what was measured where, the data check, verdicts, charts and tables. */
    public static HtmlPage page(RunResult result) {
        return page(result, java.util.Optional.empty());
    }

    /** The page, citing what {@code userbench calibrate} found on this machine when there is a calibration. */
    public static HtmlPage page(RunResult result, java.util.Optional<dev.userbench.bench.Calibration> calibration) {
        Environment environment = result.environment();
        List<String> layouts = result.measurements().stream().map(Measurement::layout).distinct().toList();
        HtmlPage page = HtmlPage.titled("user-entity-bench: " + String.join(" vs ", layouts)
                + (environment == null ? "" : " on " + environment.engine()));
        if (environment != null) {
            page = page.paragraph(environment.engineVersion() + " through " + environment.driver() + " "
                    + environment.driverVersion() + " at " + environment.jdbcUrl() + "; "
                    + Prose.count(environment.users()) + " users, " + Prose.count(environment.logins())
                    + " logins, seed " + environment.seed() + ", " + environment.options().get("trials")
                    + " trials" + (environment.options().get("forks") instanceof Number forks && forks.intValue() > 1
                    ? " in each of " + forks + " forks" : "") + "; " + environment.cacheState() + "; started " + environment.startedAt() + " on "
                    + environment.cpus() + " × " + environment.cpuModel() + ", " + environment.jvm() + ".");
        }
        if (!result.complete() && result.failure() != null) {
            page = page.raw("<p><strong>The run failed</strong> during " + Html.escape(result.failure().phase())
                    + ": " + Html.escape(result.failure().reason()) + ". What it finished is shown.</p>");
        }
        if (result.dataCheck() != null) {
            page = page.heading("Data check").raw(paragraph(Findings.dataCheck(result.dataCheck())))
                    .table(CheckTables.dataCheck(result.dataCheck()));
        }
        if (!result.comparisons().isEmpty()) {
            page = page.heading("How sure are we?");
            for (String sentence : Findings.verdicts(result)) {
                page = page.raw(paragraph(sentence));
            }
            page = page.raw(paragraph(Findings.verdictSummary(result)))
                    .raw(paragraph(verdictRule(result)))
                    .raw(paragraph(calibration.map(CalibrationCitation::sentence).orElse(
                            "**What this machine can tell apart** was not measured: `userbench calibrate` with the "
                            + "same connection says how often its verdicts are wrong and which differences it can see.")))
                    .chart(RunCharts.ratioIntervals(result))
                    .table(ResultTables.comparisons(result));
        }
        page = memory(page, result);
        if (!result.measurements().isEmpty()) {
            page = page.heading("Time per operation and latency").chart(RunCharts.timePerCall(result.measurements()));
            for (String operation : result.measurements().stream().map(Measurement::operation).distinct().toList()) {
                page = page.chart(RunCharts.latencyPercentiles(result.measurements(), operation));
            }
            page = page.heading("Measurements").table(ResultTables.measurements(result));
            tech.tablesaw.api.Table counted = ResultTables.statementsPerOperation(result.measurements());
            if (!counted.isEmpty()) {
                page = page.heading("Statements per operation").table(counted);
            }
        }
        return page;
    }

    /** The verdict rule, as {@code --help} and the README state it, with this run's threshold, alpha and levels. */
    static String verdictRule(RunResult result) {
        double lowest = result.comparisons().stream().mapToDouble(c -> c.confidence()).min().orElse(Double.NaN);
        double highest = result.comparisons().stream().mapToDouble(c -> c.confidence()).max().orElse(Double.NaN);
        return "**How verdicts are decided.** " + VerdictRule.stated(Findings.threshold(result), Findings.alpha(result),
                result.comparisons().size(), lowest, highest);
    }

    /** The memory half: storage, pages per call of every benchmark and workload, heap of fetched rows, the sweep. */
    private static HtmlPage memory(HtmlPage page, RunResult result) {
        if (result.footprint().isEmpty() && result.workingSet().isEmpty()) {
            return page;
        }
        page = page.heading("Memory");
        if (!result.footprint().isEmpty()) {
            page = page.raw(paragraph(Findings.footprint(result.footprint())));
        }
        if (!result.workingSet().isEmpty()) {
            page = page.raw(paragraph(Findings.workingSetCaveat(result.workingSet())))
                    .table(CheckTables.workingSet(result.workingSet()));
        }
        if (result.heap() != null) {
            page = page.raw(paragraph(Findings.heap(result.heap())));
            if (!result.heap().rows().isEmpty()) {
                page = page.table(CheckTables.heapPerQuery(result.heap()));
            }
        }
        if (result.cacheSweep() != null) {
            Table sweep = CheckTables.cacheSweep(result);
            if (sweep.rowCount() > 0) {
                page = page.chart(RunCharts.cacheSweepThroughput(result)).chart(RunCharts.cacheSweepPages(result))
                        .table(sweep);
            }
        }
        return page.raw(paragraph(Findings.memoryVerdict(result)));
    }

    /** Writes report.html into {@code directory} and returns its path. */
    public static Path write(RunResult result, Path directory) throws IOException {
        // the run's folder sits beside the other runs', calibrate's among them
        Path results = directory.toAbsolutePath().getParent();
        return page(result, CalibrationCitation.latest(results, result.environment())).write(directory.resolve(FILE));
    }

    /** A finding's Markdown emphasis (**bold**, `code`) as HTML, everything else escaped. */
    public static String paragraph(String markdownSentence) {
        String html = Html.escape(markdownSentence);
        html = BOLD.matcher(html).replaceAll("<strong>$1</strong>");
        html = CODE.matcher(html).replaceAll("<code>$1</code>");
        return "<p>" + html + "</p>";
    }
}
