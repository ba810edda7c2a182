package dev.userbench.notebook;

import dev.userbench.bench.Benchmark;
import dev.userbench.bench.Harness;
import dev.userbench.report.NotebookDisplay;
import dev.userbench.seed.Progress;

import java.util.function.Consumer;

/**
 * A progress bar in one display, redrawn in place. It says which stage a step belongs to: the harness's warm-up
 * (discarded calls), the preparation of a trial (seeding), or a measured trial ("measuring … trial 3 / 5"); it
 * ends as a done line, or as a stopped line saying where an interrupt or failure stopped it.
 */
public final class ProgressBar implements Progress {

    /** Redraw at most this often: every update travels to the browser and into the saved notebook. */
    static final long REDRAW_NANOS = 200_000_000L;

    /** The prefix the harness puts before the progress of its warm-up trials. */
    private static final String WARM_UP = "warm-up: ";

    private final Consumer<String> redraw;
    private String label = "starting";
    private String lastPhase;
    private long lastDraw;
    /** The progress phase of the trial being measured (e.g. "insert seed fragmented"), null between trials. */
    private String measuredPhase;
    private String trialOf = "";
    private boolean finished;

    ProgressBar(Consumer<String> redraw) {
        this.redraw = redraw;
    }

    /** What the bar says now (the phase a forced stop is reported at). */
    public synchronized String label() {
        return label;
    }

    @Override
    public synchronized void update(String phase, long done, long total) {
        if (finished) {
            return;
        }
        String stage;
        boolean warmUp = phase.startsWith(WARM_UP);   // the harness labels its warm-up's progress so
        String step = warmUp ? phase.substring(WARM_UP.length()) : phase;
        if (phase.equals(measuredPhase)) {
            stage = "measuring " + phase + trialOf;
            if (done >= total) {
                measuredPhase = null;
            }
        } else if (step.startsWith("seeding")) {
            stage = (warmUp ? "preparing a warm-up: " : "preparing: ") + step;
        } else {
            stage = "warm-up (not measured): " + step;
        }
        long now = System.nanoTime();
        if (!phase.equals(lastPhase) || done >= total || now - lastDraw >= REDRAW_NANOS) {
            lastPhase = phase;
            lastDraw = now;
            draw(stage, done, total);
        }
    }

    /** Tells the bar as each measured trial starts: {@code measuring login · projected on fragmented: trial 3 / 5}. */
    public Harness.Listener trials(int trials) {
        return (benchmark, trial, arm, connection) -> trialStarting(benchmark, trial, trials, arm);
    }

    private synchronized void trialStarting(Benchmark benchmark, int trial, int trials, Harness.Arm arm) {
        if (finished) {
            return;
        }
        measuredPhase = benchmark.operation() + " " + benchmark.variant() + " " + arm.sql().layout().name();
        trialOf = " (trial " + (trial + 1) + " / " + trials + ")";
        lastPhase = null;
        draw("measuring " + benchmark.operation() + " · " + benchmark.variant() + " on " + arm.label() + ": trial",
                trial + 1, trials);
    }

    private void draw(String stage, long done, long total) {
        label = stage;
        redraw.accept(NotebookDisplay.progressBar(stage, done, total));
    }

    /** Replaces the bar by a done line. */
    public synchronized void done(String what) {
        finished = true;
        redraw.accept(NotebookDisplay.done(what));
    }

    /** Replaces the bar by a line saying the step stopped and why, in red. */
    public synchronized void stopped(String why) {
        finished = true;
        redraw.accept("<div style=\"font:13px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#b22222\">"
                + "✗ stopped: " + escape(why) + "</div>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
