package dev.userbench.bench;

/** A run that stopped part-way: what it finished, the phase it was in, and the cause. */
public final class RunFailedException extends RuntimeException {

    private final String phase;
    private final transient RunResult partial;

    public RunFailedException(String phase, RunResult partial, Throwable cause) {
        super("the run failed during " + phase + ": " + cause.getMessage(), cause);
        this.phase = phase;
        this.partial = partial;
    }

    public String phase() {
        return phase;
    }

    /** The results finished before the failure, marked failed; null when it failed before connecting. */
    public RunResult partial() {
        return partial;
    }
}
