package dev.userbench.cluster;

/** A local cluster cannot start on this machine; the message is one sentence naming the package that fixes it. */
public final class ClusterUnavailableException extends IllegalArgumentException {

    public ClusterUnavailableException(String message) {
        super(message);
    }
}
