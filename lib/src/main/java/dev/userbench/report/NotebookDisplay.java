package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.seed.Progress;

import java.util.Locale;

/**
 * Small pieces a notebook shows, kept here so cells stay short: an HTML progress bar for {@code updateDisplay},
 * a progress listener that redraws at most a few times a second, and fenced code for Markdown. Kernel-neutral: it
 * only builds text; the cell hands it to {@code display}/{@code updateDisplay}.
 */
public final class NotebookDisplay {

    /** Redraw at most this often: every update travels to the browser and into the saved notebook. */
    static final long REDRAW_NANOS = 200_000_000L;

    private NotebookDisplay() {
    }

    /** A one-line progress bar, e.g. {@code insert seed fragmented ▕████░░░▏ 6,000 / 10,000}. */
    public static String progressBar(String phase, long done, long total) {
        double fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, (double) done / total));
        String percent = String.format(Locale.ROOT, "%.0f %%", fraction * 100);
        return "<div style=\"font:13px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#222\">"
                + "<span style=\"display:inline-block;min-width:20em\">" + Html.escape(phase) + "</span> "
                + "<span style=\"display:inline-block;width:200px;height:10px;background:#e6e6e6;border-radius:5px;"
                + "vertical-align:middle;overflow:hidden\"><span style=\"display:block;height:100%;width:"
                + String.format(Locale.ROOT, "%.1f", fraction * 100) + "%;background:#1f77b4\"></span></span> "
                + Numbers.integer(done) + " / " + Numbers.integer(total) + " (" + percent + ")</div>";
    }

    /** What a finished step leaves in place of its progress bar. */
    public static String done(String what) {
        return "<div style=\"font:13px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#2a7a2a\">✓ "
                + Html.escape(what) + "</div>";
    }

    /**
     * Passes updates on at most every {@value #REDRAW_NANOS} ns per phase, and always the first and the last of a
     * phase, so a loop can report every step without flooding the notebook.
     */
    public static Progress throttled(Progress redraw) {
        return new Progress() {
            private String lastPhase;
            private long lastDraw;

            @Override
            public void update(String phase, long done, long total) {
                long now = System.nanoTime();
                boolean newPhase = !phase.equals(lastPhase);
                if (newPhase || done >= total || now - lastDraw >= REDRAW_NANOS) {
                    lastPhase = phase;
                    lastDraw = now;
                    redraw.update(phase, done, total);
                }
            }
        };
    }

    /** Tells {@code progress} as each measured trial starts: {@code login · seed on fragmented: trial 3 / 5}. */
    public static Harness.Listener trials(Progress progress, int trials) {
        return (benchmark, trial, arm, connection) -> progress.update(benchmark.operation() + " · "
                + benchmark.variant() + " on " + arm.label() + ": trial", trial + 1, trials);
    }

    /** Code as a fenced Markdown block, e.g. SQL to show beside the cell that runs it. */
    public static String fenced(String language, String code) {
        return "```" + language + "\n" + code.strip() + "\n```";
    }
}
