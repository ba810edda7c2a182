package dev.userbench.cli;

import dev.userbench.seed.Progress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal with rows/s and the time left, redrawn in place at most ten
 * times a second. Between redraws an update costs one clock read, so a caller may report every batch.
 * Draws nothing when the output is not a terminal (a log file gets no carriage returns).
 */
final class ConsoleProgress implements Progress {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private long lastDraw;
    private long phaseStart;
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
        boolean newPhase = !phase.equals(lastPhase);
        if (newPhase) {
            phaseStart = now;
            lastPhase = phase;
        }
        boolean finished = done >= total;
        if (!finished && !newPhase && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = (now - phaseStart) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? formatSeconds((total - done) / rate) : "?";
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        err.print("\r" + String.format(Locale.ROOT, "%-28s [%s%s] %d/%d %,.0f rows/s ETA %s   ", phase,
                "#".repeat(filled), " ".repeat(width - filled), done, total, rate, eta));
        if (finished) {
            err.print("\r" + " ".repeat(110) + "\r");
        }
        err.flush();
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
