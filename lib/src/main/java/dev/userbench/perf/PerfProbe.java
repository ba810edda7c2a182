package dev.userbench.perf;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.LatencyRecorder;
import dev.userbench.bench.Session;
import dev.userbench.bench.LoginBenchmark;
import dev.userbench.bench.LoginSample;
import dev.userbench.bench.Measurement;
import dev.userbench.model.User;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.RowReader;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserBatches;
import dev.userbench.seed.UserGenerator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The measurements of {@code perf/seed-and-login.sh} that need the JVM, one line of {@code key=value}
 * per figure so the script can put them side by side:
 * <pre>
 * generate USERS THREADS...                      users/s through the generator pipeline, per thread count
 * login URL USER USERS SEED LOGINS ROUNDS        the tool's timed login loop vs a bare JDBC loop
 * </pre>
 * The login probe expects {@code user_monolith} to hold the first USERS users of SEED (as {@code
 * userbench seed} leaves it) and compares, on one connection and the same emails, {@link LoginBenchmark}
 * (variant projected, with its per-call clock and histogram) against the same statement looped with
 * nothing but JDBC calls. Rounds alternate which loop goes first; the median ratio is reported.
 */
public final class PerfProbe {

    private static long sink;

    private PerfProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: generate USERS THREADS... | login URL USER USERS SEED LOGINS ROUNDS");
        }
        switch (args[0]) {
            case "generate" -> generate(Long.parseLong(args[1]),
                    Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray());
            case "login" -> login(args[1], args[2].isEmpty() ? null : args[2], Long.parseLong(args[3]),
                    Long.parseLong(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("unknown probe " + args[0]);
        }
        System.out.println("sink=" + (sink & 1));
    }

    private static void generate(long users, int[] threadCounts) {
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
        long coldStart = System.nanoTime();
        drain(generator, users, threadCounts[0]);
        double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
        System.out.printf(Locale.ROOT, "generation threads=%d users=%d seconds=%.3f users_per_s=%.0f (cold: first users of a fresh JVM)%n",
                threadCounts[0], users, coldSeconds, users / coldSeconds);
        for (int threads : threadCounts) {
            drain(generator, users / 4, threads);
            long start = System.nanoTime();
            drain(generator, users, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "generation threads=%d users=%d seconds=%.3f users_per_s=%.0f (warm)%n",
                    threads, users, seconds, users / seconds);
        }
    }

    private static void drain(UserGenerator generator, long users, int threads) {
        try (UserBatches batches = new UserBatches(generator, 0, users, Seeder.DEFAULT_BATCH, threads)) {
            while (batches.hasNext()) {
                for (User user : batches.next()) {
                    sink += user.email().length() + user.bio().length();
                }
            }
        }
    }

    private static void login(String url, String user, long users, long seed, int logins, int rounds) throws SQLException {
        ConnectionSpec spec = new ConnectionSpec(url, user, null);
        LayoutSql sql = spec.dialect().sql(Layouts.MONOLITH);
        UserGenerator generator = new UserGenerator(seed);
        List<String> emails = LoginSample.emails(generator, users, logins, seed);
        LoginBenchmark tool = LoginBenchmark.projected();
        LayoutSql.Select select = tool.query(sql);
        try (Session session = new Session(spec)) {
            Connection connection = session.connection();
            BenchContext context = new BenchContext(session, generator, users, Seeder.DEFAULT_BATCH, emails, Progress.NONE);
            toolRate(tool, context, sql);
            bare(connection, spec.dialect(), select, emails);
            List<Double> ratios = new ArrayList<>();
            List<Double> toolRates = new ArrayList<>();
            List<Double> bareRates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double toolRate;
                double bareRate;
                if (round % 2 == 0) {
                    toolRate = toolRate(tool, context, sql);
                    bareRate = bare(connection, spec.dialect(), select, emails);
                } else {
                    bareRate = bare(connection, spec.dialect(), select, emails);
                    toolRate = toolRate(tool, context, sql);
                }
                toolRates.add(toolRate);
                bareRates.add(bareRate);
                ratios.add(toolRate / bareRate);
            }
            System.out.printf(Locale.ROOT, "login engine=%s logins=%d rounds=%d tool_ops_per_s=%.0f bare_ops_per_s=%.0f "
                            + "ratio=%.3f ratio_min=%.3f ratio_max=%.3f%n", spec.dialect().engine().label(), logins, rounds,
                    median(toolRates), median(bareRates), median(ratios),
                    ratios.stream().mapToDouble(d -> d).min().orElse(0), ratios.stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    /** One measured trial exactly as the harness records it: per-call histogram, operations and wall time. */
    private static double toolRate(LoginBenchmark tool, BenchContext context, LayoutSql sql) throws SQLException {
        LatencyRecorder recorder = LatencyRecorder.forTrial(0);
        tool.run(context, sql, tool.calls(context), recorder);
        return Measurement.of(sql.layout().name(), tool.operation(), tool.variant(), List.of(recorder)).opsPerS();
    }

    /**
     * The same statement, emails and column reads (the dialect's, as the tool's) with nothing around the
     * JDBC calls: no clock per call, no histogram, so the ratio is the cost of the harness alone.
     */
    private static double bare(Connection connection, Dialect dialect, LayoutSql.Select select, List<String> emails)
            throws SQLException {
        RowReader reader = RowReader.of(dialect, select);
        try (PreparedStatement statement = connection.prepareStatement(select.sql())) {
            long start = System.nanoTime();
            for (String email : emails) {
                statement.setString(1, email);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no user for " + email + ": seed user_monolith first");
                    }
                    reader.read(row);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.commit();
            sink += reader.sink();
            return emails.size() / seconds;
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
