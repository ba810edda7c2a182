package dev.userbench.footprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.userbench.bench.LoginSample;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.Engine;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.RowReader;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The memory half of the claim on one engine, as a rerunnable benchmark (not a test): seeds the monolith
 * and the split, reports their storage, then logs in at a cache of 25 % of the monolith's size and at a
 * cache the monolith fits in, recording throughput and pages touched per login for the projected login
 * and the study's whole-row login. Prints tables and writes the figures as JSON (snake_case, the shape
 * results.json will use) under {@code temp/footprint/}.
 *
 * <pre>java -cp lib/target/user-entity-bench.jar dev.userbench.footprint.FootprintBenchmark JDBC_URL [USERS] [LOGINS] [BIO_CHARS] [reuse]</pre>
 *
 * {@code reuse} skips seeding when the tables already hold USERS users. The engine's cache is restored
 * when the run ends, also on failure. PostgreSQL's shared_buffers is fixed unless the run is on an
 * embedded server (module {@code embedded}, {@code dev.userbench.embedded.EmbeddedFootprintBenchmark}).
 */
public final class FootprintBenchmark {

    /** How to make the cache control for a connection (the embedded module passes one that restarts). */
    @FunctionalInterface
    public interface CacheControls {
        CacheControl open(Connection connection, Dialect dialect) throws SQLException;
    }

    public record Options(long users, int logins, int bioChars, boolean reuse) {
    }

    /** One timed login pass at one cache size. */
    public record LoginPoint(String layout, String variant, long cacheBytes, boolean cacheAdjustable, int logins,
                             double opsPerSecond, WorkingSet workingSet) {
    }

    public record Report(String engine, String engineVersion, long users, int bioChars, List<FootprintEntry> footprint,
                         List<LoginPoint> logins, HeapFootprint.Comparison heap) {
    }

    private static final List<Layout> LAYOUTS = List.of(Layouts.MONOLITH, Layouts.FRAGMENTED);
    private static final String PROJECTED = "projected";
    private static final String WHOLE_ROW = "whole_row";

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FootprintBenchmark JDBC_URL [USERS=1000000] [LOGINS=50000] [BIO_CHARS=200] [reuse]");
            System.exit(2);
        }
        Options options = options(args, 1);
        Report report = run(ConnectionSpec.of(args[0]), options, CacheControl::forConnection);
        print(report);
        write(report);
    }

    public static Options options(String[] args, int from) {
        long users = args.length > from ? Long.parseLong(args[from]) : 1_000_000;
        int logins = args.length > from + 1 ? Integer.parseInt(args[from + 1]) : 50_000;
        int bio = args.length > from + 2 ? Integer.parseInt(args[from + 2]) : UserGenerator.DEFAULT_BIO_CHARS;
        boolean reuse = args.length > from + 3 && "reuse".equalsIgnoreCase(args[from + 3]);
        return new Options(users, logins, bio, reuse);
    }

    public static Report run(ConnectionSpec spec, Options options, CacheControls controls) throws Exception {
        Dialect dialect = spec.dialect();
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED, options.bioChars());
        // two disjoint-purpose samples: one warms the cache, the other is measured on the warmed cache
        List<String> warmUp = LoginSample.emails(generator, options.users(), options.logins(), 1);
        List<String> measured = LoginSample.emails(generator, options.users(), options.logins(), 2);
        Connection connection = spec.open();
        try {
            String version = connection.getMetaData().getDatabaseProductVersion();
            for (Layout layout : LAYOUTS) {
                LayoutSql sql = dialect.sql(layout);
                if (options.reuse() && holds(connection, sql, options.users())) {
                    log("reusing " + layout.name());
                    continue;
                }
                log("seeding " + options.users() + " users into " + layout.name());
                Seeder.recreate(connection, sql);
                Seeder.Timing timing = new Seeder().load(connection, sql, generator, options.users(), Progress.NONE);
                log(String.format(Locale.ROOT, "  %.0f users/s", timing.usersPerSecond()));
            }
            if (dialect.engine() == Engine.POSTGRESQL) {
                // visibility maps and fresh statistics, as a server that ran a while would have them
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    for (Layout layout : LAYOUTS) {
                        for (String table : layout.tableNames()) {
                            statement.execute("VACUUM ANALYZE " + table);
                        }
                    }
                }
                connection.setAutoCommit(false);
            }
            List<FootprintEntry> footprint = StorageProbe.measure(connection, dialect, LAYOUTS);
            long monolithBytes = StorageProbe.totalBytes(footprint, Layouts.MONOLITH.name());
            List<Long> sizes = List.of(monolithBytes / 4, monolithBytes + monolithBytes / 4);
            log("monolith " + mib(monolithBytes) + " MiB: cache sweep at " + sizes.stream().map(FootprintBenchmark::mib).toList() + " MiB");

            WorkingSetProbe probe = WorkingSetProbe.forEngine(dialect.engine());
            List<LoginPoint> points = new ArrayList<>();
            CacheControl control = controls.open(connection, dialect);
            CacheSweep.run(control, LAYOUTS, sizes, (layout, cacheBytes, on) -> {
                LayoutSql sql = dialect.sql(layout);
                for (String variant : List.of(PROJECTED, WHOLE_ROW)) {
                    LayoutSql.Select select = PROJECTED.equals(variant) ? sql.loginProjected() : sql.loginWholeRow();
                    logins(on, dialect, select, warmUp);
                    long[] nanos = new long[1];
                    WorkingSet workingSet = probe.measure(on, layout, "login/" + variant, measured.size(),
                            () -> nanos[0] = logins(on, dialect, select, measured));
                    LoginPoint point = new LoginPoint(layout.name(), variant, cacheBytes, control.adjustable(),
                            measured.size(), measured.size() / (nanos[0] / 1e9), workingSet);
                    log(String.format(Locale.ROOT, "  cache %6d MiB %-10s %-9s %8.0f logins/s  %6.2f pages/login (%.2f read)",
                            mib(cacheBytes), layout.name(), variant, point.opsPerSecond(),
                            workingSet.pagesTouchedPerOperation(), workingSet.pagesReadPerOperation()));
                    points.add(point);
                }
                return null;
            });
            HeapFootprint.Comparison heap = HeapFootprint.compare(generator.user(0));
            return new Report(dialect.engine().label(), version, options.users(), options.bioChars(), footprint,
                    List.copyOf(points), heap);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a restarted server already closed it
            }
        }
    }

    /** Logs in as each email, reading every column returned; returns the nanoseconds it took. */
    static long logins(Connection connection, Dialect dialect, LayoutSql.Select select, List<String> emails)
            throws SQLException {
        RowReader reader = RowReader.of(dialect, select);
        long start = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(select.sql())) {
            for (String email : emails) {
                statement.setString(1, email);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no user with a sampled email: the tables do not hold the seeded users");
                    }
                    reader.read(row);
                }
            }
        }
        connection.commit();
        long nanos = System.nanoTime() - start;
        if (reader.sink() == 42) {
            log("");  // keeps the values read alive for the JIT
        }
        return nanos;
    }

    private static boolean holds(Connection connection, LayoutSql sql, long users) {
        try (PreparedStatement statement = connection.prepareStatement(sql.count(sql.layout().root()));
             ResultSet row = statement.executeQuery()) {
            boolean holds = row.next() && row.getLong(1) == users;
            connection.commit();
            return holds;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the table does not exist; nothing to undo
            }
            return false;
        }
    }

    public static void print(Report report) {
        System.out.printf(Locale.ROOT, "%n%s %s, %,d users, bio up to %d chars%n", report.engine(), report.engineVersion(),
                report.users(), report.bioChars());
        System.out.println("\nstorage");
        System.out.printf("%-11s %-40s %-6s %10s%n", "layout", "object", "kind", "MiB");
        for (FootprintEntry e : report.footprint()) {
            System.out.printf(Locale.ROOT, "%-11s %-40s %-6s %10.1f%n", e.layout(), e.object(), e.kind(), e.bytes() / 1048576.0);
        }
        for (Layout layout : LAYOUTS) {
            System.out.printf(Locale.ROOT, "%-11s total %.1f MiB (table %.1f, index %.1f, toast %.1f)%n", layout.name(),
                    StorageProbe.totalBytes(report.footprint(), layout.name()) / 1048576.0,
                    StorageProbe.totalBytes(report.footprint(), layout.name(), FootprintEntry.TABLE) / 1048576.0,
                    StorageProbe.totalBytes(report.footprint(), layout.name(), FootprintEntry.INDEX) / 1048576.0,
                    StorageProbe.totalBytes(report.footprint(), layout.name(), FootprintEntry.TOAST) / 1048576.0);
        }
        System.out.println("\nlogin (pages per login from " + (report.logins().isEmpty() ? "-" : report.logins().get(0).workingSet().counter()) + ")");
        System.out.printf("%10s %-11s %-10s %10s %11s %11s %s%n", "cache MiB", "layout", "variant", "logins/s", "pages_hit", "pages_read", "cache resized");
        for (LoginPoint p : report.logins()) {
            Double hit = p.workingSet().pagesHitPerOperation();
            System.out.printf(Locale.ROOT, "%10d %-11s %-10s %10.0f %11s %11.2f %s%n", mib(p.cacheBytes()), p.layout(), p.variant(),
                    p.opsPerSecond(), hit == null ? "n/a" : String.format(Locale.ROOT, "%.2f", hit),
                    p.workingSet().pagesReadPerOperation(), p.cacheAdjustable() ? "yes" : "no (fixed)");
        }
        HeapFootprint.Comparison heap = report.heap();
        System.out.printf(Locale.ROOT, "%nheap per fetched row (%s): monolith User %d B, AuthRow %d B (%.2fx)%n",
                heap.method(), heap.monolithRowBytes(), heap.authRowBytes(), heap.ratio());
    }

    public static Path write(Report report) throws IOException {
        Path dir = Path.of("temp", "footprint");
        Files.createDirectories(dir);
        Path file = dir.resolve(report.engine() + "-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-') + ".json");
        ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("report", report);
        json.writeValue(file.toFile(), root);
        log("wrote " + file.toAbsolutePath());
        return file;
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void log(String message) {
        System.err.println(message);
    }
}
