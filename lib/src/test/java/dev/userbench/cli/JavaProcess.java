package dev.userbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line in a JVM of its own, as a user starts it: for environment variables and signals. */
final class JavaProcess {

    private JavaProcess() {
    }

    static Process start(Map<String, String> environment, Path stdout, Path stderr, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Watches {@code parent} until it ends: no process below it may show {@code secret} on its command line, and the
     * forks it launched (its own children with {@code --fork=}; a fork's short-lived children show the fork's command
     * line until they exec, and are not forks) are returned by process id.
     */
    static Set<Long> forksWatched(Process parent, String secret) throws InterruptedException {
        Set<Long> forks = new HashSet<>();
        while (parent.isAlive()) {
            parent.descendants().forEach(process -> assertThat(commandLine(process.pid())).doesNotContain(secret));
            parent.children().forEach(child -> {
                if (commandLine(child.pid()).contains("--fork=")) {
                    forks.add(child.pid());
                }
            });
            Thread.sleep(50);
        }
        return forks;
    }

    /** A live process's command line, arguments separated by spaces; empty once it is gone. */
    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }
}
