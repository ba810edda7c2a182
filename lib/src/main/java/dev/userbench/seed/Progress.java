package dev.userbench.seed;

/** Told how far a long step has come; the console and the notebook each draw it their way. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (phase, done, total) -> { };

    /** Called now and then, and once with {@code done == total} when the step ends. */
    void update(String phase, long done, long total);
}
