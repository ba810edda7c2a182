package dev.userbench.report;

/**
 * One layout at one engine cache size of a cache sweep: the login's throughput and median call merged over the
 * trials (point values, no interval: the swept comparisons carry the verdicts), and the pages one login read in a
 * separate counted pass, null where none was counted.
 */
public record SweepPoint(String layout, long cacheBytes, double loginsPerS, double p50Us, Double pagesReadPerLogin) {
}
