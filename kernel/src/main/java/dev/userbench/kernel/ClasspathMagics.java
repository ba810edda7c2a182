package dev.userbench.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * IJava's {@code %jars} and {@code %classpath} line magics. Globs are resolved against the kernel's
 * working directory, which Jupyter sets to the notebook's folder; {@code /} separates path segments,
 * {@code *} and {@code ?} match within a segment and {@code **} across segments.
 */
final class ClasspathMagics {
    /** The magics this kernel knows, for error messages. */
    static final List<String> NAMES = List.of("jars", "classpath");

    private final Path workingDirectory;
    private final Consumer<String> addToClasspath;

    ClasspathMagics(Path workingDirectory, Consumer<String> addToClasspath) {
        this.workingDirectory = workingDirectory;
        this.addToClasspath = addToClasspath;
    }

    boolean knows(String magicName) {
        return NAMES.contains(magicName);
    }

    /**
     * Runs {@code %jars} (regular files only) or {@code %classpath} (files or folders). Every glob must
     * match something, as in IJava, so a typo fails loudly instead of surfacing later as a missing class.
     *
     * @return the absolute paths added, in order
     */
    List<Path> run(String magicName, List<String> globs) {
        Predicate<Path> accepted = "jars".equals(magicName) ? Files::isRegularFile : Files::exists;
        if (globs.isEmpty()) {
            throw new IllegalArgumentException("%" + magicName + " needs at least one path or glob");
        }
        List<Path> added = new ArrayList<>();
        for (String glob : globs) {
            List<Path> matches = resolve(glob).stream().filter(accepted).toList();
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("Exception resolving jar glob: nothing matches '" + glob
                        + "' (relative to " + workingDirectory + ")");
            }
            added.addAll(matches);
        }
        added.forEach(path -> addToClasspath.accept(path.toString()));
        return added;
    }

    /** All existing paths that {@code glob} matches, sorted. */
    List<Path> resolve(String glob) {
        String normalized = glob.replace('\\', '/');
        if (normalized.startsWith("~/")) {
            normalized = System.getProperty("user.home") + normalized.substring(1);
        }
        String[] segments = normalized.split("/+", -1);
        int firstWildcard = 0;
        while (firstWildcard < segments.length && !hasWildcard(segments[firstWildcard])) {
            firstWildcard++;
        }
        Path base = workingDirectory.resolve(normalized.startsWith("/") ? "/" : "");
        for (int i = 0; i < firstWildcard; i++) {
            if (!segments[i].isEmpty()) {
                base = base.resolve(segments[i]);
            }
        }
        base = base.toAbsolutePath().normalize();
        if (firstWildcard == segments.length) {
            return Files.exists(base) ? List.of(base) : List.of(); // a plain path, no pattern
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }

        String relativePattern = String.join("/", List.of(segments).subList(firstWildcard, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relativePattern);
        int depth = relativePattern.contains("**") ? Integer.MAX_VALUE : segments.length - firstWildcard;
        Path root = base;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            return walk.filter(path -> !path.equals(root))
                    .filter(path -> matcher.matches(root.relativize(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Exception resolving jar glob '" + glob + "'", e);
        }
    }

    private static boolean hasWildcard(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
