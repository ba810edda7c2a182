package dev.userbench.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Running the servers' own programs as their own OS user, and the files and ports a local cluster needs. */
final class LocalProcesses {

    private LocalProcesses() {
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Runs a program to its end as {@code osUser} when this process is root (the servers refuse to run as root),
     * else as this user; its output goes to {@code log}. Fails with the log's last lines when it exits non-zero.
     */
    static void run(String osUser, Path log, long timeoutSeconds, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (root()) {
            line.addAll(List.of("runuser", "-u", osUser, "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command[0] + " did not finish within " + timeoutSeconds + " s; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(Path.of(command[0]).getFileName() + " failed (exit " + process.exitValue() + "): "
                    + tail(log));
        }
    }

    /** Starts a long-running program (a server) as {@code osUser}, its output to {@code log}. */
    static Process spawn(String osUser, Path log, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (root()) {
            line.addAll(List.of("runuser", "-u", osUser, "--"));
        }
        line.addAll(List.of(command));
        return new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A fresh folder in the system temp dir owned by {@code osUser}, who must write the servers' files there. */
    static Path folderFor(String osUser, String prefix) throws IOException {
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix);
        if (root()) {
            UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
            Files.setOwner(folder, owner);
        }
        return folder;
    }

    /** A folder inside {@code parent} owned by {@code osUser}. */
    static Path subfolderFor(String osUser, Path parent, String name) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        if (root()) {
            UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
            Files.setOwner(folder, owner);
        }
        return folder;
    }

    /** A TCP port nobody listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The pid in the first line of a server's pid file, or -1. */
    static long pidIn(Path pidFile) {
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Kills a process and waits for it to be gone (at most 10 s). */
    static void killHard(long pid) {
        if (pid <= 0) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the caller's check that nothing is left
            }
        });
    }
}
