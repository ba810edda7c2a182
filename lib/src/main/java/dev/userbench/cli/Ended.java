package dev.userbench.cli;

/**
 * A command that ended without results to show, its one-sentence message already printed: carries only the exit
 * code up to the command's {@code call()}. No stack trace is filled in; it is a signal, not an error.
 */
final class Ended extends RuntimeException {
    final int exitCode;

    Ended(int exitCode) {
        super(null, null, false, false);
        this.exitCode = exitCode;
    }
}
