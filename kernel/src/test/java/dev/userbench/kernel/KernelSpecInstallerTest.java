package dev.userbench.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelSpecInstallerTest {
    @TempDir
    Path temp;

    private Path install(String... args) throws Exception {
        return KernelSpecInstaller.install(Main.parseInstall(List.of(args)), temp.resolve("kernel.jar"), Map.of());
    }

    @Test
    void prefixInstallWritesKernelJsonThatRunsTheJar() throws Exception {
        Path specDir = install("--prefix", temp.resolve("pfx").toString());

        assertThat(specDir).isEqualTo(temp.resolve("pfx/share/jupyter/kernels/java"));
        JsonObject spec = new Gson().fromJson(Files.readString(specDir.resolve("kernel.json")), JsonObject.class);
        assertThat(spec.getAsJsonArray("argv").toString())
                .isEqualTo("[\"java\",\"-jar\",\"" + temp.resolve("kernel.jar") + "\",\"{connection_file}\"]");
        assertThat(spec.get("language").getAsString()).isEqualTo("java");
        assertThat(spec.get("interrupt_mode").getAsString()).isEqualTo("message");
        assertThat(spec.get("display_name").getAsString()).isEqualTo("Java (user-entity-bench)");
    }

    @Test
    void nameAndDisplayNameCanBeChosen() throws Exception {
        Path specDir = install("--prefix", temp.toString(), "--name", "bench-java", "--display-name", "Bench Java");

        assertThat(specDir.getFileName().toString()).isEqualTo("bench-java");
        assertThat(Files.readString(specDir.resolve("kernel.json"))).contains("\"display_name\": \"Bench Java\"");
    }

    @Test
    void refusesToOverwriteAnExistingKernelspecWithoutForce() throws Exception {
        install("--prefix", temp.toString());

        assertThatThrownBy(() -> install("--prefix", temp.toString()))
                .isInstanceOf(KernelSpecInstaller.RefusedException.class)
                .hasMessageContaining("--force");
    }

    @Test
    void forceReplacesAnExistingKernelspec() throws Exception {
        install("--prefix", temp.toString(), "--display-name", "old");

        Path specDir = install("--prefix", temp.toString(), "--display-name", "new", "--force");

        assertThat(Files.readString(specDir.resolve("kernel.json"))).contains("\"new\"");
    }

    @Test
    void userInstallGoesToTheJupyterDataDir() {
        Path dataDir = new KernelSpecInstaller.User().jupyterDataDir(Map.of("JUPYTER_DATA_DIR", "/data/jupyter"));

        assertThat(dataDir).isEqualTo(Path.of("/data/jupyter"));
    }

    @Test
    void sysPrefixInstallUsesTheActiveVirtualEnvironment() {
        Path dataDir = new KernelSpecInstaller.SysPrefix().jupyterDataDir(Map.of("VIRTUAL_ENV", "/venv"));

        assertThat(dataDir).isEqualTo(Path.of("/venv/share/jupyter"));
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThatThrownBy(() -> Main.parseInstall(List.of("--everywhere")))
                .isInstanceOf(Main.UsageException.class)
                .hasMessageContaining("--everywhere");
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        assertThatThrownBy(() -> Main.parseInstall(List.of("--prefix")))
                .isInstanceOf(Main.UsageException.class)
                .hasMessage("The option --prefix needs a value.");
    }

    @Test
    void twoLocationsAreAUsageError() {
        assertThatThrownBy(() -> Main.parseInstall(List.of("--user", "--sys-prefix")))
                .isInstanceOf(Main.UsageException.class);
    }
}
