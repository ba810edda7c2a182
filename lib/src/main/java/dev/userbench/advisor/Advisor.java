package dev.userbench.advisor;

import dev.userbench.definition.ColumnGroups;
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
 * the path passes through a partition of every size. The candidates are the cheapest partition on the path, then
 * the path's two-way and three-way splits (and larger), each only if the model predicts it at least
 * {@link #MIN_GAIN} cheaper than the single table, at most {@code k - 1} of them; the single table is always the
 * baseline. A workload for which nothing beats the single table gets the single table alone: no split.
 */
public final class Advisor {

    /** The least predicted saving a split must promise to be proposed: the model is rough. */
    public static final double MIN_GAIN = 0.05;
    public static final int DEFAULT_CANDIDATES = 3;
    public static final String SINGLE_TABLE = "single_table";

    /** One proposed layout with the model's predicted cost per call (bytes) and per query. */
    public record Candidate(String name, ColumnGroups groups, double predictedBytes,
                            List<CostModel.QueryCost> perQuery) {
    }

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
        candidates.add(candidate(SINGLE_TABLE, single, model, queries));
        List<ColumnGroups> taken = new ArrayList<>();
        for (ColumnGroups groupsOf : order) {
            if (taken.size() >= Math.max(0, k - 1) || groupsOf.singleTable() || taken.contains(groupsOf)) {
                continue;
            }
            double cost = model.cost(queries, groupsOf);
            if (cost <= singleCost * (1 - MIN_GAIN)) {
                taken.add(groupsOf);
            }
        }
        taken.sort(Comparator.comparingDouble(g -> model.cost(queries, g)));
        for (ColumnGroups groupsOf : taken) {
            candidates.add(candidate("split_" + groupsOf.groups().size() + "way" + suffix(candidates, groupsOf),
                    groupsOf, model, queries));
        }
        return List.copyOf(candidates);
    }

    private static String suffix(List<Candidate> candidates, ColumnGroups groups) {
        long same = candidates.stream().filter(c -> c.groups().groups().size() == groups.groups().size()).count();
        return same == 0 ? "" : "_" + (same + 1);
    }

    private static Candidate candidate(String name, ColumnGroups groups, CostModel model, List<AnalyzedQuery> queries) {
        return new Candidate(name, groups, model.cost(queries, groups), model.costs(queries, groups));
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
