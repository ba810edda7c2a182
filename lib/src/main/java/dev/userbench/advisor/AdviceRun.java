package dev.userbench.advisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userbench.bench.Analysis;
import dev.userbench.bench.BenchContext;
import dev.userbench.bench.Environment;
import dev.userbench.bench.Harness;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.Session;
import dev.userbench.bench.Trial;
import dev.userbench.bench.stats.Verdict;
import dev.userbench.bench.workload.KeyDistribution;
import dev.userbench.definition.TableRows;
import dev.userbench.definition.SplitTable;
import dev.userbench.definition.SplitTableStore;
import dev.userbench.definition.TableDefinition;
import dev.userbench.report.ComparisonProse;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.CreatedTables;
import dev.userbench.schema.Engine;
import dev.userbench.seed.Progress;
import dev.userbench.seed.UserGenerator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The proof of the advisor's proposals on the user's engine: each candidate layout (the single table first, the
 * baseline) is created and seeded with the same rows, the workload's queries are rewritten for it, and the weighted
 * mix runs through the {@link Harness} (warm-up, balanced trials) and {@link Analysis} (paired bootstrap intervals,
 * Holm, verdicts), as every benchmark of the tool does. A candidate is recommended only when a verdict says it is
 * faster than the single table and none says slower; otherwise the advice is to keep one table.
 */
public final class AdviceRun {

    /** How the proof runs. */
    public record Settings(long rows, long ops, int candidates, int trials, int warmup, int warmupMax,
                           double threshold, long seed, int batchSize, KeyDistribution distribution,
                           double zipfConstant, boolean keepTables) {

        public static Settings defaults() {
            return new Settings(10_000, 2_000, Advisor.DEFAULT_CANDIDATES, 6, 2, 5, 0.05, 42, 1000,
                    KeyDistribution.ZIPFIAN, 0.99, false);
        }

        public Settings withRows(long value) {
            return new Settings(value, ops, candidates, trials, warmup, warmupMax, threshold, seed, batchSize,
                    distribution, zipfConstant, keepTables);
        }

        public Settings withOps(long value) {
            return new Settings(rows, value, candidates, trials, warmup, warmupMax, threshold, seed, batchSize,
                    distribution, zipfConstant, keepTables);
        }

        public Settings withTrials(int value, int warmupValue, int warmupMaxValue) {
            return new Settings(rows, ops, candidates, value, warmupValue, warmupMaxValue, threshold, seed, batchSize,
                    distribution, zipfConstant, keepTables);
        }
    }

    /** What the proof ran on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Setup(String engine, String engineVersion, String jdbcUrl, long rows, long ops, int trials,
                        int forks, long seed, String distribution, String startedAt, String toolVersion) {
    }

    /**
     * results.json of {@code advise}: the run's measurements and comparisons, the advice, and the measured trials as
     * they ran (each naming its fork), from which the measurements and comparisons are computed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String status, Setup environment, List<WorkloadQuery> queries,
                         List<Measurement> measurements, List<Harness.ComparisonResult> comparisons,
                         List<Harness.Warmup> warmups, Advice advice, List<Trial> trials) {
    }

    /**
     * Stops a proof from another thread (a Ctrl-C handler): its connection is cut, so the running step fails at
     * once; the proof then drops its candidates' tables on a fresh connection and ends with the failure.
     */
    public static final class Cancellation {
        private volatile Session session;
        private volatile boolean cancelled;
        private volatile java.util.function.Supplier<String> phase = () -> "proposing";

        public void cancel() {
            cancelled = true;
            Session current = session;
            if (current != null) {
                current.abort();
            }
        }

        public boolean cancelled() {
            return cancelled;
        }

        /**
         * What the proof is doing, e.g. {@code seeding split_2way} or, while measuring, the harness's trial: for the
         * message of a proof that did not finish, and for the parent of a fork, to which a new phase is a sign of life.
         */
        public String phase() {
            return phase.get();
        }

        void enter(String value) {
            phase = () -> value;
        }

        void measuring(Harness harness) {
            phase = () -> "measuring the candidates: " + harness.phase();
        }

        void attach(Session value) {
            session = value;
            if (cancelled && value != null) {
                value.abort();
            }
        }
    }

    /** The candidates' tables could not be dropped when the proof ended; they stay listed for {@code clean}. */
    public static final class TablesLeft extends SQLException {
        public TablesLeft(List<String> tables, Exception cause) {
            super("the candidates' tables (" + String.join(", ", tables) + ") could not be dropped: "
                    + cause.getMessage() + "; ./userbench clean removes them", "58030", cause);
        }

        /** Whether a failure carries one (a proof that failed and could not drop its tables either). */
        public static boolean in(Throwable failure) {
            return failure instanceof TablesLeft
                    || java.util.Arrays.stream(failure.getSuppressed()).anyMatch(TablesLeft.class::isInstance);
        }
    }

    private AdviceRun() {
    }

    /** The advisor's candidates for a table and workload, without touching any database. */
    public static List<Advisor.Candidate> propose(TableDefinition table, List<WorkloadQuery> queries, Engine engine,
                                                  Settings settings) {
        TableRows generator = TableRows.of(table, settings.seed());
        return Advisor.propose(model(generator, settings.rows(), engine), analyze(table, queries), settings.candidates());
    }

    public static List<AnalyzedQuery> analyze(TableDefinition table, List<WorkloadQuery> queries) {
        return queries.stream().map(q -> AnalyzedQuery.of(table, q)).toList();
    }

    static CostModel model(TableRows generator, long rows, Engine engine) {
        int page = switch (engine) {
            case POSTGRESQL -> 8192;
            case MYSQL -> 16384;
            case SQLITE -> 4096;
        };
        return CostModel.of(generator, rows, page);
    }

    /**
     * The tables of a candidate: {@code adv_<table>_<candidate>[_p<i>]}, the table's name kept to letters, digits and
     * underscores (a quoted name may hold any character) and to 40 characters, so every name is a plain identifier
     * within every engine's limit and each candidate's differs.
     */
    public static SplitTable split(TableDefinition table, Advisor.Candidate candidate, int index) {
        String name = table.name().replaceAll("[^a-z0-9_]", "_");
        String prefix = "adv_" + (name.length() > 40 ? name.substring(0, 40) : name) + "_" + index;
        return SplitTable.of(candidate.name(), table, candidate.groups(), prefix, candidate.covering());
    }

    public static Result prove(ConnectionSpec spec, TableDefinition table, List<WorkloadQuery> queries,
                               Settings settings, Progress progress) throws SQLException {
        return prove(spec, table, queries, settings, progress, new Cancellation());
    }

    /**
     * Seeds and measures every candidate; its tables are listed in {@link CreatedTables} before they are created and
     * dropped when the proof ends, whether it succeeded, failed or was cancelled (unless {@code keepTables}), on a
     * fresh connection when the proof's own was cut. Tables that could not be dropped stay listed for {@code clean}.
     */
    public static Result prove(ConnectionSpec spec, TableDefinition table, List<WorkloadQuery> queries,
                               Settings settings, Progress progress, Cancellation cancellation) throws SQLException {
        Engine engine = spec.dialect().engine();
        TableRows generator = TableRows.of(table, settings.seed());
        List<AnalyzedQuery> analyzed = analyze(table, queries);
        CostModel model = model(generator, settings.rows(), engine);
        List<Advisor.Candidate> candidates = Advisor.propose(model, analyzed, settings.candidates());
        SplitTableStore store = new SplitTableStore(engine, settings.batchSize());
        QueryMixBenchmark benchmark = new QueryMixBenchmark(analyzed, generator, store, settings.rows(), settings.ops(),
                settings.distribution(), settings.zipfConstant(), settings.seed());
        List<Harness.Arm> arms = new ArrayList<>();
        List<SplitTable> splits = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            SplitTable split = split(table, candidates.get(i), i);
            splits.add(split);
            arms.add(benchmark.arm(spec.dialect(), split));
        }
        Instant started = Instant.now();
        List<String> tableNames = splits.stream().flatMap(s -> s.tableNames().stream()).toList();
        cancellation.enter("connecting to " + spec.maskedUrl());
        try (Session session = new Session(spec)) {
            cancellation.attach(session);
            Connection connection = session.connection();
            CreatedTables.refuseForeign(connection, spec.dialect(), spec.namespace(), tableNames);
            CreatedTables.record(connection, spec.dialect(), tableNames);
            Setup setup = new Setup(engine.label(), connection.getMetaData().getDatabaseProductVersion(),
                    spec.maskedUrl(), settings.rows(), settings.ops(), settings.trials(), 1, settings.seed(),
                    benchmark.distribution(), started.toString(), Environment.currentToolVersion());
            List<Long> storage = new ArrayList<>();
            Throwable failure = null;
            try {
                for (SplitTable split : splits) {
                    cancellation.enter("seeding " + split.label());
                    progress.update("seeding " + split.label(), 0, settings.rows());
                    benchmark.seed(connection, split);
                    storage.add(Storage.bytes(connection, engine, split.tableNames()));
                }
                BenchContext context = new BenchContext(session, new UserGenerator(settings.seed()), settings.rows(),
                        settings.batchSize(), List.of(), progress);
                Harness harness = new Harness(new Harness.Settings(settings.trials(), settings.warmup(),
                        settings.warmupMax(), false, 1));
                cancellation.measuring(harness);
                Harness.Outcome outcome = harness.measure(benchmark, arms, context);
                List<Trial> trials = outcome.trials();
                List<Measurement> measurements = Analysis.measurements(trials);
                List<Harness.ComparisonResult> comparisons = Analysis.comparisons(trials,
                        Analysis.Settings.defaults(settings.threshold(), settings.seed()));
                List<Double> pages = new ArrayList<>();
                for (Harness.Arm arm : arms) {
                    // one untimed pass of a trial's calls per layout, after its trials, on this thread and connection
                    if (PagesPerCall.measurable(engine)) {
                        cancellation.enter("counting pages on " + arm.label());
                        progress.update("counting pages on " + arm.label(), 0, settings.ops());
                        if (benchmark.mutates()) {
                            benchmark.prepare(context, arm.sql());
                        }
                        pages.add(PagesPerCall.measure(session.connection(), engine, benchmark.split(arm), settings.ops(),
                                () -> benchmark.run(context, arm.sql(), settings.ops(),
                                        dev.userbench.bench.LatencyRecorder.discarding())));
                    } else {
                        pages.add(null);
                    }
                }
                Advice advice = advice(table, settings, candidates, splits, measurements, comparisons, storage, pages);
                return new Result("complete", setup, queries, measurements, comparisons, outcome.warmups(), advice,
                        trials);
            } catch (SQLException | RuntimeException | Error e) {
                failure = e;
                throw e;
            } finally {
                if (!settings.keepTables()) {
                    if (failure == null) {
                        // a failed proof keeps the phase it failed in, for its message
                        cancellation.enter("dropping the candidates' tables");
                    }
                    dropCandidates(spec, session, store, splits, tableNames, failure);
                }
            }
        } finally {
            cancellation.attach(null);
        }
    }

    /**
     * Drops the candidates' tables and strikes them off the ledger: on the proof's connection, or on a fresh one
     * when that one was cut (Ctrl-C, a lost connection). If neither works, a failed proof keeps its own error (this
     * one suppressed under it) and a finished one fails naming {@code clean}.
     */
    private static void dropCandidates(ConnectionSpec spec, Session session, SplitTableStore store,
                                       List<SplitTable> splits, List<String> tableNames, Throwable failure)
            throws SQLException {
        try {
            Connection connection = session.connection();
            connection.rollback();
            drop(connection, store, splits, tableNames);
        } catch (SQLException | RuntimeException onOwn) {
            try (Connection fresh = spec.open()) {
                drop(fresh, store, splits, tableNames);
            } catch (SQLException | RuntimeException onFresh) {
                onFresh.addSuppressed(onOwn);
                TablesLeft left = new TablesLeft(tableNames, onFresh);
                if (failure != null) {
                    failure.addSuppressed(left);
                    return;
                }
                throw left;
            }
        }
    }

    private static void drop(Connection connection, SplitTableStore store, List<SplitTable> splits,
                             List<String> tableNames) throws SQLException {
        for (SplitTable split : splits) {
            store.drop(connection, split);
        }
        CreatedTables.forget(connection, tableNames);
    }

    /**
     * The proofs of several forks (fresh JVMs, each of which seeded and measured every candidate) as one: every fork's
     * trials, marked with their fork, analysed together, so that the intervals resample the forks too; the advice
     * derived from those comparisons; the setup, storage and pages of the first fork (the same data and settings in
     * each). Refused when a fork measured other candidates than {@code candidates}, the parent's proposal.
     */
    public static Result merge(TableDefinition table, Settings settings, List<Advisor.Candidate> candidates,
                               List<Result> forks) {
        List<SplitTable> splits = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            splits.add(split(table, candidates.get(i), i));
        }
        List<Trial> trials = new ArrayList<>();
        List<Harness.Warmup> warmups = new ArrayList<>();
        for (int i = 0; i < forks.size(); i++) {
            Result fork = forks.get(i);
            int number = i + 1;
            List<String> measured = fork.advice().candidates().stream()
                    .map(c -> c.name() + " " + c.columnGroups() + " " + c.coveringIndex()).toList();
            List<String> proposed = candidates.stream()
                    .map(c -> c.name() + " " + c.groups().groups() + " "
                            + (c.covering() == null ? null : c.covering().columns())).toList();
            if (!measured.equals(proposed)) {
                throw new IllegalStateException("fork " + number + " measured other candidates (" + measured
                        + ") than were proposed (" + proposed + ")");
            }
            fork.trials().forEach(t -> trials.add(t.inFork(number)));
            fork.warmups().forEach(w -> warmups.add(new Harness.Warmup(number, w.layout(), w.operation(), w.variant(),
                    w.trials(), w.ops(), w.totalSeconds(), w.steady(), w.lastChange())));
        }
        List<Measurement> measurements = Analysis.measurements(trials);
        List<Harness.ComparisonResult> comparisons = Analysis.comparisons(trials,
                Analysis.Settings.defaults(settings.threshold(), settings.seed()));
        Advice first = forks.get(0).advice();
        List<Long> storage = first.candidates().stream().map(Advice.Candidate::storageBytes).toList();
        List<Double> pages = first.candidates().stream().map(Advice.Candidate::measuredPages).toList();
        Advice advice = advice(table, settings, candidates, splits, measurements, comparisons,
                new ArrayList<>(storage), new ArrayList<>(pages));
        Setup one = forks.get(0).environment();
        Setup setup = new Setup(one.engine(), one.engineVersion(), one.jdbcUrl(), one.rows(), one.ops(), one.trials(),
                forks.size(), one.seed(), one.distribution(), one.startedAt(), one.toolVersion());
        return new Result("complete", setup, forks.get(0).queries(), measurements, comparisons, warmups, advice, trials);
    }

    static Advice advice(TableDefinition table, Settings settings, List<Advisor.Candidate> candidates,
                         List<SplitTable> splits, List<Measurement> measurements,
                         List<Harness.ComparisonResult> comparisons, List<Long> storage, List<Double> pages) {
        double singleBytes = candidates.get(0).predictedBytes();
        List<Advice.Candidate> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Advisor.Candidate candidate = candidates.get(i);
            String label = splits.get(i).label();
            Double mean = measurements.stream().filter(m -> m.layout().equals(label)).findFirst()
                    .map(m -> m.totalSeconds() * 1e6 / Math.max(1, m.ops())).orElse(null);
            List<Harness.ComparisonResult> own = comparisons.stream().filter(c -> c.candidate().equals(label)).toList();
            Harness.ComparisonResult first = own.isEmpty() ? null : own.get(0);
            out.add(new Advice.Candidate(candidate.name(), candidate.groups().groups(), splits.get(i).tableNames(),
                    candidate.predictedBytes(), candidate.predictedBytes() / singleBytes, candidate.perQuery(), mean,
                    first == null ? null : first.ratio(), first == null ? null : first.ciLow(),
                    first == null ? null : first.ciHigh(), first == null ? null : first.confidence(),
                    first == null ? null : first.verdict(), own.isEmpty() ? null : own,
                    storage.size() > i ? storage.get(i) : null,
                    candidate.covering() == null ? null : candidate.covering().columns(),
                    candidate.predictedPages(), pages.size() > i ? pages.get(i) : null));
        }
        Optional<Advice.Candidate> winner = out.stream().skip(1)
                .filter(c -> c.comparisons() != null
                        && c.comparisons().stream().anyMatch(r -> r.verdict() == Verdict.FASTER)
                        && c.comparisons().stream().noneMatch(r -> r.verdict() == Verdict.SLOWER))
                .min(Comparator.comparingDouble(Advice.Candidate::measuredRatio));
        String reason;
        if (winner.isPresent()) {
            reason = winner.get().name() + ": " + ComparisonProse.sentence(winner.get().comparisons().get(0), settings.threshold());
        } else if (out.size() == 1) {
            reason = "keep one table: the model predicts no split at least " + Math.round(Advisor.MIN_GAIN * 100)
                    + " % cheaper for this workload, so none was measured";
        } else {
            List<String> briefs = new ArrayList<>();
            for (Advice.Candidate c : out.subList(1, out.size())) {
                briefs.add(c.name() + " " + (c.comparisons() == null ? "not compared (too few trials)"
                        : ComparisonProse.sentence(c.comparisons().get(0), settings.threshold())));
            }
            reason = "keep one table: no candidate was measured faster than the single table without a slower verdict ("
                    + String.join("; ", briefs) + ")";
        }
        return new Advice(table.name(), settings.rows(), out, winner.map(Advice.Candidate::name).orElse(Advisor.SINGLE_TABLE),
                reason);
    }
}
