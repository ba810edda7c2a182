package dev.userbench.bench;

import dev.userbench.seed.DataCheck;

import java.util.List;
import java.util.Optional;

/** Everything a run found: its environment, the data check and the measurements. */
public record RunResult(Environment environment, DataCheckResult dataCheck, List<Measurement> measurements) {

    /**
     * Whether the layouts hold the same logical users. The first two layouts' figures are named as the
     * study's pair (monolith, fragmented); {@code layouts} has every layout's.
     */
    public record DataCheckResult(long monolithCount, long fragmentedCount, String monolithChecksum,
                                  String fragmentedChecksum, String expectedChecksum, boolean equal,
                                  List<DataCheck.Summary> layouts) {

        public static DataCheckResult of(List<DataCheck.Summary> summaries, String expected, long users) {
            DataCheck.Summary first = summaries.get(0);
            DataCheck.Summary second = summaries.size() > 1 ? summaries.get(1) : first;
            boolean equal = summaries.stream().allMatch(s -> s.consistent() && s.users() == users
                    && s.checksum().equals(expected));
            return new DataCheckResult(first.users(), second.users(), first.checksum(), second.checksum(),
                    expected, equal, summaries);
        }
    }

    public RunResult {
        measurements = List.copyOf(measurements);
    }

    public Optional<Measurement> find(String layout, String operation, String variant) {
        return measurements.stream().filter(m -> m.layout().equals(layout) && m.operation().equals(operation)
                && m.variant().equals(variant)).findFirst();
    }
}
