package dev.userbench.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.bench.workload.ProfileViewWorkload;
import dev.userbench.bench.workload.Workload;
import dev.userbench.footprint.CacheControl;
import dev.userbench.footprint.CacheSweep;
import dev.userbench.footprint.FootprintEntry;
import dev.userbench.footprint.HeapFootprint;
import dev.userbench.footprint.SharedBuffersControl;
import dev.userbench.footprint.SqlWork;
import dev.userbench.footprint.StorageProbe;
import dev.userbench.footprint.WorkingSet;
import dev.userbench.footprint.WorkingSetProbe;
import dev.userbench.model.Field;
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
 * The memory half of the hypothesis, measured one way for the run and for {@code FootprintBenchmark} alike:
 * storage per table and index from the engine's own accounting; the pages every benchmark and workload touches per
 * call, counted in one untimed pass right after its timed trials on the same layout (the trials are its warm-up:
 * one rule everywhere); the JVM heap of the rows the login and profile-view queries fetch; and the timed benchmarks
 * again under each engine cache size of a sweep, with their intervals. Tables are settled after every seeding
 * ({@link dev.userbench.seed.Seeder#settle}).
 */
public final class MemoryMeasurements {

    /** Rows fetched per query for the heap figures. */
    static final int HEAP_SAMPLE = 200;

    /** One table's or index's bytes, as the engine accounts for them, at a user count (a run may sweep sizes). */
    public record StorageEntry(String layout, String object, String kind, long bytes, long users) {

        static StorageEntry of(FootprintEntry entry, long users) {
            return new StorageEntry(entry.layout(), entry.object(), entry.kind(), entry.bytes(), users);
        }
    }

    /**
     * Pages a workload touched per call on one layout (at {@code cacheBytes}, when swept): {@code pagesHit} served by
     * the engine's cache (null where the engine does not count them), {@code pagesRead} read into it, over
     * {@code ops} calls.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkingSetEntry(String layout, String workload, long users, Long cacheBytes, long ops,
                                  Double pagesHit, double pagesRead, String counter) {

        static WorkingSetEntry of(WorkingSet set, long users, Long cacheBytes) {
            return new WorkingSetEntry(set.layout(), set.workload(), users, cacheBytes, set.operations(),
                    set.pagesHitPerOperation(), set.pagesReadPerOperation(), set.counter());
        }

        /** Every page touched per call: hits plus reads, or reads alone where hits are not counted. */
        public double pagesTouched() {
            return pagesRead + (pagesHit == null ? 0 : pagesHit);
        }
    }

    /** JVM heap retained per fetched row, by layout and query, from rows the query fetched. */
    public record HeapEntry(String layout, String query, int rows, long bytesPerRow) {
    }

    /**
     * JVM heap retained by one fetched row: the first layout's whole row (its login/seed query) vs the second
     * layout's login row (its login/seed query), and every layout's per query in {@code rows}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Heap(long monolithRowBytes, long authRowBytes, double ratio, String method, List<HeapEntry> rows) {

        public Heap(long monolithRowBytes, long authRowBytes, double ratio, String method) {
            this(monolithRowBytes, authRowBytes, ratio, method, List.of());
        }

        public Heap {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    /** A cache size asked for and not measured, and why (e.g. it rounds onto a size already measured). */
    public record SkippedSize(long requestedBytes, long cacheBytes, String reason) {
    }

    /**
     * What a cache sweep changed and whether it could: {@code status} {@code swept}, or {@code fixed} for a cache
     * this run may not resize (then nothing was measured under it); {@code dataBytes} the storage of
     * {@code baseline} the fractions apply to; {@code cacheBytes} the distinct sizes measured.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sweep(String setting, boolean adjustable, long originalBytes, List<Long> cacheBytes, String status,
                        String baseline, Long dataBytes, List<SkippedSize> skipped) {

        public Sweep(String setting, boolean adjustable, long originalBytes, List<Long> cacheBytes) {
            this(setting, adjustable, originalBytes, cacheBytes, adjustable ? CacheSweep.SWEPT : CacheSweep.FIXED,
                    null, null, List.of());
        }

        public Sweep {
            cacheBytes = List.copyOf(cacheBytes);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        public boolean fixed() {
            return CacheSweep.FIXED.equals(status);
        }
    }

    /** Where a sweep's timed results (marked with their cache size) and pages per call go. */
    public record Sink(java.util.function.Consumer<Harness.Outcome> outcomes, List<WorkingSetEntry> workingSet) {
    }

    private MemoryMeasurements() {
    }

    public static List<FootprintEntry> storage(BenchContext context, Dialect dialect, Collection<Layout> layouts)
            throws SQLException {
        List<FootprintEntry> entries = StorageProbe.measure(context.connection(), dialect, layouts);
        context.connection().commit();
        return entries;
    }

    /**
     * Pages {@code benchmark} touches per call on each layout, counted in one untimed pass of as many calls as a
     * trial makes, on the calling thread and the session's connection: a study benchmark runs as it does in a
     * trial, a workload as one client ({@link Workload#runOnThisThread}). Call it right after the benchmark's
     * timed trials, which warm the cache the pass counts on.
     */
    public static List<WorkingSetEntry> workingSet(BenchContext context, Dialect dialect, Benchmark benchmark,
                                                   Collection<LayoutSql> layouts, Long cacheBytes) throws SQLException {
        WorkingSetProbe probe = WorkingSetProbe.forEngine(dialect.engine());
        String name = benchmark instanceof Workload ? benchmark.operation()
                : benchmark.operation() + "/" + benchmark.variant();
        List<WorkingSetEntry> entries = new ArrayList<>();
        for (LayoutSql sql : layouts) {
            long calls = Math.max(1, benchmark.calls(context));
            SqlWork pass = benchmark instanceof Workload workload
                    ? () -> workload.runOnThisThread(context, sql, context.connection(), calls)
                    : () -> benchmark.run(context, sql, calls, LatencyRecorder.discarding());
            try {
                WorkingSet set = probe.measure(context.connection(), sql.layout(), name, calls, pass);
                entries.add(WorkingSetEntry.of(set, context.users(), cacheBytes));
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("counting the pages of " + name + " failed: " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /**
     * Heap per fetched row, from rows fetched from the seeded tables: each layout's study login (whole row on
     * the monolith, the auth row on a split), its projected login and its profile view, over the same sample of
     * {@value #HEAP_SAMPLE} users. The headline pair is the first layout's login row against the second's.
     */
    public static Heap heap(BenchContext context, Collection<LayoutSql> layouts) throws SQLException {
        UserGenerator generator = context.generator();
        long sample = Math.min(HEAP_SAMPLE, context.users());
        List<String> emails = new ArrayList<>();
        List<java.util.UUID> uids = new ArrayList<>();
        for (long i = 0; i < sample; i++) {
            // spread over the seeded users, the same ones on every layout
            var user = generator.user(i * context.users() / sample);
            emails.add(user.email());
            uids.add(user.uid());
        }
        List<HeapEntry> rows = new ArrayList<>();
        String method = null;
        for (LayoutSql sql : layouts) {
            for (String query : List.of("login/seed", "login/projected", ProfileViewWorkload.NAME)) {
                HeapFootprint.Size size = switch (query) {
                    case "login/seed" -> HeapFootprint.perFetchedRow(context.connection(), sql, sql.loginWholeRow(),
                            Field.EMAIL, emails);
                    case "login/projected" -> HeapFootprint.perFetchedRow(context.connection(), sql,
                            sql.loginProjected(), Field.EMAIL, emails);
                    default -> HeapFootprint.perFetchedRow(context.connection(), sql, ProfileViewWorkload.query(sql),
                            Field.UID, uids);
                };
                method = method == null || method.equals(size.method()) ? size.method() : method + "/" + size.method();
                rows.add(new HeapEntry(sql.layout().name(), query, (int) sample, size.bytes()));
            }
        }
        List<HeapEntry> logins = rows.stream().filter(r -> r.query().equals("login/seed")).toList();
        long first = logins.get(0).bytesPerRow();
        long second = logins.size() > 1 ? logins.get(1).bytesPerRow() : first;
        return new Heap(first, second, first / (double) second, method + " over " + sample + " fetched rows", rows);
    }

    /** The cache sizes to sweep: fractions of the baseline layout's whole storage (tables and indexes). */
    public static List<Long> sweepSizes(List<FootprintEntry> footprint, String baselineLayout, List<Double> fractions) {
        long baseline = StorageProbe.totalBytes(footprint, baselineLayout);
        return fractions.stream().map(f -> Math.max(1L, Math.round(baseline * f))).toList();
    }

    /**
     * The engine's cache control for a sweep: PostgreSQL's shared_buffers needs a restart, which only a
     * server this tool started may get; elsewhere the engine's own setting (or a fixed cache). InnoDB's control
     * changes and restores the server's size through a connection of its own.
     */
    public static CacheControl cacheControl(BenchContext context, Dialect dialect, EmbeddedServer server)
            throws SQLException {
        if (server != null && dialect.engine() == Engine.POSTGRESQL) {
            return new SharedBuffersControl(server);
        }
        return CacheControl.forSession(context.session().spec(), context.connection());
    }

    /**
     * The cache sweep: at each distinct cache size the engine accepts (fractions of the first arm's storage), every
     * benchmark in turn through {@code harness} (warm-up, trials, intervals), then its pages per call; results carry
     * {@code cache_bytes}. A reading benchmark measured after a writing one (or, when {@code seeded} is false,
     * first) gets the seeded users back ({@code reseed}). The original size is restored in every case, through the control's own connection.
     */
    public static Sweep sweep(BenchContext context, Dialect dialect, EmbeddedServer server, Harness harness,
                              List<Harness.Arm> arms, Collection<LayoutSql> layouts, List<FootprintEntry> footprint,
                              List<Double> fractions, List<Benchmark> benchmarks, boolean seeded, SqlWork reseed,
                              Sink sink)
            throws SQLException {
        String baseline = arms.get(0).sql().layout().name();
        long data = StorageProbe.totalBytes(footprint, baseline);
        List<Long> sizes = sweepSizes(footprint, baseline, fractions);
        boolean restarts = server != null && dialect.engine() == Engine.POSTGRESQL;
        try {
            CacheControl control = cacheControl(context, dialect, server);
            boolean[] dirty = {!seeded};
            CacheSweep.Result<Void> result = CacheSweep.run(control, sizes, (bytes, connection) -> {
                if (control.restartsServer()) {
                    context.session().reopen();
                }
                for (Benchmark benchmark : benchmarks) {
                    if (!benchmark.mutates() && dirty[0]) {
                        reseed.run();
                        dirty[0] = false;
                    }
                    sink.outcomes().accept(harness.measure(benchmark, arms, context).withCacheBytes(bytes));
                    sink.workingSet().addAll(workingSet(context, dialect, benchmark, layouts, bytes));
                    dirty[0] |= benchmark.mutates();
                }
                return null;
            });
            List<SkippedSize> skipped = result.skipped().stream()
                    .map(s -> new SkippedSize(s.requestedBytes(), s.cacheBytes(), s.reason())).toList();
            return new Sweep(result.setting(), result.adjustable(), result.originalBytes(),
                    result.points().stream().map(CacheSweep.Point::cacheBytes).toList(), result.status(), baseline,
                    data, skipped);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the cache sweep failed: " + e.getMessage(), e);
        } finally {
            if (restarts) {
                // the restore restarted the server: the session's connection is gone
                context.session().reopen();
            }
        }
    }
}
