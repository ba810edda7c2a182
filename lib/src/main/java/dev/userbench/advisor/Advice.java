package dev.userbench.advisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.bench.Harness;
import dev.userbench.bench.stats.Verdict;

import java.util.List;

/**
 * {@code advice} in results.json: the candidates the advisor proposed, each with its column groups, the model's
 * predicted cost and the measured one, and its verdicts against the single table; and the one recommended (a
 * candidate's name, or {@code single_table} when no candidate was measured faster).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Advice(String table, long rows, List<Candidate> candidates, String recommended, String reason) {

    /**
     * One candidate. {@code predictedRatio} is its predicted bytes per call over the single table's;
     * {@code measuredRatio} the measured cost ratio of its first comparison (null for the single table);
     * {@code coveringIndex} the columns of the covering-index rival's index, the lookup column first;
     * {@code predictedPages} the model's pages per call and {@code measuredPages} the pages a call touched in an
     * untimed pass after the trials (PostgreSQL and InnoDB counters; null on SQLite).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(String name, List<List<String>> columnGroups, List<String> tables, double predictedBytes,
                            double predictedRatio, List<CostModel.QueryCost> predictedPerQuery,
                            Double measuredMeanUs, Double measuredRatio, Double ciLow, Double ciHigh,
                            Double confidence, Verdict verdict, List<Harness.ComparisonResult> comparisons,
                            Long storageBytes, List<String> coveringIndex, Double predictedPages,
                            Double measuredPages) {
    }
}
