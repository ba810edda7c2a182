package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SIGINT to a running userbench process (the test's own child, by its pid): it stops naming the
 * phase, writes the results finished so far marked failed, exits 130, and the next run starts cleanly.
 */
@Tag("engine")
class CtrlCTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCWritesThePartialResultsExits130AndTheNextRunStartsCleanly() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("bench.db");
        Path out = dir.resolve("interrupted");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = JavaProcess.start(Map.of(), stdout, stderr, List.of("run", "--jdbc-url", url,
                "--users", "400000", "--trials", "3", "--warmup", "0", "--warmup-max", "0", "--out", out.toString()));
        try {
            // interrupt once inserting is under way: SQLite's rollback journal exists only inside a write
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            Path journal = dir.resolve("bench.db-journal");
            while (!(Files.exists(journal) && Files.size(dir.resolve("bench.db")) > 200_000)
                    && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            assertThat(process.isAlive()).as("still measuring when interrupted").isTrue();
            assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor()).isZero();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        String err = Files.readString(stderr);
        assertThat(process.exitValue()).as(err).isEqualTo(ExitCode.INTERRUPTED.code());
        assertThat(err.strip()).doesNotContain("\n").contains("interrupted during ", "status failed");
        JsonNode partial = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(partial.get("status").asText()).isEqualTo("failed");
        assertThat(partial.at("/failure/reason").asText()).isEqualTo("interrupted (Ctrl-C)");
        assertThat(partial.at("/failure/phase").asText()).contains("insert/", "trial");
        FragmentedInvariant.assertHolds(url, "userbench");

        Userbench.Outcome next = Userbench.run("run", "--jdbc-url", url, "--users", "300", "--logins", "50",
                "--trials", "1", "--warmup", "0", "--out", dir.resolve("next").toString());
        assertThat(next.exitCode()).as(next.err()).isZero();
        FragmentedInvariant.assertHolds(url, "userbench");
    }
}
