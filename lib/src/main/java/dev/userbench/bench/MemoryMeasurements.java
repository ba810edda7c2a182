package dev.userbench.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.footprint.CacheControl;
import dev.userbench.footprint.FootprintEntry;
import dev.userbench.footprint.HeapFootprint;
import dev.userbench.footprint.SharedBuffersControl;
import dev.userbench.footprint.StorageProbe;
import dev.userbench.footprint.WorkingSet;
import dev.userbench.footprint.WorkingSetProbe;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.EmbeddedServer;
import dev.userbench.schema.Engine;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.seed.UserGenerator;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The memory half of the hypothesis, measured around the run's benchmarks: storage per table and
 * index from the engine's own accounting, the pages each login touches per layout, the JVM heap of one
 * fetched row, and login under a shrinking engine cache.
 */
public final class MemoryMeasurements {

    /** One table's or index's bytes, as the engine accounts for them, at a user count (a run may sweep sizes). */
    public record StorageEntry(String layout, String object, String kind, long bytes, long users) {

        static StorageEntry of(FootprintEntry entry, long users) {
            return new StorageEntry(entry.layout(), entry.object(), entry.kind(), entry.bytes(), users);
        }
    }

    /** Pages a workload touched per operation on one layout (at {@code cacheBytes}, when swept). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkingSetEntry(String layout, String workload, long users, Long cacheBytes, long operations,
                                  Double pagesHit, double pagesRead, String counter) {

        static WorkingSetEntry of(WorkingSet set, long users, Long cacheBytes) {
            return new WorkingSetEntry(set.layout(), set.workload(), users, cacheBytes, set.operations(),
                    set.pagesHitPerOperation(), set.pagesReadPerOperation(), set.counter());
        }
    }

    /** JVM heap retained by one fetched row: the whole monolith row vs the auth row. */
    public record Heap(long monolithRowBytes, long authRowBytes, double ratio, String method) {

        static Heap of(UserGenerator generator) {
            HeapFootprint.Comparison comparison = HeapFootprint.compare(generator.user(0));
            return new Heap(comparison.monolithRowBytes(), comparison.authRowBytes(), comparison.ratio(), comparison.method());
        }
    }

    /** What a cache sweep changed and whether it could: a server's cache we may not resize is reported fixed. */
    public record Sweep(String setting, boolean adjustable, long originalBytes, List<Long> cacheBytes) {
    }

    private MemoryMeasurements() {
    }

    public static List<FootprintEntry> storage(BenchContext context, Dialect dialect, Collection<Layout> layouts)
            throws SQLException {
        List<FootprintEntry> entries = StorageProbe.measure(context.connection(), dialect, layouts);
        context.connection().commit();
        return entries;
    }

    /** Runs each login variant once more per layout, outside the timed trials, counting pages. */
    public static List<WorkingSetEntry> loginWorkingSet(BenchContext context, Dialect dialect,
                                                        Collection<LayoutSql> layouts, List<Benchmark> logins,
                                                        Long cacheBytes) throws SQLException {
        WorkingSetProbe probe = WorkingSetProbe.forEngine(dialect.engine());
        List<WorkingSetEntry> entries = new ArrayList<>();
        for (Benchmark login : logins) {
            for (LayoutSql sql : layouts) {
                long calls = login.calls(context);
                try {
                    WorkingSet set = probe.measure(context.connection(), sql.layout(),
                            login.operation() + "/" + login.variant(), calls,
                            () -> login.run(context, sql, calls, LatencyRecorder.discarding()));
                    entries.add(WorkingSetEntry.of(set, context.users(), cacheBytes));
                } catch (SQLException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("counting the pages of " + login.operation() + " failed: " + e.getMessage(), e);
                }
            }
        }
        return entries;
    }

    public static Heap heap(UserGenerator generator) {
        return Heap.of(generator);
    }

    /** The cache sizes to sweep: fractions of the baseline layout's whole storage (tables and indexes). */
    public static List<Long> sweepSizes(List<FootprintEntry> footprint, String baselineLayout, List<Double> fractions) {
        long baseline = StorageProbe.totalBytes(footprint, baselineLayout);
        return fractions.stream().map(f -> Math.max(1L << 20, Math.round(baseline * f))).toList();
    }

    /**
     * The engine's cache control for a sweep: PostgreSQL's shared_buffers needs a restart, which only a
     * server this tool started may get; elsewhere the engine's own setting (or a fixed cache).
     */
    public static CacheControl cacheControl(BenchContext context, Dialect dialect, EmbeddedServer server)
            throws SQLException {
        if (server != null && dialect.engine() == Engine.POSTGRESQL) {
            return new SharedBuffersControl(server);
        }
        return CacheControl.forConnection(context.connection(), dialect);
    }
}
