package dev.userbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code userbench}: the benchmark without a notebook. */
@Command(name = "userbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Should the hot login columns of a users table live apart from the cold profile columns? "
                + "Measures both layouts on SQLite, MariaDB/MySQL or PostgreSQL.",
        subcommands = {RunCommand.class, SeedCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** The project folder: defaults such as temp/ resolve against it (the launcher script sets it). */
    public static Path home() {
        String home = System.getProperty("userbench.home");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code, printing to the given writers. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            err.println("userbench: " + ex.getMessage() + " (see --help)");
            return ExitCode.USAGE.code();
        });
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"userbench " + (version == null ? "development build" : version)};
        }
    }
}
