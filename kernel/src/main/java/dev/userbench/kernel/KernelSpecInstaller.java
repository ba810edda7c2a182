package dev.userbench.kernel;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Jupyter kernelspec ({@code <base>/share/jupyter/kernels/<name>/kernel.json}) that starts this
 * kernel with {@code java -jar <jar> {connection_file}}.
 */
final class KernelSpecInstaller {
    static final String DEFAULT_NAME = "java";
    static final String DEFAULT_DISPLAY_NAME = "Java (user-entity-bench)";

    /** Where Jupyter's data folder ({@code .../share/jupyter} or its per-user equivalent) is. */
    sealed interface Location permits User, SysPrefix, Prefix {
        Path jupyterDataDir(Map<String, String> env);
    }

    /**
     * Jupyter's per-user data folder: {@code $JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter}, else
     * {@code ~/.local/share/jupyter} (Linux; the same order Jupyter itself uses there).
     */
    record User() implements Location {
        @Override
        public Path jupyterDataDir(Map<String, String> env) {
            if (isSet(env.get("JUPYTER_DATA_DIR"))) {
                return Path.of(env.get("JUPYTER_DATA_DIR"));
            }
            if (isSet(env.get("XDG_DATA_HOME"))) {
                return Path.of(env.get("XDG_DATA_HOME"), "jupyter");
            }
            return Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
        }
    }

    /**
     * The active Python environment's prefix: {@code $VIRTUAL_ENV}, else {@code $CONDA_PREFIX}, else
     * {@code /usr/local} (on the search path of a system-wide Jupyter, e.g. Debian's).
     */
    record SysPrefix() implements Location {
        @Override
        public Path jupyterDataDir(Map<String, String> env) {
            for (String variable : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
                if (isSet(env.get(variable))) {
                    return Path.of(env.get(variable), "share", "jupyter");
                }
            }
            return Path.of("/usr/local/share/jupyter");
        }
    }

    /** An explicit prefix; point JUPYTER_PATH at {@code <dir>/share/jupyter} to use it. */
    record Prefix(Path dir) implements Location {
        @Override
        public Path jupyterDataDir(Map<String, String> env) {
            return dir.resolve("share").resolve("jupyter");
        }
    }

    /** What {@code install} was asked to do. */
    record Request(Location location, String name, String displayName, boolean force) {
    }

    /** The install could not be done; the message is one sentence for the user. */
    static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    private KernelSpecInstaller() {
    }

    /**
     * Writes the kernelspec.
     *
     * @param kernelJar the jar that the kernelspec runs
     * @return the kernelspec folder
     * @throws RefusedException if a kernelspec of that name exists and {@code force} is off
     */
    static Path install(Request request, Path kernelJar, Map<String, String> env) throws RefusedException, IOException {
        Path specDir = request.location().jupyterDataDir(env).resolve("kernels").resolve(request.name())
                .toAbsolutePath().normalize();
        Path kernelJson = specDir.resolve("kernel.json");
        if (Files.exists(kernelJson) && !request.force()) {
            throw new RefusedException("A kernelspec named '" + request.name() + "' already exists in " + specDir
                    + "; pass --force to replace it.");
        }
        Files.createDirectories(specDir);
        Files.writeString(kernelJson, kernelJson(kernelJar.toAbsolutePath().normalize(), request.displayName()));
        return specDir;
    }

    static String kernelJson(Path kernelJar, String displayName) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", List.of("java", "-jar", kernelJar.toString(), "{connection_file}"));
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
