package dev.userbench.kernel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How to set up a JShell session.
 *
 * @param workingDirectory what relative globs of {@code %jars} and {@code %classpath} start from
 * @param classpathGlobs   jars or folders to add before the first cell
 * @param compilerOptions  extra javac flags
 * @param startupScript    Java code run once after the default imports; empty for none
 */
public record EvaluatorConfig(Path workingDirectory, List<String> classpathGlobs, List<String> compilerOptions,
                              String startupScript) {
    public EvaluatorConfig {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        classpathGlobs = List.copyOf(classpathGlobs);
        compilerOptions = List.copyOf(compilerOptions);
    }

    /** A plain session whose globs are relative to {@code workingDirectory}. */
    public static EvaluatorConfig in(Path workingDirectory) {
        return new EvaluatorConfig(workingDirectory, List.of(), List.of(), "");
    }

    /**
     * Reads IJava's kernel options, so a kernel.json written for IJava configures this kernel too:
     * {@code IJAVA_CLASSPATH} (globs separated by the path separator), {@code IJAVA_COMPILER_OPTS}
     * (whitespace-separated) and {@code IJAVA_STARTUP_SCRIPT}.
     */
    public static EvaluatorConfig fromEnvironment(Path workingDirectory, Map<String, String> env) {
        return new EvaluatorConfig(workingDirectory,
                split(env.get("IJAVA_CLASSPATH"), java.io.File.pathSeparator),
                split(env.get("IJAVA_COMPILER_OPTS"), "\\s+"),
                env.getOrDefault("IJAVA_STARTUP_SCRIPT", ""));
    }

    private static List<String> split(String value, String separatorRegex) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.trim().split(separatorRegex)).filter(s -> !s.isBlank()).toList();
    }
}
