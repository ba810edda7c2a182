package dev.userbench.report;

/**
 * One layout at one engine cache size of a cache sweep, for one swept operation ({@code login/projected}, or a
 * workload's name): its throughput and median call merged over the trials (point values, no interval: the swept
 * comparisons carry the verdicts), and the pages one call read in the counted pass at that size, null where none
 * was counted.
 */
public record SweepPoint(String operation, String layout, long cacheBytes, double callsPerS, double p50Us,
                         Double pagesReadPerCall) {
}
