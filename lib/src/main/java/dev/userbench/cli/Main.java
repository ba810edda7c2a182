package dev.userbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.userbench.schema.JdbcUrls;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code userbench}: the benchmark without a notebook. */
@Command(name = "userbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Should the hot login columns of a users table live apart from the cold profile columns? "
                + "Measures both layouts on SQLite, MariaDB/MySQL or PostgreSQL.",
        subcommands = {RunCommand.class, CalibrateCommand.class, SeedCommand.class, ExportCommand.class, RenderCommand.class, CleanCommand.class,
                ClusterCommand.class, AdviseCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** The project folder: defaults such as temp/ resolve against it (the launcher script sets it). */
    public static Path home() {
        String home = System.getProperty("userbench.home");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    /** Held so the settings stick: java.util.logging keeps only weak references to loggers. */
    private static final List<java.util.logging.Logger> QUIET_DRIVERS = new ArrayList<>();

    public static void main(String[] args) {
        quietDriverLogging();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * pgjdbc and mysql-connector-j log warnings (an unparsable URL, quoted back whole) to the console through
     * java.util.logging; the command line reports every failure itself, in one masked sentence.
     */
    private static void quietDriverLogging() {
        for (String name : List.of("org.postgresql", "com.mysql", "org.mariadb", "org.sqlite")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.OFF);
            QUIET_DRIVERS.add(logger);
        }
    }

    /** Runs the command line and returns its exit code, printing to the given writers. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            // picocli quotes the arguments back, a mistyped --pasword's value included
            err.println("userbench: " + JdbcUrls.redact(ex.getMessage(), passwordsIn(arguments)) + " (see --help)");
            return ExitCode.USAGE.code();
        });
        return commandLine.execute(args);
    }

    /** Values that follow anything looking like a password option, and USERBENCH_PASSWORD: never echoed. */
    static List<String> passwordsIn(String[] arguments) {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (PASSWORD_OPTION.matcher(argument).matches()) {
                int equals = argument.indexOf('=');
                if (equals >= 0) {
                    secrets.add(argument.substring(equals + 1));
                } else if (i + 1 < arguments.length) {
                    secrets.add(arguments[i + 1]);
                }
            }
            secrets.addAll(JdbcUrls.passwords(argument));
        }
        String fromEnvironment = System.getenv("USERBENCH_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            secrets.add(fromEnvironment);
        }
        return secrets;
    }

    private static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)--?[a-z-]*(pas|pw|secret)[a-z-]*(=.*)?");

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"userbench " + (version == null ? "development build" : version)};
        }
    }
}
