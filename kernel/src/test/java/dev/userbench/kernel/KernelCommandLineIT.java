package dev.userbench.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar's command line, as users and CI scripts call it. */
class KernelCommandLineIT {
    @TempDir
    Path temp;

    private ExternalTools.Outcome kernelJar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", ExternalTools.kernelJar().toString()));
        command.addAll(List.of(args));
        return ExternalTools.run(command, temp, Map.of(), Duration.ofMinutes(1));
    }

    @Test
    void installWritesTheKernelspecUnderThePrefix() throws Exception {
        ExternalTools.Outcome outcome = kernelJar("install", "--prefix", temp.toString());

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(Files.readString(temp.resolve("share/jupyter/kernels/java/kernel.json")))
                .contains(ExternalTools.kernelJar().toString(), "{connection_file}", "\"interrupt_mode\": \"message\"");
    }

    @Test
    void installRefusesToOverwriteWithExitCode2() throws Exception {
        kernelJar("install", "--prefix", temp.toString());

        ExternalTools.Outcome again = kernelJar("install", "--prefix", temp.toString());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.output().strip()).doesNotContain("\n").contains("already exists", "--force");
    }

    @Test
    void badArgumentsGiveOneSentenceAndExitCode2() throws Exception {
        ExternalTools.Outcome outcome = kernelJar("install", "--nonsense");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output().strip()).doesNotContain("\n").doesNotContain("Exception").contains("--nonsense");
    }

    @Test
    void aMissingConnectionFileIsAUsageError() throws Exception {
        ExternalTools.Outcome outcome = kernelJar("no-such-connection.json");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output().strip()).doesNotContain("\n").contains("no-such-connection.json");
    }
}
