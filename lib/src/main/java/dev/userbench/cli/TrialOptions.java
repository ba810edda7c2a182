package dev.userbench.cli;

import dev.userbench.report.VerdictRule;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * How a benchmark is measured and judged: trials, forks, warm-up and the practical threshold, the options {@code run}
 * and {@code calibrate} share, so a calibration describes exactly the runs it calibrates.
 */
final class TrialOptions {

    @Option(names = "--trials", paramLabel = "N", defaultValue = "6",
            description = "Measured trials per benchmark in each fork; layouts run interleaved in a balanced order "
                    + "(A B, B A, ...), which cancels a linear drift exactly for an even count (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "2",
            description = "Fresh JVMs to run the trials in, one after the other; their trials are merged, and the "
                    + "intervals resample forks too, so one JVM's JIT decisions cannot pass for a difference between "
                    + "layouts (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--warmup", paramLabel = "TRIALS", defaultValue = "2",
            description = "Discarded warm-up trials per layout before each benchmark's measured ones, at least; "
                    + "more follow until two in a row agree within 10 %% on time per operation, up to --warmup-max; "
                    + "0 turns warm-up off (default: ${DEFAULT-VALUE}).")
    int warmupTrials;

    @Option(names = "--warmup-max", paramLabel = "TRIALS", defaultValue = "5",
            description = "The most warm-up trials per layout before each benchmark (default: ${DEFAULT-VALUE}).")
    int warmupMaxTrials;

    @Option(names = "--threshold", paramLabel = "FRACTION", defaultValue = "0.05",
            description = "Practical threshold: a significant difference smaller than this (0.05 = 5 %%) is called "
                    + "negligible (default: ${DEFAULT-VALUE}). " + VerdictRule.RULE)
    double threshold;

    @Option(names = "--fork-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Stop a fork that shows no sign of life (no progress, no new phase) for this long and end "
                    + "the run with what was finished (default: ${DEFAULT-VALUE}).")
    long forkTimeoutSeconds;

    /** Refuses what RunOptions does not check: the fork timeout. */
    void check() {
        if (forkTimeoutSeconds < 1) {
            throw new UsageException("--fork-timeout must be at least 1 second, got " + forkTimeoutSeconds);
        }
    }

    /** These options as a {@code run} command line takes them, for the runs calibrate launches. */
    List<String> asArguments() {
        return List.of("--trials=" + trials, "--forks=" + forks, "--warmup=" + warmupTrials,
                "--warmup-max=" + warmupMaxTrials, "--threshold=" + threshold, "--fork-timeout=" + forkTimeoutSeconds);
    }
}
