package dev.userbench.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs jupyter_kernel_test's protocol checks (src/test/python) against the shaded kernel. */
class JupyterConformanceIT {
    @TempDir
    Path temp;

    @Test
    void kernelPassesTheJupyterKernelTestSuite() throws Exception {
        ExternalTools.assumePythonModules("jupyter_kernel_test");
        Path jupyterPath = ExternalTools.installKernel(temp.resolve("prefix"), "java");
        Path suite = Path.of("src/test/python/test_kernel_conformance.py").toAbsolutePath();

        Map<String, String> env = new HashMap<>(ExternalTools.jupyterEnvironment(jupyterPath, temp));
        env.put("KERNEL_NAME", "java");
        ExternalTools.Outcome outcome = ExternalTools.run(
                List.of(ExternalTools.SYSTEM_PYTHON.toString(), "-m", "unittest", "-v", suite.getFileName().toString()),
                suite.getParent(), env, Duration.ofMinutes(5));

        System.out.println(outcome.output()); // kept in the failsafe report
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    }
}
