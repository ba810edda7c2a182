package dev.userbench.advisor;

import dev.userbench.definition.ColumnGroups;
import dev.userbench.definition.TableDefinition;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The advisor's proposals and the proof's advice as plain text, for the console and the notebook. */
public final class AdviceText {

    private AdviceText() {
    }

    /** The column-usage matrix: one row per query, an {@code x} where it names the column, {@code w} where it writes it. */
    public static String usage(TableDefinition table, List<AnalyzedQuery> queries) {
        StringBuilder text = new StringBuilder();
        int width = queries.stream().mapToInt(q -> q.query().name().length()).max().orElse(5) + 2;
        text.append(String.format(Locale.ROOT, "%-" + width + "s%7s", "query", "weight"));
        List<String> columns = table.columnNames();
        for (int c = 0; c < columns.size(); c++) {
            text.append(String.format(Locale.ROOT, " %3s", "c" + (c + 1)));
        }
        text.append('\n');
        for (AnalyzedQuery query : queries) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s%7s", query.query().name(),
                    QueryFile.formatWeight(query.query().weight())));
            Set<String> written = query.kind() == AnalyzedQuery.Kind.DELETE ? Set.of() : query.written();
            for (String column : columns) {
                text.append(String.format(Locale.ROOT, " %3s", written.contains(column) ? "w"
                        : query.read().contains(column) ? "x" : "."));
            }
            text.append('\n');
        }
        for (int c = 0; c < columns.size(); c++) {
            text.append(c == 0 ? "columns: " : ", ").append("c").append(c + 1).append('=').append(columns.get(c));
        }
        return text.append('\n').toString();
    }

    public static String candidates(List<Advisor.Candidate> candidates) {
        StringBuilder text = new StringBuilder();
        double single = candidates.get(0).predictedBytes();
        for (Advisor.Candidate candidate : candidates) {
            text.append(String.format(Locale.ROOT, "%-22s predicted %,.0f bytes per call (%.2f x the single table)%n",
                    candidate.name(), candidate.predictedBytes(), candidate.predictedBytes() / single));
            text.append("    tables: ").append(groups(candidate.groups()));
            if (candidate.covering() != null) {
                text.append(" with an index on ").append(candidate.covering().lookup()).append(" carrying ")
                        .append(String.join(", ", candidate.covering().include()));
            }
            text.append('\n');
            for (CostModel.QueryCost cost : candidate.perQuery()) {
                text.append(String.format(Locale.ROOT, "    %-40s %,10.0f bytes, %,.0f pages%n",
                        cost.why().length() > 40 ? cost.query() : cost.why(), cost.bytes(), cost.pages()));
                if (cost.why().length() > 40) {
                    text.append("      ").append(cost.why()).append('\n');
                }
            }
        }
        return text.toString();
    }

    public static String groups(ColumnGroups groups) {
        return groups.toString();
    }

    /** Predicted against measured, per candidate, then the recommendation. */
    public static String advice(Advice advice) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-22s %10s %12s %17s %12s  %s%n", "candidate", "predicted", "measured",
                "pages/call pred.", "storage MiB", "verdict against the single table (interval)"));
        for (Advice.Candidate c : advice.candidates()) {
            String measured = c.measuredRatio() == null ? (c.measuredMeanUs() == null ? "-"
                    : String.format(Locale.ROOT, "%.1f us/op", c.measuredMeanUs()))
                    : String.format(Locale.ROOT, "%.2f x", c.measuredRatio());
            String verdict = c.verdict() == null ? "baseline" : String.format(Locale.ROOT, "%s (%.0f %% interval %.2f-%.2f)",
                    c.verdict(), c.confidence() * 100, c.ciLow(), c.ciHigh());
            String pages = String.format(Locale.ROOT, "%.1f / %s", c.predictedPages(),
                    c.measuredPages() == null ? "-" : String.format(Locale.ROOT, "%.1f", c.measuredPages()));
            text.append(String.format(Locale.ROOT, "%-22s %8.2f x %12s %17s %12s  %s%n", c.name(), c.predictedRatio(), measured, pages,
                    c.storageBytes() == null ? "-" : String.format(Locale.ROOT, "%.1f", c.storageBytes() / 1048576.0), verdict));
        }
        text.append("(pages per call: the model's / counted in an untimed pass after the trials; '-' where the engine "
                + "counts no pages touched)\n");
        text.append("Recommended: ").append(advice.recommended()).append(" — ").append(advice.reason()).append('\n');
        return text.toString();
    }

    static String widths(Map<String, Double> widths) {
        StringBuilder text = new StringBuilder();
        widths.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(Math.round(v)));
        return text.toString();
    }
}
