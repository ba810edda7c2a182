package dev.userbench.report;

import dev.userbench.bench.Environment;
import dev.userbench.bench.Harness;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.MemoryMeasurements;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.stats.Statistic;
import dev.userbench.bench.stats.Verdict;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run's results say, as sentences built from the results themselves (never typed in): the data check, one
 * sentence per comparison from its verdict, and the A/A self-check. Plain text with Markdown emphasis; the notebook
 * shows them as Markdown, the report as paragraphs.
 *
 * <p>Every sentence about a difference rests on a named comparison and its verdict ({@link ComparisonProse}), names
 * the statistic and the level its interval was read at, and says what was and was not shown. A cause (batching,
 * columns, pages, caches) is named only where the run measured it; single measurements (the notebook's Part 2) are
 * called single measurements, and point to the trials' verdicts.
 */
public final class Findings {

    private Findings() {
    }

    /** Whether every layout holds the generator's users, in one sentence. */
    public static String dataCheck(RunResult.DataCheckResult check) {
        if (check.equal()) {
            return "**Data check passed:** every layout holds the same " + Prose.count(check.monolithCount())
                    + " users, with the checksum `" + check.expectedChecksum()
                    + "` that the generator's users must have, so the layouts are compared on identical data.";
        }
        return "**Data check FAILED:** the layouts do not hold the same users (expected checksum `"
                + check.expectedChecksum() + "`): " + check.layouts() + ". No comparison below can be trusted.";
    }

    /** One sentence per comparison: what was compared, on which statistic, its interval at its level, its verdict. */
    public static List<String> verdicts(RunResult result) {
        double threshold = threshold(result);
        List<String> sentences = new ArrayList<>();
        for (Harness.ComparisonResult c : result.comparisons()) {
            sentences.add(verdict(c, threshold));
        }
        return sentences;
    }

    static String verdict(Harness.ComparisonResult c, double threshold) {
        return "**" + ComparisonProse.label(c) + "**: " + ComparisonProse.sentence(c, threshold) + ".";
    }

    /**
     * How many comparisons found a difference, the others by verdict, and the levels their intervals were read at:
     * Holm-adjusted over the run's comparisons, so that together they are held to alpha.
     */
    public static String verdictSummary(RunResult result) {
        List<Harness.ComparisonResult> comparisons = result.comparisons();
        if (comparisons.isEmpty()) {
            return "The run made no comparisons.";
        }
        Map<Verdict, Long> counts = new java.util.EnumMap<>(Verdict.class);
        for (Harness.ComparisonResult c : comparisons) {
            counts.merge(ComparisonProse.checked(c).verdict(), 1L, Long::sum);
        }
        long decided = counts.getOrDefault(Verdict.FASTER, 0L) + counts.getOrDefault(Verdict.SLOWER, 0L);
        return Prose.count(decided) + " of " + Prose.count(comparisons.size()) + " comparisons found a difference "
                + "beyond ±" + Prose.percent(threshold(result)) + " (" + counts.getOrDefault(Verdict.FASTER, 0L)
                + " faster, " + counts.getOrDefault(Verdict.SLOWER, 0L) + " slower); "
                + counts.getOrDefault(Verdict.NEGLIGIBLE, 0L) + " found one within it (negligible) and "
                + counts.getOrDefault(Verdict.NO_SIGNIFICANT_DIFFERENCE, 0L) + " could not tell the arms apart (no "
                + "significant difference). The intervals were " + levels(comparisons) + ", so that the chance that "
                + "any of these verdicts wrongly excludes 1 is at most " + Prose.percent(alpha(result)) + ".";
    }

    /** {@code read at 97.5 % to 99.2 %, the levels Holm's procedure gives over the run's 6 comparisons}. */
    static String levels(List<Harness.ComparisonResult> comparisons) {
        double lowest = comparisons.stream().mapToDouble(Harness.ComparisonResult::confidence).min().orElseThrow();
        double highest = comparisons.stream().mapToDouble(Harness.ComparisonResult::confidence).max().orElseThrow();
        String range = Prose.level(lowest).equals(Prose.level(highest)) ? Prose.level(lowest)
                : Prose.level(lowest) + " to " + Prose.level(highest);
        return "read at " + range + ", the levels Holm's procedure gives over the run's "
                + Prose.count(comparisons.size()) + " comparison" + (comparisons.size() == 1 ? "" : "s");
    }

    /**
     * The A/A self-check: a layout compared with itself must come out "no significant difference" or
     * "negligible" everywhere; a difference there says the machine was too noisy for the verdicts to be trusted.
     */
    public static String aaCheck(RunResult aa) {
        List<Harness.ComparisonResult> differences = aa.comparisons().stream().filter(ComparisonProse::decided).toList();
        String layout = aa.comparisons().isEmpty() ? "the layout" : aa.comparisons().get(0).baseline();
        if (aa.comparisons().isEmpty()) {
            return "**A/A check:** the A/A run made no comparisons, so it shows nothing.";
        }
        if (differences.isEmpty()) {
            return "**A/A check passed:** " + layout + " against itself gave " + Prose.count(aa.comparisons().size())
                    + " verdicts, none of them faster or slower (intervals " + levels(aa.comparisons()) + "): in this run the "
                    + "harness reported no difference where there is none. One A/A run is one draw; it shows no rate "
                    + "of false differences.";
        }
        return "**A/A check warns:** " + layout + " against itself came out faster or slower in "
                + String.join(", ", differences.stream().map(c -> ComparisonProse.labelWithStatistic(c) + " "
                + ComparisonProse.brief(c)).toList())
                + ": the verdicts above of a similar size are not to be trusted on this machine without a re-run "
                + "with more trials.";
    }

    /**
     * Section 6: the batched insert measured once per layout, against the study's ratio. Single measurements have
     * no interval, so this names no cause and points to the trials' verdicts.
     */
    public static String fairInsert(Measurement monolithBatched, Measurement fragmentedBatched, double studyRatio) {
        double batchedRatio = fragmentedBatched.totalSeconds() / monolithBatched.totalSeconds();
        return "Batched, measured once each, the monolith took " + Prose.seconds(monolithBatched.totalSeconds())
                + " and the fragmented layout " + Prose.seconds(fragmentedBatched.totalSeconds()) + ": "
                + Prose.times(batchedRatio) + " the monolith's time, against " + Prose.times(studyRatio)
                + " when the fragmented rows went one by one (Part 1). These are single measurements without an "
                + "interval, so they show neither a difference nor its cause: the trials' verdicts on insert · seed "
                + "and insert · batched say which differences are real.";
    }

    /**
     * Section 7: the login with the study's query and with only the login columns, medians of one pass each. Single
     * measurements: no cause is named, the trials' verdicts are pointed to.
     */
    public static String fairLogin(double wholeRowRatio, double projectedRatio) {
        return "Measured once each, the median login on user_auth took " + Prose.times(wholeRowRatio)
                + " the monolith's with the study's query, and " + Prose.times(projectedRatio) + " when both fetch "
                + "only the login columns. These are single measurements without an interval, so they show neither "
                + "a difference nor its cause: the trials' verdicts on login · seed and login · projected say which "
                + "differences are real.";
    }

    /** Section 8: the range of median logins and the heaviest tail, relative to its median, as measured once. */
    public static String tail(List<Measurement> logins) {
        Measurement heaviest = logins.stream().max(Comparator.comparingDouble(m -> m.p99Us() / m.p50Us())).orElseThrow();
        double fastest = logins.stream().mapToDouble(Measurement::p50Us).min().orElseThrow();
        double slowest = logins.stream().mapToDouble(Measurement::p50Us).max().orElseThrow();
        return "The median login call measured " + Prose.micros(fastest) + " to " + Prose.micros(slowest)
                + " across layouts and queries. The widest tail is on " + heaviest.layout() + " ("
                + heaviest.variant() + "): its p99 call is " + Prose.micros(heaviest.p99Us()) + ", "
                + Prose.times(heaviest.p99Us() / heaviest.p50Us()) + " its median, and the slowest call took "
                + Prose.micros(heaviest.maxUs()) + ". One measurement each: the trials' p99 comparisons, where the "
                + "run made them, say whether the tails differ.";
    }

    /** Storage of the second layout against the first, from {@link CheckTables#storagePerLayout}. */
    public static String storage(Table storage) {
        return storage(LayoutStorage.fromTable(storage));
    }

    /** Storage of the second layout against the first. */
    public static String storage(List<LayoutStorage> storage) {
        if (storage.size() < 2) {
            return "**Storage.** Only one layout was measured.";
        }
        LayoutStorage first = storage.get(0);
        LayoutStorage second = storage.get(1);
        double ratio = (double) second.bytes() / first.bytes();
        return "**Storage.** The " + second.layout() + " layout takes " + Prose.times(ratio) + " the space of the "
                + first.layout() + " (" + Prose.mebibytes(second.bytes()) + " against " + Prose.mebibytes(first.bytes())
                + ", " + (ratio >= 1 ? Prose.percent(ratio - 1) + " more" : Prose.percent(1 - ratio) + " less")
                + "); its login table with its indexes alone is " + Prose.mebibytes(second.loginTableBytes()) + ", "
                + Prose.percent(second.loginTableShareOf(first)) + " of the " + first.layout() + ".";
    }

    /**
     * The study's insert claim against the trials: the layouts compared row by row (the study's way) and batched.
     * The run compares layouts within each insert path, never the paths with each other, so no sentence says how
     * much batching removes: it says which differences were shown and that this one was not measured.
     */
    public static String insertChange(double studyRatio, RunResult result) {
        Optional<Harness.ComparisonResult> seed = result.comparison("insert", "seed");
        Optional<Harness.ComparisonResult> batched = result.comparison("insert", "batched");
        if (seed.isEmpty() || batched.isEmpty()) {
            return "**Insert.** The trials did not compare inserts.";
        }
        double threshold = threshold(result);
        Harness.ComparisonResult s = ComparisonProse.checked(seed.get());
        Harness.ComparisonResult b = ComparisonProse.checked(batched.get());
        String text = "**Insert.** As the study wrote it, the " + s.candidate() + " insert took "
                + Prose.times(studyRatio) + " the " + s.baseline() + "'s time in Part 1 (one measurement). Over the "
                + "trials, row by row: " + ComparisonProse.sentence(s, threshold) + ". Sent in batches: "
                + ComparisonProse.sentence(b, threshold) + ".";
        return text + " " + shownAndNot("row by row", s, "in batches", b)
                + " How much of the row-by-row time batching removes was not measured: the run compares the layouts "
                + "within each insert path, not the paths with each other.";
    }

    /**
     * The hypothesis that the split logs in faster, against the trials with the study's query and projected:
     * supported, contradicted or not shown by the verdict on the study's query; which part of the query costs is
     * not a measured cause, so it is never stated.
     */
    public static String loginChange(double studyRatio, RunResult result) {
        Optional<Harness.ComparisonResult> seed = result.comparison("login", "seed");
        Optional<Harness.ComparisonResult> projected = result.comparison("login", "projected");
        if (seed.isEmpty() || projected.isEmpty()) {
            return "**Login.** The trials did not compare logins.";
        }
        double threshold = threshold(result);
        Harness.ComparisonResult s = ComparisonProse.checked(seed.get());
        Harness.ComparisonResult p = ComparisonProse.checked(projected.get());
        String hypothesis = switch (s.verdict()) {
            case FASTER -> "this run supports it with the study's query";
            case SLOWER -> "this run contradicts it: with the study's query the split is the slower one";
            case NEGLIGIBLE -> "with the study's query the difference this run shows lies within ±"
                    + Prose.percent(threshold) + ", too small to count";
            case NO_SIGNIFICANT_DIFFERENCE -> "this run does not show it: with the study's query the trials cannot "
                    + "tell the layouts apart";
        };
        return "**Login.** The hypothesis: the split logs in faster. Part 1 measured " + Prose.times(studyRatio)
                + " (one measurement); " + hypothesis + ". With the study's query: "
                + ComparisonProse.sentence(s, threshold) + ". With only the login columns on both: "
                + ComparisonProse.sentence(p, threshold) + ". " + shownAndNot("with the study's query", s,
                "with only the login columns", p)
                + " Why the layouts differ (the columns returned, the width of the table, the pages read) was not "
                + "measured by these comparisons.";
    }

    /** Which of two comparisons showed a difference and which did not, in one sentence, from the verdicts alone. */
    static String shownAndNot(String firstWay, Harness.ComparisonResult first, String secondWay,
                              Harness.ComparisonResult second) {
        boolean a = first.decided();
        boolean b = second.decided();
        if (a && b) {
            return "A difference was shown both " + firstWay + " (" + first.verdict().label() + ") and " + secondWay
                    + " (" + second.verdict().label() + ").";
        }
        if (a) {
            return "A difference was shown " + firstWay + " (" + first.verdict().label() + ") and not " + secondWay
                    + " (" + second.verdict().label() + ").";
        }
        if (b) {
            return "A difference was shown " + secondWay + " (" + second.verdict().label() + ") and not " + firstWay
                    + " (" + first.verdict().label() + ").";
        }
        return "Neither " + firstWay + " nor " + secondWay + " did the trials show a difference beyond the threshold.";
    }

    /** What this run cannot say about memory, with the sizes it has. */
    public static String memoryNotYetMeasured(Table storage, RunResult result) {
        return memoryNotYetMeasured(storage == null ? List.of() : LayoutStorage.fromTable(storage), result);
    }

    /** What this run cannot say about memory, with the sizes it has. */
    public static String memoryNotYetMeasured(List<LayoutStorage> storage, RunResult result) {
        String cache = result.environment() == null ? null : cacheDescription(result.environment());
        cache = "the engine's cache".equals(cache) ? null : cache;
        String sizes = storage.isEmpty() ? ""
                : " The whole " + storage.get(0).layout() + " is " + Prose.mebibytes(storage.get(0).bytes()) + " here"
                + (cache == null ? "" : "; the engine's cache is " + cache) + ".";
        return "**Memory.** Nothing above measured memory: the trials timed calls, and counted no pages or bytes "
                + "held." + sizes + " Whether the split shrinks what login needs in memory is Part 4's question.";
    }

    /** The engine's cache as its settings give it: SQLite's cache_size, InnoDB's buffer pool, PostgreSQL's shared_buffers. */
    static String cacheDescription(Environment environment) {
        Map<String, String> settings = environment.settings();
        try {
            if (settings.containsKey("cache_size")) {
                long value = Long.parseLong(settings.get("cache_size").trim());
                long pageSize = Long.parseLong(settings.getOrDefault("page_size", "4096").trim());
                long bytes = value < 0 ? -value * 1024 : value * pageSize; // negative: KiB, positive: pages
                return "SQLite's page cache of " + Prose.mebibytes(bytes) + " per connection";
            }
            if (settings.containsKey("innodb_buffer_pool_size")) {
                return "InnoDB's buffer pool of " + Prose.mebibytes(Long.parseLong(settings.get("innodb_buffer_pool_size").trim()));
            }
        } catch (NumberFormatException e) {
            return "the engine's cache";
        }
        if (settings.containsKey("shared_buffers")) {
            return "PostgreSQL's shared_buffers of " + settings.get("shared_buffers");
        }
        return "the engine's cache";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Part 3: the real workload
    // ---------------------------------------------------------------------------------------------------------

    /**
     * One sentence per workload and statistic (comparisons outside a cache sweep): the winner against the baseline
     * when there is one the data can name, else which layouts beat it, else that none did.
     */
    public static List<String> workloadVerdicts(RunResult result) {
        Map<Workload, List<Harness.ComparisonResult>> byWorkload = workloadComparisons(result);
        Map<String, Set<String>> variants = new LinkedHashMap<>();
        byWorkload.keySet().forEach(w -> variants.computeIfAbsent(w.operation(), o -> new HashSet<>()).add(w.variant()));
        List<String> sentences = new ArrayList<>();
        byWorkload.forEach((workload, comparisons) -> sentences.add(workloadVerdict(workload, comparisons,
                variants.get(workload.operation()).size() > 1)));
        return sentences;
    }

    /** A workload at one load, on one statistic: what its comparisons share. */
    record Workload(String operation, String variant, Statistic statistic, int threads, String distribution,
                    long users) {
    }

    /** The layouts' comparisons per workload: plain JDBC's only (an ORM's are OrmFindings'), outside a cache sweep. */
    static Map<Workload, List<Harness.ComparisonResult>> workloadComparisons(RunResult result) {
        Map<Workload, List<Harness.ComparisonResult>> byWorkload = new LinkedHashMap<>();
        for (Harness.ComparisonResult c : result.comparisons()) {
            if (c.cacheBytes() == null && (c.access() == null || c.access().equals("jdbc"))) {
                byWorkload.computeIfAbsent(new Workload(c.operation(), c.variant(), c.statistic(), c.threads(),
                        c.distribution(), c.users()), w -> new ArrayList<>()).add(ComparisonProse.checked(c));
            }
        }
        return byWorkload;
    }

    static String workloadVerdict(Workload workload, List<Harness.ComparisonResult> comparisons, boolean nameVariant) {
        Harness.ComparisonResult any = comparisons.get(0);
        String head = "**" + workload.operation() + (nameVariant ? " · " + workload.variant() : "") + "** ("
                + workload.threads() + (workload.threads() == 1 ? " thread, " : " threads, ") + workload.distribution()
                + " over " + Prose.count(workload.users()) + " users): ";
        String on = " on the " + ComparisonProse.name(workload.statistic());
        List<Harness.ComparisonResult> faster = comparisons.stream().filter(c -> c.verdict() == Verdict.FASTER).toList();
        Optional<Harness.ComparisonResult> winner = winner(faster);
        List<String> others = new ArrayList<>();
        for (Harness.ComparisonResult c : comparisons) {
            if (winner.isEmpty() || c != winner.get()) {
                others.add(c.candidate() + " " + ComparisonProse.brief(c));
            }
        }
        String rest = String.join("; ", others);
        if (winner.isPresent()) {
            Harness.ComparisonResult w = winner.get();
            return head + "**" + w.candidate() + " wins**" + on + ": " + ComparisonProse.estimate(w) + " ("
                    + ComparisonProse.interval(w) + ", " + Prose.change(w.ratio()) + ")"
                    + (faster.size() > 1 ? ", and its interval lies clear of the other faster layouts'" : "")
                    + (rest.isEmpty() ? "." : "; " + rest + ".");
        }
        if (faster.size() > 1) {
            return head + "**several layouts beat " + any.baseline() + "**" + on + " ("
                    + String.join(", ", faster.stream().map(Harness.ComparisonResult::candidate).toList())
                    + "), and their intervals overlap: the data cannot rank them. " + capitalised(rest) + ".";
        }
        boolean slower = comparisons.stream().anyMatch(c -> c.verdict() == Verdict.SLOWER);
        return head + "**no layout beats " + any.baseline() + "**" + on + (slower ? "" : " beyond the threshold")
                + ": " + rest + ".";
    }

    /**
     * The faster candidate whose interval lies wholly below every other faster candidate's, if there is one: a
     * smaller point ratio alone crowns nobody.
     */
    static Optional<Harness.ComparisonResult> winner(List<Harness.ComparisonResult> faster) {
        for (Harness.ComparisonResult c : faster) {
            if (faster.stream().allMatch(other -> other == c || c.ciHigh() < other.ciLow())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Per candidate layout: in how many workloads it was faster, slower, or not told apart from the baseline, on each
     * workload's primary statistic (throughput for a write, the median call for a read).
     */
    public static String workloadScore(RunResult result) {
        Map<String, int[]> score = new LinkedHashMap<>();
        String baseline = "the baseline";
        int workloads = 0;
        for (Map.Entry<Workload, List<Harness.ComparisonResult>> entry : workloadComparisons(result).entrySet()) {
            if (entry.getKey().statistic() == Statistic.P99_LATENCY) {
                continue;
            }
            workloads++;
            for (Harness.ComparisonResult c : entry.getValue()) {
                baseline = c.baseline();
                int[] counts = score.computeIfAbsent(c.candidate(), k -> new int[3]);
                Verdict verdict = c.verdict();
                counts[verdict == Verdict.FASTER ? 0 : verdict == Verdict.SLOWER ? 1 : 2]++;
            }
        }
        List<String> parts = new ArrayList<>();
        score.forEach((layout, c) -> parts.add(layout + " faster in " + c[0] + ", slower in " + c[1]
                + ", not told apart in " + c[2]));
        return "**Against " + baseline + ", over " + workloads + " workload" + (workloads == 1 ? "" : "s") + ":** "
                + String.join("; ", parts) + " (each on its primary statistic: throughput for a writing workload, the "
                + "median call for a reading one; \"not told apart\": no significant difference, or within ±"
                + Prose.percent(threshold(result)) + ").";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Part 4: memory
    // ---------------------------------------------------------------------------------------------------------

    /** The login table with its indexes against the first layout's whole storage, for each other layout. */
    public static String footprint(List<MemoryMeasurements.StorageEntry> footprint) {
        List<LayoutStorage> storage = CheckTables.layoutStorage(footprint);
        if (storage.size() < 2) {
            return "**Storage.** Only one layout was measured.";
        }
        LayoutStorage first = storage.get(0);
        List<String> parts = new ArrayList<>();
        for (LayoutStorage layout : storage.subList(1, storage.size())) {
            parts.add(layout.layout() + ": " + Prose.mebibytes(layout.bytes()) + " in all ("
                    + Prose.times((double) layout.bytes() / first.bytes()) + "), its login table with its indexes "
                    + Prose.mebibytes(layout.loginTableBytes()) + ", **" + Prose.percent(layout.loginTableShareOf(first))
                    + "** of " + first.layout());
        }
        return "**Storage.** " + first.layout() + " takes " + Prose.mebibytes(first.bytes()) + " with its indexes; "
                + String.join("; ", parts) + ".";
    }

    /** What the working-set counter counts, from the counter the run reports: on SQLite misses only. */
    public static String workingSetCaveat(List<MemoryMeasurements.WorkingSetEntry> workingSet) {
        if (workingSet.isEmpty()) {
            return "**Pages.** This run counted no pages.";
        }
        MemoryMeasurements.WorkingSetEntry any = workingSet.get(0);
        if (any.pagesHit() == null) {
            return "**What the counter counts:** " + any.counter() + ". The engine keeps no count of pages its cache "
                    + "served, so these are **pages read into the cache (misses)**, not every page a call touches: "
                    + "with the whole database in the cache they fall to about zero on every layout, and only a cache "
                    + "smaller than the data (the sweep below) tells the layouts apart.";
        }
        return "**What the counter counts:** " + any.counter() + ": pages served by the cache (hits) plus pages read "
                + "into it (misses), per call.";
    }

    /** The JVM heap of one fetched row: the whole monolith row against the auth row. */
    public static String heap(MemoryMeasurements.Heap heap) {
        return "**Heap.** One fetched monolith row retains " + Prose.count(heap.monolithRowBytes()) + " bytes of JVM heap, "
                + "an auth row " + Prose.count(heap.authRowBytes()) + " bytes: " + Prose.times(heap.ratio())
                + " (measured with " + heap.method() + "), the application side of the memory claim.";
    }

    /**
     * The verdict on "the split reduces the memory footprint of auth-heavy work": the login table's share of the
     * first layout's storage; then, from the cache sweep, pages read per call (counted) at the smallest and the
     * largest cache measured, the swept comparisons' verdicts size by size with their intervals, and where the
     * verdict changes side. It says "not measured here" instead of a conclusion when the cache could not change, when
     * the engine took none or only one of the sizes asked for, or when even the smallest cache held all the data.
     * The first swept operation is the one judged (the study's projected login when the study ran).
     */
    public static String memoryVerdict(RunResult result) {
        List<String> sentences = new ArrayList<>();
        List<LayoutStorage> storage = CheckTables.layoutStorage(result.footprint());
        String first = storage.isEmpty() ? "the baseline" : storage.get(0).layout();
        String second = storage.size() > 1 ? storage.get(1).layout() : null;
        if (second != null) {
            sentences.add("The " + second + " layout's login table with its indexes is **"
                    + Prose.percent(storage.get(1).loginTableShareOf(storage.get(0))) + "** of " + first + "'s storage ("
                    + Prose.mebibytes(storage.get(1).loginTableBytes()) + " against "
                    + Prose.mebibytes(storage.get(0).bytes()) + ").");
        }
        MemoryMeasurements.Sweep swept = result.cacheSweep();
        long data = CheckTables.dataBytes(result);
        if (swept != null && (swept.fixed() || !swept.adjustable())) {
            sentences.add("**Verdict on the memory claim: not measured here:** the cache is fixed at "
                    + Prose.mebibytes(swept.originalBytes()) + " (" + swept.setting() + ", which this run may not change), "
                    + "the data is " + Prose.mebibytes(data) + " (" + first + ")"
                    + (swept.originalBytes() >= data ? ", so all of it fits in the cache and no layout can save reads." : "."));
            return String.join(" ", sentences);
        }
        if (swept != null && swept.cacheBytes().isEmpty()) {
            sentences.add("**Verdict on the memory claim: not measured here:** the engine took none of the cache sizes "
                    + "asked for (" + skippedReasons(swept) + "); the data is " + Prose.mebibytes(data) + " (" + first + ").");
            return String.join(" ", sentences);
        }
        List<SweepPoint> all = CheckTables.sweepPoints(result);
        if (second == null || all.isEmpty()) {
            sentences.add("No cache sweep ran, so whether the smaller login table pays off in time was not measured here.");
            return String.join(" ", sentences);
        }
        String operation = all.get(0).operation();
        List<SweepPoint> sweep = all.stream().filter(p -> p.operation().equals(operation)).toList();
        List<Long> sizes = sweep.stream().map(SweepPoint::cacheBytes).distinct().sorted().toList();
        if (swept != null && !swept.skipped().isEmpty()) {
            int asked = swept.skipped().size() + swept.cacheBytes().size();
            sentences.add("Of the " + Prose.count(asked) + " cache sizes asked for, " + Prose.count(swept.skipped().size())
                    + (swept.skipped().size() == 1 ? " was" : " were") + " not measured (" + skippedReasons(swept) + ").");
        }
        if (sizes.size() < 2) {
            sentences.add("**Verdict on the memory claim: not measured here:** the engine took only one distinct cache "
                    + "size, " + Prose.mebibytes(sizes.get(0)) + ", for data of " + Prose.mebibytes(data) + " (" + first
                    + "): a sweep needs two.");
            return String.join(" ", sentences);
        }
        long small = sizes.get(0);
        long large = sizes.get(sizes.size() - 1);
        Double firstSmall = pages(sweep, first, small);
        Double secondSmall = pages(sweep, second, small);
        sentences.add("For " + operation + ", at a cache of " + Prose.mebibytes(small) + " ("
                + Prose.percent(data == 0 ? Double.NaN : (double) small / data) + " of " + first + ") " + second + " read "
                + pagesText(secondSmall) + " pages per call against " + pagesText(firstSmall) + "; at "
                + Prose.mebibytes(large) + ", " + pagesText(pages(sweep, second, large)) + " against "
                + pagesText(pages(sweep, first, large)) + " (counted in a separate pass: one count per layout and size, "
                + "without an interval).");
        if (small >= data) {
            sentences.add("**Verdict on the memory claim: not measured here:** the smallest cache the engine took, "
                    + Prose.mebibytes(small) + ", holds all the data, " + Prose.mebibytes(data) + " (" + first + ").");
            return String.join(" ", sentences);
        }
        Map<Long, Harness.ComparisonResult> compared = sweptComparisons(result, second, operation);
        Harness.ComparisonResult atSmall = compared.get(small);
        sentences.add(crossing(compared, first, second));
        boolean counted = firstSmall != null && secondSmall != null;
        boolean fewerPages = counted && secondSmall < firstSmall;
        boolean faster = atSmall != null && atSmall.verdict() == Verdict.FASTER;
        String timeShown = atSmall == null ? "no comparison in time was made at that size"
                : "it was " + (faster ? "faster" : "not shown faster") + " there (" + ComparisonProse.brief(atSmall) + ")";
        sentences.add("**Verdict on the memory claim:** " + (!counted
                ? "not shown here: pages were not counted at the smallest cache, and " + timeShown + "."
                : fewerPages && faster
                ? "it holds here: at the smallest cache swept, the split read fewer pages per call (a count) and "
                + timeShown + "."
                : fewerPages
                ? "the split read fewer pages per call at the smallest cache (a count), but " + timeShown + "."
                : "not shown here: at the smallest cache the split did not read fewer pages per call, and "
                + timeShown + "."));
        return String.join(" ", sentences);
    }

    private static String skippedReasons(MemoryMeasurements.Sweep swept) {
        return swept.skipped().stream().map(MemoryMeasurements.SkippedSize::reason).distinct()
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /**
     * The swept comparisons' verdicts size by size, and where they change side (faster at one size, slower at the
     * next size that decided): the only "crossing" the data can show.
     */
    static String crossing(Map<Long, Harness.ComparisonResult> swept, String first, String second) {
        if (swept.isEmpty()) {
            return "No comparison in time was made at the swept sizes.";
        }
        Statistic statistic = swept.values().iterator().next().statistic();
        List<String> verdicts = new ArrayList<>();
        swept.forEach((size, c) -> verdicts.add(Prose.mebibytes(size) + " " + c.verdict().label() + " ("
                + Prose.times(c.ratio()) + ", " + ComparisonProse.interval(c) + ")"));
        String list = "Size by size, " + second + "'s " + ComparisonProse.name(statistic) + " against " + first + "'s: "
                + String.join(", ", verdicts) + ".";
        Long previousSize = null;
        Verdict previous = null;
        for (Map.Entry<Long, Harness.ComparisonResult> entry : swept.entrySet()) {
            Verdict verdict = entry.getValue().verdict();
            if (verdict != Verdict.FASTER && verdict != Verdict.SLOWER) {
                continue;
            }
            if (previous != null && verdict != previous) {
                return list + " The order of the layouts **changes between " + Prose.mebibytes(previousSize) + " and "
                        + Prose.mebibytes(entry.getKey()) + "** of cache: " + previous.label() + " at the one, "
                        + verdict.label() + " at the other.";
            }
            previous = verdict;
            previousSize = entry.getKey();
        }
        return list + " The verdicts do not change side across the sizes swept.";
    }

    private static Double pages(List<SweepPoint> sweep, String layout, long cacheBytes) {
        return sweep.stream().filter(p -> p.layout().equals(layout) && p.cacheBytes() == cacheBytes)
                .map(SweepPoint::pagesReadPerCall).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String pagesText(Double pages) {
        return pages == null ? "(not counted)" : String.format(java.util.Locale.ROOT, "%.2f", pages);
    }

    /** The swept comparisons of {@code candidate} for one swept operation, on their primary statistic, by cache size. */
    private static Map<Long, Harness.ComparisonResult> sweptComparisons(RunResult result, String candidate,
                                                                        String operation) {
        Map<Long, Harness.ComparisonResult> swept = new java.util.TreeMap<>();
        for (Harness.ComparisonResult c : result.comparisons()) {
            if (c.candidate().equals(candidate) && c.cacheBytes() != null && c.statistic() != Statistic.P99_LATENCY
                    && CheckTables.sweptOperation(c.operation(), c.variant()).equals(operation)) {
                swept.putIfAbsent(c.cacheBytes(), ComparisonProse.checked(c));
            }
        }
        return swept;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static double threshold(RunResult result) {
        Object threshold = result.environment() == null ? null : result.environment().options().get("threshold");
        return threshold instanceof Number number ? number.doubleValue()
                : dev.userbench.bench.stats.Comparison.DEFAULT_THRESHOLD;
    }

    static double alpha(RunResult result) {
        Object alpha = result.environment() == null ? null : result.environment().options().get("alpha");
        return alpha instanceof Number number ? number.doubleValue() : dev.userbench.bench.stats.Comparison.DEFAULT_ALPHA;
    }
}
