package dev.userbench.notebook;

import dev.userbench.bench.Measurement;
import dev.userbench.bench.RunResult;
import dev.userbench.report.CalibrationCitation;
import dev.userbench.report.Findings;
import dev.userbench.schema.LayoutSql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Small pieces of text and arithmetic a notebook cell would otherwise spell out. */
public final class Figures {

    private Figures() {
    }

    /**
     * The ratio candidate ÷ baseline of median per-call latency among measurements of one variant, e.g.
     * {@code medianRatio(logins, "projected", "fragmented", "monolith")}.
     */
    public static double medianRatio(List<Measurement> measurements, String variant, String candidate, String baseline) {
        return median(measurements, variant, candidate) / median(measurements, variant, baseline);
    }

    private static double median(List<Measurement> measurements, String variant, String layout) {
        return measurements.stream().filter(m -> m.layout().equals(layout) && m.variant().equals(variant))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + variant + " measurement of " + layout))
                .p50Us();
    }

    /**
     * What {@code userbench calibrate} found for this run's database, from the repository's {@code temp/results}
     * (the notebook runs in {@code notebooks/}), or a sentence saying it was not measured.
     */
    public static String calibration(RunResult result) {
        return CalibrationCitation.latest(Path.of("..", "temp", "results").toAbsolutePath().normalize(),
                        result.environment()).map(CalibrationCitation::sentence)
                .orElse("**What this machine can tell apart** was not measured: `./userbench calibrate` with the same "
                        + "database says how often these verdicts are wrong and which differences it can see.");
    }

    /** The INSERT of every table of the layouts, as the jar's batched insert sends them. */
    public static List<String> inserts(LayoutSql... layouts) {
        List<String> statements = new ArrayList<>();
        for (LayoutSql sql : layouts) {
            sql.layout().tables().forEach(table -> statements.add(sql.insert(table) + ";"));
        }
        return statements;
    }

    /** Per layout the study's login query (every column) and the projected one (only the login columns). */
    public static List<String> loginQueries(LayoutSql... layouts) {
        List<String> statements = new ArrayList<>();
        for (LayoutSql sql : layouts) {
            statements.add("-- " + sql.layout().name() + ", the study's query\n" + sql.loginWholeRow().script());
            statements.add("-- " + sql.layout().name() + ", only the login columns\n" + sql.loginProjected().script());
        }
        return statements;
    }

    /** The data check of a workload run and whether every layout stayed consistent after each writing workload. */
    public static String workloadChecks(RunResult result) {
        String workloads = result.workloadChecks().stream().map(RunResult.WorkloadCheck::workload)
                .collect(Collectors.joining(", "));
        return Findings.dataCheck(result.dataCheck()) + "\n\n"
                + (result.workloadChecksHold() ? "**Consistency held** after every writing workload ("
                : "**Consistency FAILED** after a writing workload (") + workloads
                + "): every table has as many rows as its layout's others and no profile row lacks its auth row.";
    }

    /** "a", "a and b", "a, b and c". */
    static String inWords(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
