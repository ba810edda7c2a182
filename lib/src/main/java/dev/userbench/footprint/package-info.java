/**
 * The memory half of the claim: what each layout costs in storage, in engine cache and in JVM heap.
 *
 * <ul>
 * <li>{@link dev.userbench.footprint.StorageProbe} — bytes per table, index and TOAST, from the engine's
 *     own accounting, as {@link dev.userbench.footprint.FootprintEntry} (results.json {@code footprint}:
 *     {@code layout, object, kind, bytes}).</li>
 * <li>{@link dev.userbench.footprint.WorkingSetProbe} — pages a workload touched, before/after deltas of
 *     the engine's counters, as {@link dev.userbench.footprint.WorkingSet} (results.json {@code working_set}:
 *     {@code layout, workload, pages_hit, pages_read}, per operation);
 *     {@link dev.userbench.footprint.PostgresExplainBuffers} is the exact per-statement alternative.</li>
 * <li>{@link dev.userbench.footprint.CacheSweep} with a {@link dev.userbench.footprint.CacheControl} — a
 *     measurement at each distinct cache size the engine reads back (others reported skipped, a fixed cache
 *     measured at none), the original size restored even on failure, InnoDB's through a connection of its own;
 *     each point carries {@code cache_bytes}.</li>
 * <li>{@link dev.userbench.footprint.HeapFootprint} — heap per row of rows a query fetched (JOL over a
 *     sample), and one {@code User} vs {@link dev.userbench.footprint.AuthRow}.</li>
 * <li>{@link dev.userbench.footprint.FootprintBenchmark} — a run with the memory options, as a rerunnable main.
 *     The run itself ({@code bench.MemoryMeasurements}) is the one memory path.</li>
 * </ul>
 */
package dev.userbench.footprint;
