package dev.userbench.cli;

import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.schema.CsvRows;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserBatches;
import dev.userbench.seed.UserGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code userbench export}: the seeded users as a file any engine's own loader reads. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the seeded fake users, the same ones seed and run insert, as CSV in the monolith's "
                + "column order with a header line, so the engines' own tools can load the same data.",
                "Format (RFC 4180): a field is quoted only when it holds a comma, quote, backslash or line break "
                        + "(quotes doubled); uid as canonical text (8-4-4-4-12 hex); role as GUEST, MEMBER or ADMIN; "
                        + "is_verified as 1 or 0; created_at and last_active as ISO-8601 UTC, e.g. "
                        + "2025-03-01T12:34:56Z; UTF-8; lines end in LF. PostgreSQL loads it as it is (COPY ... CSV "
                        + "HEADER); MariaDB/MySQL with LOAD DATA ... FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY "
                        + "'\"' ESCAPED BY '' IGNORE 1 LINES and SET uid = UNHEX(REPLACE(@uid, '-', '')), times via "
                        + "STR_TO_DATE(@t, '%%Y-%%m-%%dT%%H:%%i:%%sZ'); SQLite with .import --csv --skip 1 and unixepoch() "
                        + "for the times, the uid as a 16-byte blob of its hex digits (perf/seed-and-login.sh shows each)."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--users", paramLabel = "N", defaultValue = "10000",
            description = "How many users to write (default: ${DEFAULT-VALUE}).")
    long users;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the fake users: the same seed, the same users as seed and run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Output format; csv is the one there is (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "-",
            description = "File to write (UTF-8), or - for standard output (default: ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "Generator threads; any count gives the same users (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--bio-chars", paramLabel = "N", defaultValue = "200",
            description = "Longest bio in characters, as in run and seed (default: ${DEFAULT-VALUE}).")
    int bioChars;

    @Option(names = "--verbose", description = "Show the full error with its stack trace when something fails.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (users < 1) {
                throw new UsageException("--users must be at least 1, got " + users);
            }
            if (threads < 1) {
                throw new UsageException("--threads must be at least 1, got " + threads);
            }
            if (!"csv".equals(format.toLowerCase(Locale.ROOT))) {
                throw new UsageException("--format " + format + " is not supported: use --format csv");
            }
            UserGenerator generator = new UserGenerator(seed, bioChars);
            long start = System.nanoTime();
            if ("-".equals(out)) {
                PrintWriter stdout = spec.commandLine().getOut();
                write(generator, stdout, new ConsoleProgress(err));
                stdout.flush();
            } else {
                Path file = Path.of(out);
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    write(generator, writer, new ConsoleProgress(err));
                }
                err.println(String.format(Locale.ROOT, "Wrote %d users (seed %d) to %s in %.3f s", users, seed, file,
                        (System.nanoTime() - start) / 1e9));
            }
            return ExitCode.OK.code();
        } catch (Exception | Error e) {
            Failure failure = e instanceof IOException io
                    ? new Failure("could not write " + out + ": " + io.getMessage(), ExitCode.RUN_FAILED)
                    : Failure.of(e, "");
            err.println("userbench: " + failure.message());
            if (verbose) {
                e.printStackTrace(err);
            }
            return failure.exitCode().code();
        }
    }

    private void write(UserGenerator generator, Writer writer, ConsoleProgress progress) throws IOException {
        List<Field> columns = Layouts.MONOLITH.root().columns();
        writer.write(CsvRows.header(columns));
        StringBuilder lines = new StringBuilder(1 << 20);
        long done = 0;
        try (UserBatches batches = new UserBatches(generator, 0, users, Seeder.DEFAULT_BATCH, threads)) {
            while (batches.hasNext()) {
                List<User> batch = batches.next();
                lines.setLength(0);
                for (User user : batch) {
                    CsvRows.append(lines, columns, user);
                }
                writer.append(lines);
                done += batch.size();
                progress.update("exporting", done, users);
            }
        }
    }
}
