package dev.userbench.bench;

import dev.userbench.bench.stats.Verdict;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this machine can tell apart at a run's settings, from repeated runs whose truth is known: A/A runs
 * (the baseline layout against itself, where every "faster" or "slower" is a false positive) and runs with a
 * planted difference (an extra index, known to cost on insert), where a miss is a lack of power.
 *
 * <p>The minimum detectable effect is read from the A/A intervals: an interval of half-width {@code h} on the log
 * scale at confidence {@code c} gives a standard error {@code h / z((1+c)/2)}; a true ratio is found
 * {@code slower} four times in five when it exceeds the strictest level of the run (Holm's first step,
 * {@code alpha / m}) by the 80 % quantile as well, and is at least the practical threshold:
 * {@code exp(max(se * (z(1 - alpha/2m) + z(0.8)), ln(1 + threshold)))}.
 *
 * @param aa      per benchmark and statistic, over the A/A runs
 * @param planted per benchmark and statistic of the planted difference, over its runs
 */
public record Calibration(String engine, String jdbcUrl, Map<String, Object> options, int aaRuns, int plantedRuns,
                          List<AaRow> aa, List<PlantedRow> planted) {

    /** The power the minimum detectable effect is stated at. */
    public static final double POWER = 0.8;

    /**
     * @param falsePositives      A/A verdicts of faster or slower, of {@code comparisons}
     * @param medianIntervalWidth the median of (ciHigh - ciLow) / 2, as a fraction of the ratio (0.05 = ±5 %)
     * @param minimumDetectableEffect the smallest cost ratio found slower 4 times in 5 (1.12 = 12 % more time)
     */
    public record AaRow(String operation, String variant, String statistic, int comparisons, int falsePositives,
                        double falsePositiveRate, double medianIntervalWidth, double minimumDetectableEffect) {
    }

    /** How often the planted difference was found, and how big it measured. */
    public record PlantedRow(String operation, String variant, String statistic, String baseline, String candidate,
                             int comparisons, int detected, double medianRatio, double medianCiLow, double medianCiHigh) {
    }

    /** The calibration from the runs' comparisons; only the planted benchmark's comparisons count as planted. */
    public static Calibration of(List<RunResult> aaRuns, List<RunResult> plantedRuns, String plantedOperation,
                                 String plantedVariant) {
        RunResult any = aaRuns.isEmpty() ? plantedRuns.get(0) : aaRuns.get(0);
        Environment environment = any.environment();
        double threshold = number(environment.options().get("threshold"), 0.05);
        double alpha = number(environment.options().get("alpha"), 0.05);
        Map<String, List<Harness.ComparisonResult>> aa = byBenchmark(aaRuns);
        List<AaRow> aaRows = new ArrayList<>();
        aa.forEach((key, comparisons) -> {
            Harness.ComparisonResult first = comparisons.get(0);
            int m = aaRuns.isEmpty() ? 1 : aaRuns.get(0).comparisons().size();
            int falsePositives = (int) comparisons.stream().filter(Harness.ComparisonResult::decided).count();
            double[] widths = comparisons.stream().mapToDouble(c -> (c.ciHigh() - c.ciLow()) / 2 / c.ratio()).toArray();
            double[] standardErrors = comparisons.stream().mapToDouble(Calibration::logStandardError).toArray();
            aaRows.add(new AaRow(first.operation(), first.variant(), first.statistic().label(), comparisons.size(),
                    falsePositives, (double) falsePositives / comparisons.size(), median(widths),
                    minimumDetectableEffect(median(standardErrors), alpha / m, threshold)));
        });
        List<PlantedRow> plantedRows = new ArrayList<>();
        byBenchmark(plantedRuns).forEach((key, comparisons) -> {
            Harness.ComparisonResult first = comparisons.get(0);
            if (!first.operation().equals(plantedOperation) || !first.variant().equals(plantedVariant)) {
                return;
            }
            int detected = (int) comparisons.stream().filter(c -> c.verdict() == Verdict.SLOWER).count();
            plantedRows.add(new PlantedRow(first.operation(), first.variant(), first.statistic().label(),
                    first.baseline(), first.candidate(), comparisons.size(), detected,
                    median(comparisons.stream().mapToDouble(Harness.ComparisonResult::ratio).toArray()),
                    median(comparisons.stream().mapToDouble(Harness.ComparisonResult::ciLow).toArray()),
                    median(comparisons.stream().mapToDouble(Harness.ComparisonResult::ciHigh).toArray())));
        });
        return new Calibration(environment.engine(), environment.jdbcUrl(), environment.options(), aaRuns.size(),
                plantedRuns.size(), aaRows, plantedRows);
    }

    /** The standard error of the log ratio that an interval at its confidence implies. */
    static double logStandardError(Harness.ComparisonResult c) {
        double z = new NormalDistribution().inverseCumulativeProbability((1 + c.confidence()) / 2);
        return (Math.log(c.ciHigh()) - Math.log(c.ciLow())) / 2 / z;
    }

    /** The cost ratio found slower with {@link #POWER} at level {@code alpha}, at least 1 + threshold. */
    static double minimumDetectableEffect(double logStandardError, double alpha, double threshold) {
        NormalDistribution normal = new NormalDistribution();
        double z = normal.inverseCumulativeProbability(1 - alpha / 2) + normal.inverseCumulativeProbability(POWER);
        return Math.exp(Math.max(logStandardError * z, Math.log(1 + threshold)));
    }

    private static Map<String, List<Harness.ComparisonResult>> byBenchmark(List<RunResult> runs) {
        Map<String, List<Harness.ComparisonResult>> grouped = new LinkedHashMap<>();
        for (RunResult run : runs) {
            for (Harness.ComparisonResult c : run.comparisons()) {
                grouped.computeIfAbsent(c.operation() + "/" + c.variant() + "/" + c.statistic().label(),
                        k -> new ArrayList<>()).add(c);
            }
        }
        return grouped;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double number(Object value, double otherwise) {
        return value instanceof Number n ? n.doubleValue() : otherwise;
    }
}
