package dev.userbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real signal to a userbench process measuring on a local cluster: Ctrl-C (SIGINT) ends the run as on one server,
 * with the results so far, and SIGTERM ends the JVM; either way the cluster's servers are stopped and their files
 * removed (the shutdown hook is the last resort).
 */
@Tag("cluster")
@org.junit.jupiter.api.condition.EnabledIf("dev.userbench.cluster.ClusterPackages#postgres")
class ClusterCtrlCTest {

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalMidRunStopsTheClusterAndLeavesNoProcessAndNoFileBehind(String signal) throws Exception {
        Set<Path> before = clusterFolders();
        Path out = dir.resolve("interrupted");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = JavaProcess.start(Map.of(), stdout, stderr, List.of("run", "--jdbc-url",
                "cluster:postgres?shards=2", "--schema", "sharded_sig_t", "--layouts", "monolith@uid",
                "--workloads", "login", "--users", "300", "--ops", "20000", "--trials", "4", "--forks", "1",
                "--warmup", "0", "--warmup-max", "0", "--out", out.toString()));
        Set<Path> ours = new java.util.HashSet<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(stdout) && Files.readString(stdout).contains("through the head"))
                    && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(3000);
            assertThat(process.isAlive()).as("still measuring when signalled").isTrue();
            // other clusters may come and go beside this test (another build on the machine): follow this run's own
            Set<Path> started = clusterFolders();
            started.removeAll(before);
            assertThat(started).as("the run's cluster folder").isNotEmpty();
            ours.addAll(started);
            assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor()).isZero();
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        if (signal.equals("INT")) {
            String err = Files.readString(stderr);
            assertThat(process.exitValue()).as(err).isEqualTo(ExitCode.INTERRUPTED.code());
            assertThat(err).contains("interrupted during ", "status failed");
            JsonNode partial = new ObjectMapper().readTree(out.resolve("results.json").toFile());
            assertThat(partial.get("status").asText()).isEqualTo("failed");
        }
        assertThat(ours).allSatisfy(folder -> {
            assertThat(folder).doesNotExist();
            assertThat(serversOn(folder)).isZero();
        });
    }

    private static Set<Path> clusterFolders() throws IOException {
        try (Stream<Path> entries = Files.list(TMP)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("userbench-cluster-"))
                    .collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    /** Processes running on a data folder under {@code folder}. */
    private static long serversOn(Path folder) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(folder.toString()))
                .count();
    }
}
