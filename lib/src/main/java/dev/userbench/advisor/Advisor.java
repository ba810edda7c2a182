package dev.userbench.advisor;

import dev.userbench.definition.ColumnGroups;
import dev.userbench.definition.SplitTable;
import dev.userbench.definition.TableDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proposes vertical splits of a table for a workload, by the {@link CostModel} and HillClimb's search (Hankins and
 * Patel, 2003): start with every non-key column in a table of its own; merge, step by step, the two tables whose
 * merge lowers the workload's predicted cost most; go on merging (the cheapest merge) down to the single table, so
 * the path passes through a partition of every size. The proposals are the cheapest partition on the path, the
 * path's two-way and three-way splits (and larger), and the covering-index rival (one table, an index carrying the
 * hottest lookup's columns), each only if the model predicts it at least {@link #MIN_GAIN} cheaper than the single
 * table; the {@code k} cheapest of them follow the single table, which is always first, the baseline. A workload for
 * which nothing beats the single table gets the single table alone: no split.
 */
public final class Advisor {

    /** The least predicted saving a split must promise to be proposed: the model is rough. */
    public static final double MIN_GAIN = 0.05;
    /** Proposals besides the single table, which is always measured as the baseline. */
    public static final int DEFAULT_CANDIDATES = 3;
    public static final String SINGLE_TABLE = "single_table";

    /** One proposed layout with the model's predicted cost per call (bytes) and per query. */
    public record Candidate(String name, ColumnGroups groups, double predictedBytes,
                            List<CostModel.QueryCost> perQuery, SplitTable.CoveringIndex covering, double predictedPages) {
    }

    public static final String COVERING = "single_table_covering";
    private static final int MAX_INDEX_KEY_BYTES = 3000;

    private Advisor() {
    }

    public static List<Candidate> propose(CostModel model, List<AnalyzedQuery> queries, int k) {
        TableDefinition table = model.table();
        ColumnGroups single = ColumnGroups.single(table);
        double singleCost = model.cost(queries, single);
        List<List<String>> groups = new ArrayList<>();
        for (String column : table.nonKeyColumns()) {
            groups.add(new ArrayList<>(List.of(column)));
        }
        Map<Integer, ColumnGroups> pathBySize = new LinkedHashMap<>();
        ColumnGroups best = ColumnGroups.of(table, groups);
        double bestCost = model.cost(queries, best);
        pathBySize.put(groups.size(), best);
        while (groups.size() > 1) {
            double cheapest = Double.POSITIVE_INFINITY;
            List<List<String>> chosen = null;
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    List<List<String>> merged = merge(groups, i, j);
                    double cost = model.cost(queries, ColumnGroups.of(table, merged));
                    if (cost < cheapest - 1e-9) {
                        cheapest = cost;
                        chosen = merged;
                    }
                }
            }
            groups = chosen;
            ColumnGroups state = ColumnGroups.of(table, groups);
            pathBySize.put(groups.size(), state);
            if (cheapest < bestCost - 1e-9) {
                bestCost = cheapest;
                best = state;
            }
        }
        List<ColumnGroups> order = new ArrayList<>();
        order.add(best);
        for (int size = 2; size <= table.nonKeyColumns().size(); size++) {
            if (pathBySize.containsKey(size)) {
                order.add(pathBySize.get(size));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(candidate(SINGLE_TABLE, single, null, model, queries));
        List<ColumnGroups> taken = new ArrayList<>();
        for (ColumnGroups groupsOf : order) {
            if (taken.size() >= Math.max(0, k) || groupsOf.singleTable() || taken.contains(groupsOf)) {
                continue;
            }
            double cost = model.cost(queries, groupsOf);
            if (cost <= singleCost * (1 - MIN_GAIN)) {
                taken.add(groupsOf);
            }
        }
        List<Candidate> proposed = new ArrayList<>();
        for (ColumnGroups groupsOf : taken) {
            proposed.add(candidate("split_" + groupsOf.groups().size() + "way" + suffix(proposed, groupsOf),
                    groupsOf, null, model, queries));
        }
        covering(model, queries).filter(c -> model.cost(queries, single, c) <= singleCost * (1 - MIN_GAIN))
                .ifPresent(c -> proposed.add(candidate(COVERING, single, c, model, queries)));
        proposed.sort(Comparator.comparingDouble(Candidate::predictedBytes));
        candidates.addAll(proposed.subList(0, Math.min(proposed.size(), Math.max(0, k))));
        return List.copyOf(candidates);
    }

    /**
     * The covering-index rival: keep one table and give the most frequent lookup that reads a few columns an index on
     * its lookup column carrying them, so that it never reads the row. Only for narrow columns an index can hold on
     * every engine (no undeclared text, binary or json).
     */
    static java.util.Optional<SplitTable.CoveringIndex> covering(CostModel model, List<AnalyzedQuery> queries) {
        TableDefinition table = model.table();
        return queries.stream()
                .filter(q -> q.kind() == AnalyzedQuery.Kind.SELECT && q.pointLookup())
                .sorted(Comparator.comparingDouble((AnalyzedQuery q) -> -q.query().weight()))
                .map(q -> {
                    // in the table's column order: a set's own order changes from one JVM to the next, and every
                    // fork of a proof must propose the same candidates
                    String lookup = table.ordered(q.pinned()).stream().filter(c -> !table.isKey(c) && table.isUnique(c)).findFirst()
                            .orElse(table.primaryKey().size() == 1 && q.pinned().contains(table.primaryKey().get(0))
                                    ? table.primaryKey().get(0) : null);
                    if (lookup == null) {
                        return null;
                    }
                    List<String> include = table.ordered(new java.util.LinkedHashSet<>(q.columns())).stream()
                            .filter(c -> !c.equals(lookup) && !table.isKey(c)).toList();
                    // InnoDB keys hold at most 3072 bytes, 4 per utf8mb4 character
                    boolean narrow = include.stream().map(table::column).allMatch(c -> c.kind().fixedBytes() > 0
                            || (c.kind() == dev.userbench.model.ColumnKind.TEXT && c.length() != null))
                            && q.columns().stream().map(table::column).mapToInt(c -> c.kind().fixedBytes() > 0
                                    ? c.kind().fixedBytes() : 4 * c.length()).sum() <= MAX_INDEX_KEY_BYTES;
                    return narrow && !include.isEmpty() ? new SplitTable.CoveringIndex(lookup, include) : null;
                })
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private static String suffix(List<Candidate> candidates, ColumnGroups groups) {
        long same = candidates.stream().filter(c -> c.groups().groups().size() == groups.groups().size()).count();
        return same == 0 ? "" : "_" + (same + 1);
    }

    private static Candidate candidate(String name, ColumnGroups groups, SplitTable.CoveringIndex covering,
                                       CostModel model, List<AnalyzedQuery> queries) {
        List<CostModel.QueryCost> costs = model.costs(queries, groups, covering);
        double weights = queries.stream().mapToDouble(q -> q.query().weight()).sum();
        double pages = 0;
        for (int i = 0; i < queries.size(); i++) {
            pages += queries.get(i).query().weight() * costs.get(i).pages() / weights;
        }
        return new Candidate(name, groups, model.cost(queries, groups, covering), costs, covering, pages);
    }

    private static List<List<String>> merge(List<List<String>> groups, int i, int j) {
        List<List<String>> merged = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (g == i) {
                List<String> union = new ArrayList<>(groups.get(i));
                union.addAll(groups.get(j));
                merged.add(union);
            } else if (g != j) {
                merged.add(groups.get(g));
            }
        }
        return merged;
    }
}
