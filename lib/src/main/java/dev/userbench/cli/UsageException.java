package dev.userbench.cli;

/** A wrong argument; its message is the one sentence shown to the user. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
