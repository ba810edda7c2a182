package dev.userbench.cli;

import dev.userbench.seed.Progress;

import java.io.PrintWriter;

/** A one-line progress display on the terminal, redrawn in place at most ten times a second. */
final class ConsoleProgress implements Progress {

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private long lastDraw;
    private String lastPhase = "";

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(String phase, long done, long total) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!finished && phase.equals(lastPhase) && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        lastPhase = phase;
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        err.print("\r" + String.format("%-40s [%s%s] %d/%d", phase, "#".repeat(filled), " ".repeat(width - filled), done, total));
        if (finished) {
            err.print("\r" + " ".repeat(100) + "\r");
        }
        err.flush();
    }
}
