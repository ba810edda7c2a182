package dev.userbench.cli;

import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.DataCheck;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code userbench seed}: fills the layouts' tables with the seeded users and exits. */
@Command(name = "seed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Drops and recreates the layouts' tables and fills them with the seeded fake users through "
                + "the engine's fastest honest bulk path (COPY on PostgreSQL, one transaction of batched prepared "
                + "INSERTs on SQLite and MariaDB/MySQL), generating users while inserting. Prints users/s and the "
                + "time spent generating vs inserting. The same seed gives the same users on every engine.")
public final class SeedCommand implements Callable<Integer> {

    private static final long MIB = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions = new ConnectionOptions();

    @Option(names = "--allow-existing",
            description = "Adopt a database or schema (or SQLite file) that already holds other tables: the tool then "
                    + "marks it and creates and drops its own tables there, never the others.")
    boolean allowExisting;

    @Option(names = "--users", paramLabel = "N", defaultValue = "10000",
            description = "How many fake users to put into each layout (default: ${DEFAULT-VALUE}).")
    long users;

    @Option(names = "--layouts", paramLabel = "A,B", defaultValue = "monolith,fragmented",
            description = "Layouts to fill: monolith, fragmented, monolith_covering, fragmented_hot_touch "
                    + "(default: ${DEFAULT-VALUE}).")
    String layouts;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the fake users: the same seed, the same users (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "Generator threads; any count gives the same users (default: ${DEFAULT-VALUE}, which "
                    + "already outpaces every engine).")
    int threads;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Users per generated batch and per JDBC batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--bio-chars", paramLabel = "N", defaultValue = "200",
            description = "Longest bio in characters, as in run (default: ${DEFAULT-VALUE}).")
    int bioChars;

    @Option(names = "--check", description = "Afterwards read every layout back and check it holds exactly the "
            + "seeded users (row counts and checksum); exit 4 if not.")
    boolean check;

    @Option(names = "--check-only", description = "Seed nothing: read the layouts as they are now and check they "
            + "hold exactly the users that --users, --seed and --bio-chars would seed (row counts and checksum), "
            + "e.g. after editing them with SQL; exit 4 if not.")
    boolean checkOnly;

    @Option(names = "--verbose", description = "Show the full error with its stack trace when something fails.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionSpec connection = null;
        try {
            if (users < 1) {
                throw new UsageException("--users must be at least 1, got " + users);
            }
            if (threads < 1) {
                throw new UsageException("--threads must be at least 1, got " + threads);
            }
            if (batchSize < 1) {
                throw new UsageException("--batch-size must be at least 1, got " + batchSize);
            }
            connection = connectionOptions.spec(allowExisting);
            Dialect dialect = connection.dialect();
            Map<String, LayoutSql> chosen = new LinkedHashMap<>();
            for (Layout layout : Layouts.parse(layouts)) {
                chosen.putIfAbsent(layout.name(), dialect.sql(layout));
            }
            UserGenerator generator = new UserGenerator(seed, bioChars);
            boolean allEqual = checkOnly ? checkAsTheyAre(connection, chosen.values(), generator, out)
                    : seedAndCheck(connection, chosen.values(), generator, out, err);
            if (!allEqual) {
                err.println("userbench: the data check failed: a layout does not hold exactly the seeded users (see "
                        + "above); seed again to start from the seeded users");
                return ExitCode.RUN_FAILED.code();
            }
            return ExitCode.OK.code();
        } catch (Exception | Error e) {
            Failure failure = Failure.of(e, connection == null ? "" : connection.maskedUrl());
            err.println("userbench: " + failure.message());
            if (verbose) {
                e.printStackTrace(err);
            }
            return failure.exitCode().code();
        }
    }

    /** Recreates and fills each layout, then, with {@code --check}, checks them; true unless a check failed. */
    private boolean seedAndCheck(ConnectionSpec connection, Collection<LayoutSql> layouts, UserGenerator generator,
                                 PrintWriter out, PrintWriter err) throws Exception {
        out.println("Seeding " + users + " users (seed " + seed + ") into "
                + layouts.stream().map(sql -> sql.layout().name()).toList() + " on " + connection.maskedUrl() + " by "
                + connection.dialect().bulkLoader().description() + ", " + threads + " generator thread"
                + (threads == 1 ? "" : "s"));
        Seeder seeder = new Seeder(batchSize, threads);
        boolean allEqual = true;
        try (Connection db = connection.open()) {
            ConsoleProgress progress = new ConsoleProgress(err);
            for (LayoutSql sql : layouts) {
                Seeder.recreate(db, sql);
                Seeder.Timing timing = seeder.load(db, sql, generator, users, progress);
                out.println(describe(sql.layout().name(), timing));
            }
            if (check) {
                allEqual = check(db, connection, layouts, generator, out);
            }
        }
        out.println(peakHeap());
        return allEqual;
    }

    /**
     * The check of {@code --check-only}: reads what is there and creates nothing, so a namespace (or SQLite
     * file) that does not exist is reported as holding no layout, not made.
     */
    private boolean checkAsTheyAre(ConnectionSpec connection, Collection<LayoutSql> layouts, UserGenerator generator,
                                   PrintWriter out) throws SQLException {
        Dialect dialect = connection.dialect();
        Optional<Path> file = dialect.namespaceFile(connection.url());
        if (file.isEmpty() || Files.exists(file.get())) {
            try (Connection db = connection.openOutsideNamespace()) {
                if (connection.namespace().enterIfExists(db, dialect)) {
                    db.setAutoCommit(false);
                    return check(db, connection, layouts, generator, out);
                }
            }
        }
        for (LayoutSql sql : layouts) {
            out.println("Data check " + sql.layout().name() + ": DIFFERS: nothing seeded at " + connection.maskedUrl()
                    + (file.isPresent() ? "" : " in " + connection.namespace().describe(dialect))
                    + "; seed it first (userbench seed without --check-only)");
        }
        return false;
    }

    /** Prints one line per layout: whether it holds exactly the seeded users. True when every layout does. */
    private boolean check(Connection db, ConnectionSpec connection, Collection<LayoutSql> layouts,
                          UserGenerator generator, PrintWriter out) throws SQLException {
        boolean allEqual = true;
        String expected = DataCheck.expected(generator, users);
        List<String> present = connection.dialect().objectsIn(db, connection.namespace().name());
        for (LayoutSql sql : layouts) {
            List<String> missing = sql.layout().tableNames().stream()
                    .filter(table -> !present.contains(table)).toList();
            if (!missing.isEmpty()) {
                allEqual = false;
                out.println("Data check " + sql.layout().name() + ": DIFFERS: no table " + missing
                        + " here; seed it first (userbench seed without --check-only)");
                continue;
            }
            DataCheck.Summary summary = DataCheck.of(db, sql);
            boolean equal = summary.holds(users, expected);
            allEqual &= equal;
            out.println("Data check " + sql.layout().name() + ": " + (equal ? "holds the " + users
                    + " seeded users (checksum " + expected + ")" : "DIFFERS: " + summary.users()
                    + " users, rows per table " + summary.rowsPerTable() + ", checksum " + summary.checksum()
                    + " instead of " + expected));
        }
        return allEqual;
    }

    static String describe(String layout, Seeder.Timing timing) {
        return String.format(Locale.ROOT, "%s: %d users in %.3f s = %.0f users/s (generating %.3f s, overlapped; "
                        + "inserting %.3f s; waiting for users %.3f s)", layout, timing.users(), timing.seconds(),
                timing.usersPerSecond(), timing.generateNanos() / 1e9, timing.insertNanos() / 1e9,
                timing.waitNanos() / 1e9);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap ever used at once. */
    static String peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        return "Peak heap used: " + (peak + MIB / 2) / MIB + " MiB (sum of the heap pools' peaks) of a "
                + (max + MIB / 2) / MIB + " MiB maximum";
    }
}
