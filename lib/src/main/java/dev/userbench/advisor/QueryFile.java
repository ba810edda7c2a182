package dev.userbench.advisor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workload written as a file: SQL statements with {@code ?} parameters, each ending with {@code ;} and preceded
 * by a comment line {@code -- weight: N} (and optionally {@code -- name: NAME}; otherwise the queries are named
 * q1, q2, ... in order). Other comment lines are ignored.
 */
public final class QueryFile {

    private static final Pattern WEIGHT = Pattern.compile("(?i)^--\\s*weight\\s*:\\s*([0-9]+(?:\\.[0-9]+)?)\\s*$");
    private static final Pattern NAME = Pattern.compile("(?i)^--\\s*name\\s*:\\s*([A-Za-z0-9_.-]+)\\s*$");

    private QueryFile() {
    }

    public static List<WorkloadQuery> parse(String text) {
        List<WorkloadQuery> queries = new ArrayList<>();
        Double weight = null;
        String name = null;
        StringBuilder statement = new StringBuilder();
        int lineNumber = 0;
        int statementLine = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            String trimmed = line.trim();
            if (statement.length() == 0) {
                Matcher w = WEIGHT.matcher(trimmed);
                Matcher n = NAME.matcher(trimmed);
                if (w.matches()) {
                    weight = Double.valueOf(w.group(1));
                    continue;
                }
                if (n.matches()) {
                    name = n.group(1);
                    continue;
                }
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                statementLine = lineNumber;
            }
            statement.append(statement.length() == 0 ? "" : "\n").append(line);
            if (trimmed.endsWith(";")) {
                if (weight == null) {
                    throw new IllegalArgumentException("the statement on line " + statementLine
                            + " has no '-- weight: N' line before it: give each statement its weight");
                }
                String sql = statement.toString().trim();
                sql = sql.substring(0, sql.length() - 1).trim();
                queries.add(new WorkloadQuery(name == null ? "q" + (queries.size() + 1) : name, sql, weight));
                statement.setLength(0);
                weight = null;
                name = null;
            }
        }
        if (statement.length() > 0) {
            throw new IllegalArgumentException("the statement on line " + statementLine + " does not end with ';'");
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("the query file holds no statement: write each as '-- weight: N', then the SQL ending with ';'");
        }
        return List.copyOf(queries);
    }

    /** The queries back as a file this class reads. */
    public static String format(List<WorkloadQuery> queries) {
        StringBuilder text = new StringBuilder();
        for (WorkloadQuery query : queries) {
            text.append("-- name: ").append(query.name()).append('\n')
                    .append("-- weight: ").append(formatWeight(query.weight())).append('\n')
                    .append(query.sql()).append(";\n\n");
        }
        return text.toString();
    }

    static String formatWeight(double weight) {
        return weight == Math.rint(weight) ? Long.toString((long) weight) : Double.toString(weight);
    }
}
