package dev.userbench.seed;

import dev.userbench.cli.Main;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layouts;
import dev.userbench.schema.LayoutSql;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The export is the same users the tool seeds: loaded by each engine's own loader, it has their checksum. */
@Tag("engine")
class ExportLoadsWithEngineToolsTest {

    private static final int USERS = 3_000;
    private static final long SEED = 23;

    @Test
    void theExportLoadedBySqlite3sImportHoldsTheSeededUsers(@TempDir Path dir) throws Exception {
        assumeTrue(runs(dir, "sqlite3", "-version"), "the sqlite3 command-line shell is not installed");
        Path csv = export(dir);
        Path database = dir.resolve("imported.db");
        ConnectionSpec spec = ConnectionSpec.of("jdbc:sqlite:" + database);
        LayoutSql sql = spec.dialect().sql(Layouts.MONOLITH);
        try (Connection connection = spec.open()) {
            Seeder.recreate(connection, sql);
        }
        // sqlite3 before 3.41 has no unhex(): the repository's small extension supplies it
        Path unhex = dir.resolve("unhex.so");
        Path source = Path.of("..", "perf", "sqlite-unhex.c").toAbsolutePath();
        boolean haveUnhex = runs(dir, "sqlite3", ":memory:", "SELECT unhex('00')");
        if (!haveUnhex) {
            assumeTrue(Files.exists(source) && runs(dir, "gcc", "-O2", "-fPIC", "-shared", "-o", unhex.toString(),
                    source.toString()), "sqlite3 lacks unhex() and the extension could not be built with gcc");
        }
        String columns = "uid,email,password_hash,role,is_verified,name,phone,location,bio,profile_image,created_at,last_active";
        String values = "unhex(replace(NEW.uid, '-', '')),NEW.email,NEW.password_hash,NEW.role,NEW.is_verified,NEW.name,"
                + "NEW.phone,NEW.location,NEW.bio,NEW.profile_image,unixepoch(NEW.created_at),unixepoch(NEW.last_active)";
        String script = (haveUnhex ? "" : ".load " + unhex.toString().replaceAll("\\.so$", "") + "\n")
                + "CREATE TEMP VIEW load_users (" + columns + ") AS SELECT " + columns + " FROM main.user_monolith;\n"
                + "CREATE TEMP TRIGGER load_users_insert INSTEAD OF INSERT ON load_users BEGIN INSERT INTO user_monolith ("
                + columns + ") VALUES (" + values + "); END;\n"
                + ".import --csv --skip 1 " + csv + " load_users\n";
        Path scriptFile = dir.resolve("load.sql");
        Files.writeString(scriptFile, script);
        Process sqlite3 = new ProcessBuilder("sqlite3", "-bail", database.toString())
                .redirectInput(scriptFile.toFile()).redirectErrorStream(true).start();
        String output = new String(sqlite3.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sqlite3.waitFor()).as(output).isZero();

        try (Connection connection = spec.open()) {
            DataCheck.Summary summary = DataCheck.of(connection, sql);
            assertThat(summary.users()).isEqualTo(USERS);
            assertThat(summary.checksum()).isEqualTo(DataCheck.expected(new UserGenerator(SEED), USERS));
        }
    }

    @Test
    void theExportCopiedIntoPostgresqlByItsOwnCsvLoaderHoldsTheSeededUsers(@TempDir Path dir) throws Exception {
        Path csv = export(dir);
        ConnectionSpec spec = TestEngine.POSTGRESQL.connection();
        LayoutSql sql = spec.dialect().sql(Layouts.MONOLITH);
        try (Connection connection = spec.open()) {
            Seeder.recreate(connection, sql);
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                long rows = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY user_monolith FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
                assertThat(rows).isEqualTo(USERS);
            }
            connection.commit();
            DataCheck.Summary summary = DataCheck.of(connection, sql);
            assertThat(summary.users()).isEqualTo(USERS);
            assertThat(summary.checksum()).isEqualTo(DataCheck.expected(new UserGenerator(SEED), USERS));
            Seeder.drop(connection, sql);
        }
    }

    private static Path export(Path dir) throws IOException {
        Path csv = dir.resolve("users.csv");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"export", "--users", String.valueOf(USERS), "--seed", String.valueOf(SEED),
                "--format", "csv", "--out", csv.toString(), "--threads", "2"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(USERS + 1);
        return csv;
    }

    private static boolean runs(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
