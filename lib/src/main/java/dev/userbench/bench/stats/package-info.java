/**
 * Statistics for comparing table layouts: balanced run order, latency summaries, bounded per-call
 * samples and a seeded hierarchical bootstrap of the ratio of medians with a verdict.
 *
 * <p>Everything here is pure computation: no I/O, no clocks, no threads. Results are immutable
 * records; the only mutable type is {@link dev.userbench.bench.stats.SampleSet}, which is recorded
 * into by one thread and merged afterwards.
 */
package dev.userbench.bench.stats;
