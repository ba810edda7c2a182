package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.stats.Statistic;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A run through an ORM in words and tables: the statements each mapping sent per operation (counted at the driver),
 * what the ORM cost against plain JDBC on the same layout, and whether a split still pays through the ORM, each
 * sentence built from a comparison's verdict ({@link ComparisonProse}) or from a counted figure, never more.
 */
public final class OrmFindings {

    private static final String HIBERNATE = "hibernate";

    private OrmFindings() {
    }

    /**
     * Which arms kept the operation to one statement and which sent more, as counted:
     * {@code login, counted at the driver: 1 statement per operation on monolith, ...; 2 on fragmented:hibernate:one_to_one_inverse.}
     */
    public static String statements(RunResult result, String operation) {
        Map<Double, List<String>> byCount = new LinkedHashMap<>();
        result.measurements().stream().filter(m -> m.operation().equals(operation) && m.statementsPerOp() != null)
                .sorted(java.util.Comparator.comparingDouble(Measurement::statementsPerOp))
                .forEach(m -> byCount.computeIfAbsent(m.statementsPerOp(), n -> new ArrayList<>()).add(m.layout()));
        if (byCount.isEmpty()) {
            return "No statements were counted for " + operation + ".";
        }
        List<String> parts = new ArrayList<>();
        byCount.forEach((count, arms) -> parts.add(statementCount(count) + " per operation on "
                + String.join(", ", arms)));
        return "**" + operation + "**, counted at the driver: " + String.join("; ", parts) + ".";
    }

    /** {@code 1 statement}, {@code 2 statements}, {@code 1.50 statements} (an average over the counted calls). */
    static String statementCount(double count) {
        if (count == Math.rint(count)) {
            return (long) count + (count == 1 ? " statement" : " statements");
        }
        return String.format(java.util.Locale.ROOT, "%.2f statements", count);
    }

    /**
     * Every sentence of a run through the ORM: the statements per login and per profile view, what the ORM cost
     * against plain JDBC, and whether the split still pays through it.
     */
    public static List<String> all(RunResult result) {
        List<String> sentences = new ArrayList<>();
        result.measurements().stream().map(Measurement::operation).distinct()
                .forEach(operation -> sentences.add(statements(result, operation)));
        sentences.addAll(overhead(result));
        sentences.addAll(splitThroughTheOrm(result));
        return sentences;
    }

    /** One sentence per comparison of an ORM arm with plain JDBC on its layout: what the ORM costs there. */
    public static List<String> overhead(RunResult result) {
        return sentences(result, c -> HIBERNATE.equals(c.access()) && "jdbc".equals(c.baselineAccess()));
    }

    /** One sentence per comparison of a split's ORM arm with the ORM on the baseline's layout. */
    public static List<String> splitThroughTheOrm(RunResult result) {
        return sentences(result, c -> HIBERNATE.equals(c.access()) && HIBERNATE.equals(c.baselineAccess()));
    }

    private static List<String> sentences(RunResult result, Predicate<Harness.ComparisonResult> which) {
        double threshold = Findings.threshold(result);
        List<String> sentences = new ArrayList<>();
        for (Harness.ComparisonResult c : result.comparisons()) {
            if (which.test(c) && c.statistic() != Statistic.P99_LATENCY) {
                sentences.add(Findings.verdict(c, threshold));
            }
        }
        return sentences;
    }

    /** The ORM's comparisons as a table: ratio, interval, level and verdict, with both sides' access paths. */
    public static Table comparisons(RunResult result) {
        Table table = Table.create("Through the ORM (cost candidate ÷ baseline; below 1 the candidate is quicker)",
                StringColumn.create("operation"), StringColumn.create("statistic"), StringColumn.create("baseline"),
                StringColumn.create("candidate"), DoubleColumn.create("ratio"), DoubleColumn.create("ci_low"),
                DoubleColumn.create("ci_high"), DoubleColumn.create("confidence"), StringColumn.create("verdict"));
        for (Harness.ComparisonResult c : result.comparisons()) {
            if (!HIBERNATE.equals(c.access())) {
                continue;
            }
            table.stringColumn("operation").append(c.operation());
            table.stringColumn("statistic").append(c.statistic().label());
            table.stringColumn("baseline").append(c.baseline());
            table.stringColumn("candidate").append(c.candidate());
            table.doubleColumn("ratio").append(c.ratio());
            table.doubleColumn("ci_low").append(c.ciLow());
            table.doubleColumn("ci_high").append(c.ciHigh());
            table.doubleColumn("confidence").append(c.confidence());
            table.stringColumn("verdict").append(ComparisonProse.checked(c).verdict().label());
        }
        return table;
    }
}
