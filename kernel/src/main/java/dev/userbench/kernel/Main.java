package dev.userbench.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar user-entity-bench-kernel.jar {connection_file}} runs the kernel;
 * {@code java -jar user-entity-bench-kernel.jar install [options]} writes its kernelspec.
 */
public final class Main {
    static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            Usage:
              java -jar user-entity-bench-kernel.jar CONNECTION_FILE
              java -jar user-entity-bench-kernel.jar install [--user | --sys-prefix | --prefix DIR]
                                                           [--name NAME] [--display-name TEXT] [--force]
            install writes <jupyter data dir>/kernels/NAME/kernel.json (NAME defaults to "java"):
              --user        ~/.local/share/jupyter (or $JUPYTER_DATA_DIR, $XDG_DATA_HOME/jupyter); the default
              --sys-prefix  $VIRTUAL_ENV or $CONDA_PREFIX, else /usr/local, plus /share/jupyter
              --prefix DIR  DIR/share/jupyter (use it with JUPYTER_PATH=DIR/share/jupyter)
              --force       replace an existing kernelspec of the same name
            """;

    /** The command line was wrong; the message is one sentence. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        try {
            if (args.length >= 1 && args[0].equals("install")) {
                Path specDir = KernelSpecInstaller.install(parseInstall(List.of(args).subList(1, args.length)),
                        ownJar(), System.getenv());
                System.out.println("Installed the kernelspec in " + specDir);
                return;
            }
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.print(USAGE);
                return;
            }
            if (args.length != 1 || args[0].startsWith("-")) {
                throw new UsageException(args.length == 0
                        ? "Expected a connection file or 'install' (see --help)."
                        : "Expected one connection file or 'install' (see --help), not '" + String.join(" ", args) + "'.");
            }
            runKernel(Path.of(args[0]));
            System.exit(0); // cell code may have left non-daemon threads behind
        } catch (UsageException | KernelSpecInstaller.RefusedException e) {
            System.err.println(e.getMessage());
            System.exit(USAGE_ERROR);
        } catch (IOException e) {
            System.err.println("I/O error: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("The kernel failed: " + e);
            System.exit(1);
        }
    }

    static KernelSpecInstaller.Request parseInstall(List<String> args) throws UsageException {
        KernelSpecInstaller.Location location = null;
        String name = KernelSpecInstaller.DEFAULT_NAME;
        String displayName = KernelSpecInstaller.DEFAULT_DISPLAY_NAME;
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            KernelSpecInstaller.Location chosen = null;
            switch (arg) {
                case "--user" -> chosen = new KernelSpecInstaller.User();
                case "--sys-prefix" -> chosen = new KernelSpecInstaller.SysPrefix();
                case "--prefix" -> chosen = new KernelSpecInstaller.Prefix(Path.of(valueOf(args, ++i, arg)));
                case "--name" -> name = valueOf(args, ++i, arg);
                case "--display-name" -> displayName = valueOf(args, ++i, arg);
                case "--force" -> force = true;
                default -> throw new UsageException("Unknown install option '" + arg + "' (see --help).");
            }
            if (chosen != null) {
                if (location != null) {
                    throw new UsageException("Choose only one of --user, --sys-prefix and --prefix.");
                }
                location = chosen;
            }
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new UsageException("A kernel name may only contain letters, digits, '.', '_' and '-', not '" + name + "'.");
        }
        return new KernelSpecInstaller.Request(location == null ? new KernelSpecInstaller.User() : location,
                name, displayName, force);
    }

    private static String valueOf(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException("The option " + option + " needs a value.");
        }
        return args.get(index);
    }

    private static void runKernel(Path connectionFile) throws Exception {
        if (!Files.isRegularFile(connectionFile)) {
            throw new UsageException("The connection file " + connectionFile + " does not exist.");
        }
        // images render through AWT, and kernels run without a display
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        quietChannelLoops();

        // start JShell before connecting, so the first cell does not pay for it
        JavaKernel kernel = new JavaKernel(EvaluatorConfig.fromEnvironment(Path.of(""), System.getenv()));
        JupyterConnection connection = new JupyterConnection(
                KernelConnectionProperties.parse(Files.readString(connectionFile)));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }

    /**
     * The base kernel logs every start and stop of its channel loops at INFO, to loggers named
     * "Loop-*" that cannot be configured ahead. Drop those lines; other logging (cell code's) stays.
     */
    private static void quietChannelLoops() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFilter(record -> record.getLoggerName() == null
                    || !record.getLoggerName().startsWith("Loop-")
                    || record.getLevel().intValue() >= Level.WARNING.intValue());
        }
    }

    private static Path ownJar() throws UsageException {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new UsageException("install must run from the kernel jar, not from " + location + ".");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new UsageException("Cannot tell where the kernel jar is: " + e.getMessage() + ".");
        }
    }
}
