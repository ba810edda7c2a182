package dev.userbench.schema;

/** The tool will not work in a namespace that is not its own; the message names the way out. */
public final class NamespaceRefusedException extends RuntimeException {

    public NamespaceRefusedException(String message) {
        super(message);
    }
}
