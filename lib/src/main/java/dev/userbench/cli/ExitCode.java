package dev.userbench.cli;

/** The process exit codes, documented in the README. */
public enum ExitCode {
    OK(0), USAGE(2), CONNECTION(3), RUN_FAILED(4), MISSING_TOOL(5), INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
