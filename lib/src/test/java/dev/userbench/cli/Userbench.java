package dev.userbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The command line run in-process, as a user would run it, with what it printed. */
final class Userbench {

    record Outcome(int exitCode, String out, String err) {
        /** Everything the user saw. */
        String console() {
            return out + err;
        }
    }

    private Userbench() {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    static Outcome run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    static List<String> args(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** Every file the run wrote under a folder, read as text (results.json, results.csv, any report). */
    static String filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }
}
