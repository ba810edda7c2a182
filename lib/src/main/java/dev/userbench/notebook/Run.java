package dev.userbench.notebook;

import dev.userbench.bench.BenchmarkRun;
import dev.userbench.bench.RunFailedException;
import dev.userbench.bench.RunOptions;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.workload.WorkloadPlan;
import dev.userbench.bench.workload.WorkloadSettings;
import dev.userbench.report.Prose;
import dev.userbench.schema.Layout;


/**
 * A named run of the harness and its result. The result exists only while the latest run of that name finished:
 * a re-run empties it before it starts, a failure or an interrupt leaves it empty with the phase it stopped in, so
 * a cell that reads it either gets this run's figures or is told to run the cell named here first.
 */
public final class Run {

    /** Where a run stands. */
    public enum State { NOT_RUN, RUNNING, DONE, FAILED, INTERRUPTED }

    /** How often the watcher looks whether the cell's thread was interrupted. */
    private static final long WATCH_MILLIS = 20;

    /** What a cell shows for a run whose cell never got as far as naming it. */
    static final String NEVER_STARTED = "⚠ **No figures here:** the run this cell reads has not finished; run the cells "
            + "above it first.";

    private final String cell;
    private volatile State state = State.NOT_RUN;
    private volatile RunResult result;
    private volatile String stoppedAt;
    /** Set once the watcher saw the cell's thread interrupted and cancelled the run. */
    private volatile boolean cancelled;

    Run(String cell) {
        this.cell = cell;
    }

    public String cell() {
        return cell;
    }

    public State state() {
        return state;
    }

    public boolean ok() {
        return state == State.DONE && result != null;
    }

    /** The phase a failed or interrupted run was in; null otherwise. */
    public String stoppedAt() {
        return stoppedAt;
    }

    /** Whether the latest run was cancelled because its cell was interrupted. */
    boolean cancelled() {
        return cancelled;
    }

    /** This run's result; throws, naming the cell to run, when the latest run did not finish. */
    public RunResult result() {
        if (!ok()) {
            throw new IllegalStateException(plain(missing()));
        }
        return result;
    }

    /** What a cell that needs this run shows instead of its figures. */
    String missing() {
        String why = switch (state) {
            case NOT_RUN -> "has not run yet";
            case RUNNING -> "is still running";
            case FAILED -> "failed at " + stoppedAt;
            case INTERRUPTED -> "was interrupted at " + stoppedAt;
            case DONE -> "finished";
        };
        return "⚠ **No figures here:** " + cell + " " + why + ", so nothing of an earlier run is shown. Run " + cell
                + "'s cell first, then this one.";
    }

    private static String plain(String markdown) {
        return markdown.replace("**", "").replace("⚠ ", "");
    }

    /**
     * Runs the benchmarks; on an interrupt of the cell's thread it cancels the run (the connection is cut, so the
     * running statement ends at once), and whatever stopped it, empties the result, marks the bar and throws on.
     */
    void execute(RunOptions options, WorkloadPlan plan, ProgressBar bar) {
        result = null;
        stoppedAt = null;
        cancelled = false;
        state = State.RUNNING;
        BenchmarkRun run;
        try {
            run = plan == null
                    ? new BenchmarkRun(options, bar, bar.trials(options.trials()))
                    : new BenchmarkRun(options, plan, bar, bar.trials(options.trials()), null);
        } catch (RuntimeException e) {
            stop(false, "starting", bar, null);
            throw e;
        }
        Thread cellThread = Thread.currentThread();
        boolean[] interrupted = new boolean[1];
        Thread watcher = new Thread(() -> {
            try {
                while (!cellThread.isInterrupted()) {
                    Thread.sleep(WATCH_MILLIS);
                }
                interrupted[0] = true;
                run.cancel("interrupted");
                cancelled = true;
            } catch (InterruptedException finished) {
                // the run ended: nothing to watch
            }
        }, "userbench-interrupt-watch");
        watcher.setDaemon(true);
        watcher.start();
        try {
            RunResult finished = run.execute();
            watcher.interrupt();
            result = finished;
            state = State.DONE;
            bar.done(cell + ": " + summary(options, plan));
        } catch (RunFailedException e) {
            stop(interrupted[0] || cellThread.isInterrupted(), e.phase(), bar, watcher);
            throw new RunStoppedException(cell + (state == State.INTERRUPTED ? " was interrupted at " : " failed at ")
                    + stoppedAt + (state == State.FAILED ? ": " + options.connection().redact(rootMessage(e)) : ""));
        } catch (RuntimeException | Error e) {
            // an interrupt the kernel forced (Thread.stop throws ThreadDeath) or a failure outside the run's own handling
            boolean forced = e.getClass().getName().equals("java.lang.ThreadDeath");
            stop(forced || interrupted[0] || cellThread.isInterrupted(), bar.label(), bar, watcher);
            throw e;
        }
    }

    private void stop(boolean byInterrupt, String phase, ProgressBar bar, Thread watcher) {
        if (watcher != null) {
            watcher.interrupt();
        }
        stoppedAt = phase;
        state = byInterrupt ? State.INTERRUPTED : State.FAILED;
        bar.stopped(cell + (byInterrupt ? " interrupted at " : " failed at ") + phase
                + ": nothing of it is kept; run the cell again");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return String.valueOf(cause.getMessage());
    }

    /** The done line: what was measured, e.g. "5 trials per benchmark of monolith and fragmented, 10,000 users". */
    static String summary(RunOptions options, WorkloadPlan plan) {
        String layouts = Figures.inWords(options.layouts().stream().map(Layout::name).distinct().toList());
        if (plan == null || plan.study()) {
            String sweep = options.cacheFractions().isEmpty() ? "" : ", cache sweep over " + options.cacheFractions().size()
                    + " sizes";
            return options.trials() + " trials per benchmark of " + layouts + ", " + Prose.count(options.users())
                    + " users, " + Prose.count(options.logins()) + " logins" + sweep;
        }
        WorkloadSettings load = plan.settings();
        return options.trials() + " trials of " + String.join(", ", plan.workloads()) + " on "
                + options.layouts().size() + " layouts, " + Prose.count(plan.userCounts().get(0)) + " users, "
                + load.threads() + " threads × " + Prose.count(load.opsPerThread()) + " calls, " + load.distributionLabel();
    }

    /** A run stopped by a failure or an interrupt: one sentence, what stopped where. */
    public static final class RunStoppedException extends RuntimeException {
        // no cause attached: a driver's message may quote the URL, so only the redacted sentence is shown
        RunStoppedException(String message) {
            super(message);
        }
    }
}
