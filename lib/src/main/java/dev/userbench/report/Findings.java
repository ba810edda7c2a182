package dev.userbench.report;

import dev.userbench.bench.Harness;
import dev.userbench.bench.RunResult;
import dev.userbench.bench.stats.Verdict;

import dev.userbench.bench.Environment;
import dev.userbench.bench.Measurement;
import dev.userbench.bench.MemoryMeasurements;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run's results say, as sentences built from the results themselves (never typed in): the data check, one
 * sentence per comparison from its verdict, and the A/A self-check. Plain text with Markdown emphasis; the notebook
 * shows them as Markdown, the report as paragraphs.
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

    /** One sentence per comparison, saying what its verdict means in time per call. */
    public static List<String> verdicts(RunResult result) {
        double threshold = threshold(result);
        List<String> sentences = new ArrayList<>();
        for (Harness.ComparisonResult c : result.comparisons()) {
            sentences.add(verdict(c, threshold));
        }
        return sentences;
    }

    static String verdict(Harness.ComparisonResult c, double threshold) {
        String what = "**" + c.operation() + " · " + c.variant() + "**: ";
        String estimate = c.candidate() + "'s median call takes " + Prose.times(c.ratio()) + " the time of "
                + c.baseline() + "'s (95 % CI " + Prose.interval(c.ciLow(), c.ciHigh()) + ")";
        return what + switch (c.verdict()) {
            case FASTER -> estimate + ": **faster**, " + Prose.change(c.ratio()) + ".";
            case SLOWER -> estimate + ": **slower**, " + Prose.change(c.ratio()) + ".";
            case NO_SIGNIFICANT_DIFFERENCE -> estimate + ": **no significant difference**, the interval holds 1.";
            case NEGLIGIBLE -> estimate + ": **negligible**, a real difference but within ±"
                    + Prose.percent(threshold) + ".";
        };
    }

    /** How many comparisons found a difference, in one sentence. */
    public static String verdictSummary(RunResult result) {
        long decided = result.comparisons().stream().filter(c -> isDifference(c.verdict())).count();
        return Prose.count(decided) + " of " + Prose.count(result.comparisons().size())
                + " comparisons found a difference larger than ±" + Prose.percent(threshold(result))
                + " with 95 % confidence; the others are either within the noise of this machine or smaller than that.";
    }

    /**
     * The A/A self-check: a layout compared with itself must come out "no significant difference" or
     * "negligible" everywhere; a difference there says the machine was too noisy for the verdicts to be trusted.
     */
    public static String aaCheck(RunResult aa) {
        List<Harness.ComparisonResult> differences = aa.comparisons().stream()
                .filter(c -> isDifference(c.verdict())).toList();
        String layout = aa.comparisons().isEmpty() ? "the layout" : aa.comparisons().get(0).baseline();
        if (differences.isEmpty()) {
            return "**A/A check passed:** " + layout + " against itself gave " + Prose.count(aa.comparisons().size())
                    + " verdicts of \"no significant difference\" or \"negligible\", so the harness does not invent "
                    + "differences from the noise of this machine.";
        }
        return "**A/A check warns:** " + layout + " against itself looked different in "
                + String.join(", ", differences.stream().map(c -> c.operation() + " · " + c.variant()
                + " (" + Prose.times(c.ratio()) + ")").toList())
                + ": the machine was noisy, so verdicts of a similar size above deserve a re-run with more trials.";
    }

    /** Section 6: the batched insert against the study's, and how much of the study's extra time batching removes. */
    public static String fairInsert(Measurement monolithBatched, Measurement fragmentedBatched, double studyRatio) {
        double batchedRatio = fragmentedBatched.totalSeconds() / monolithBatched.totalSeconds();
        String text = "Batched, the monolith took " + Prose.seconds(monolithBatched.totalSeconds())
                + " and the fragmented layout " + Prose.seconds(fragmentedBatched.totalSeconds()) + ": **"
                + Prose.times(batchedRatio) + "** the monolith's time, against " + Prose.times(studyRatio)
                + " when the fragmented rows went one by one (Part 1).";
        if (studyRatio <= 1) {
            return text;
        }
        double removed = removedShare(studyRatio, batchedRatio);
        return text + " Batching removes " + Prose.percent(removed) + " of the study's extra time"
                + (removed >= 0.5 ? ": the flush per user, more than the split, made the study's insert slow."
                : ": most of the extra time is the second table itself.");
    }

    /** Section 7: the login with the study's query and with only the login columns, medians of one pass each. */
    public static String fairLogin(double wholeRowRatio, double projectedRatio) {
        String text = "With the study's query the median login on user_auth took **" + Prose.times(wholeRowRatio)
                + "** the monolith's; asking both for only the login columns, **" + Prose.times(projectedRatio) + "**. ";
        if (Math.abs(projectedRatio - 1) < Math.abs(wholeRowRatio - 1) / 2) {
            return text + "Most of the study's login gap came from fetching the monolith's extra columns, not from "
                    + "its wider table.";
        }
        return text + "Much of the gap stays when both fetch the same columns: the monolith's wider rows cost on "
                + "their own.";
    }

    /** Section 8: the range of median logins and the heaviest tail, relative to its median. */
    public static String tail(List<Measurement> logins) {
        Measurement heaviest = logins.stream().max(Comparator.comparingDouble(m -> m.p99Us() / m.p50Us())).orElseThrow();
        double fastest = logins.stream().mapToDouble(Measurement::p50Us).min().orElseThrow();
        double slowest = logins.stream().mapToDouble(Measurement::p50Us).max().orElseThrow();
        return "The median login costs " + Prose.micros(fastest) + " to " + Prose.micros(slowest)
                + " across layouts and queries. The tail is where a single run is fragile: on " + heaviest.layout()
                + " (" + heaviest.variant() + ") the 99th percentile is " + Prose.micros(heaviest.p99Us()) + ", "
                + Prose.times(heaviest.p99Us() / heaviest.p50Us()) + " the median, and the slowest call took "
                + Prose.micros(heaviest.maxUs()) + ".";
    }

    /** Storage of the second layout against the first, from {@link CheckTables#storagePerLayout}. */
    public static String storage(Table storage) {
        if (storage.rowCount() < 2) {
            return "**Storage.** Only one layout was measured.";
        }
        String first = storage.stringColumn("layout").get(0);
        String second = storage.stringColumn("layout").get(1);
        long firstBytes = storage.longColumn("bytes").get(0);
        long secondBytes = storage.longColumn("bytes").get(1);
        long loginBytes = storage.longColumn("login_table_bytes").get(1);
        double ratio = (double) secondBytes / firstBytes;
        return "**Storage.** The " + second + " layout takes " + Prose.times(ratio) + " the space of the " + first
                + " (" + Prose.mebibytes(secondBytes) + " against " + Prose.mebibytes(firstBytes) + ", "
                + (ratio >= 1 ? Prose.percent(ratio - 1) + " more" : Prose.percent(1 - ratio) + " less")
                + "); its login table with its indexes alone is " + Prose.mebibytes(loginBytes) + ", "
                + Prose.percent((double) loginBytes / firstBytes) + " of the " + first
                + ": that is what a login-heavy workload keeps in memory.";
    }

    /** The study's insert claim against the trials: the study's way, then batched. */
    public static String insertChange(double studyRatio, RunResult result) {
        Optional<Harness.ComparisonResult> seed = result.comparison("insert", "seed");
        Optional<Harness.ComparisonResult> batched = result.comparison("insert", "batched");
        if (seed.isEmpty() || batched.isEmpty()) {
            return "**Insert.** The trials did not compare inserts.";
        }
        String text = "**Insert.** As the study wrote it, the fragmented insert took " + Prose.times(studyRatio)
                + " the monolith's time in Part 1, and " + summary(seed.get()) + " per row over the trials. Sent in "
                + "batches like the monolith: " + summary(batched.get()) + ".";
        if (seed.get().ratio() <= 1) {
            return text;
        }
        double removed = removedShare(seed.get().ratio(), batched.get().ratio());
        return text + " Batching removes " + Prose.percent(removed) + " of the extra time per row"
                + (removed >= 0.5 ? ": the study's flush per user, more than the split, made its insert slow."
                : ": the second table itself is what costs.");
    }

    /** The hypothesis that the split logs in faster, against the trials with the study's query and projected. */
    public static String loginChange(double studyRatio, RunResult result) {
        Optional<Harness.ComparisonResult> seed = result.comparison("login", "seed");
        Optional<Harness.ComparisonResult> projected = result.comparison("login", "projected");
        if (seed.isEmpty() || projected.isEmpty()) {
            return "**Login.** The trials did not compare logins.";
        }
        String text = "**Login.** The hypothesis: the split logs in faster. Part 1 measured " + Prose.times(studyRatio)
                + "; over the trials, with the study's query, " + summary(seed.get())
                + "; with only the login columns on both, " + summary(projected.get()) + ".";
        if (!isDifference(projected.get().verdict())) {
            return text + " Asked for the same columns, the layouts log in alike: the monolith's penalty is the "
                    + "columns it returns, not the table it reads.";
        }
        if (projected.get().ratio() < 1 && seed.get().ratio() < 1) {
            double explained = (projected.get().ratio() - seed.get().ratio()) / (1 - seed.get().ratio());
            return text + " Fetching fewer columns explains " + Prose.percent(Math.max(0, Math.min(1, explained)))
                    + " of the gap; the rest is the monolith's wider rows, which put fewer users in every page a "
                    + "login reads.";
        }
        return text + (projected.get().ratio() > 1 ? " Asked for the same columns, the split is the slower one."
                : " The split is faster only when both fetch the same columns.");
    }

    /** What this run cannot say about memory, with the sizes that show why. */
    public static String memoryNotYetMeasured(Table storage, RunResult result) {
        String cache = result.environment() == null ? "the engine's cache" : cacheDescription(result.environment());
        String sizes = storage == null || storage.rowCount() == 0 ? ""
                : " the whole monolith is " + Prose.mebibytes(storage.longColumn("bytes").get(0)) + " here, against "
                + cache + ", and";
        return "**Memory.** Nothing above measured memory:" + sizes + " at " + Prose.count(result.environment() == null
                ? 0 : result.environment().users()) + " users the operating system's file cache serves every page "
                + "anyway. Whether the split shrinks what login needs in memory is Part 4's question.";
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
     * One sentence per workload (comparisons outside a cache sweep): which layout wins it against the baseline and
     * by how much, with intervals; "no significant difference" where the interval holds 1.
     */
    public static List<String> workloadVerdicts(RunResult result) {
        Map<String, List<Harness.ComparisonResult>> byWorkload = workloadComparisons(result);
        List<String> sentences = new ArrayList<>();
        byWorkload.forEach((operation, comparisons) -> sentences.add(workloadVerdict(operation, comparisons)));
        return sentences;
    }

    static Map<String, List<Harness.ComparisonResult>> workloadComparisons(RunResult result) {
        Map<String, List<Harness.ComparisonResult>> byWorkload = new LinkedHashMap<>();
        for (Harness.ComparisonResult c : result.comparisons()) {
            if (c.cacheBytes() == null) {
                byWorkload.computeIfAbsent(c.operation(), o -> new ArrayList<>()).add(c);
            }
        }
        return byWorkload;
    }

    static String workloadVerdict(String operation, List<Harness.ComparisonResult> comparisons) {
        Harness.ComparisonResult any = comparisons.get(0);
        String head = "**" + operation + "** (" + any.threads() + " threads, " + any.distribution() + " over "
                + Prose.count(any.users()) + " users): ";
        Optional<Harness.ComparisonResult> winner = comparisons.stream()
                .filter(c -> c.verdict() == Verdict.FASTER)
                .min(Comparator.comparingDouble(Harness.ComparisonResult::ratio));
        List<String> others = new ArrayList<>();
        for (Harness.ComparisonResult c : comparisons) {
            if (winner.isEmpty() || c != winner.get()) {
                others.add(c.candidate() + " " + brief(c));
            }
        }
        String rest = others.isEmpty() ? "" : String.join("; ", others);
        if (winner.isPresent()) {
            Harness.ComparisonResult w = winner.get();
            return head + "**" + w.candidate() + " wins**, its median call takes " + Prose.times(w.ratio()) + " "
                    + w.baseline() + "'s (95 % CI " + Prose.interval(w.ciLow(), w.ciHigh()) + ", "
                    + Prose.change(w.ratio()) + ")" + (rest.isEmpty() ? "." : "; " + rest + ".");
        }
        boolean slower = comparisons.stream().anyMatch(c -> c.verdict() == Verdict.SLOWER);
        return head + "**no layout beats " + any.baseline() + "**" + (slower ? "" : " by more than the noise") + ": "
                + rest + ".";
    }

    /** {@code 0.95× (no significant difference: 95 % CI 0.87–1.05 holds 1)}, {@code 1.19× (slower, 95 % CI …)}. */
    static String brief(Harness.ComparisonResult c) {
        String interval = "95 % CI " + Prose.interval(c.ciLow(), c.ciHigh());
        return Prose.times(c.ratio()) + " (" + switch (c.verdict()) {
            case NO_SIGNIFICANT_DIFFERENCE -> "no significant difference: " + interval + " holds 1";
            case NEGLIGIBLE -> "negligible, " + interval;
            case FASTER -> "also faster, " + interval + ", " + Prose.change(c.ratio());
            case SLOWER -> "**slower**, " + interval + ", " + Prose.change(c.ratio());
        } + ")";
    }

    /** Per candidate layout: in how many workloads it was faster, slower, or not told apart from the baseline. */
    public static String workloadScore(RunResult result) {
        Map<String, int[]> score = new LinkedHashMap<>();
        String baseline = "the baseline";
        int workloads = 0;
        for (List<Harness.ComparisonResult> comparisons : workloadComparisons(result).values()) {
            workloads++;
            for (Harness.ComparisonResult c : comparisons) {
                baseline = c.baseline();
                int[] counts = score.computeIfAbsent(c.candidate(), k -> new int[3]);
                Verdict verdict = c.verdict();
                counts[verdict == Verdict.FASTER ? 0 : verdict == Verdict.SLOWER ? 1 : 2]++;
            }
        }
        List<String> parts = new ArrayList<>();
        score.forEach((layout, c) -> parts.add(layout + " faster in " + c[0] + ", slower in " + c[1]
                + ", not told apart in " + c[2]));
        return "**Against " + baseline + ", over " + workloads + " workloads:** " + String.join("; ", parts)
                + " (\"not told apart\": no significant difference, or within ±" + Prose.percent(threshold(result)) + ").";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Part 4: memory
    // ---------------------------------------------------------------------------------------------------------

    /** The login table with its indexes against the first layout's whole storage, for each other layout. */
    public static String footprint(List<MemoryMeasurements.StorageEntry> footprint) {
        Table hot = CheckTables.hotAndCold(footprint);
        if (hot.rowCount() < 2) {
            return "**Storage.** Only one layout was measured.";
        }
        String first = hot.stringColumn("layout").get(0);
        long firstBytes = hot.longColumn("bytes").get(0);
        List<String> parts = new ArrayList<>();
        for (int row = 1; row < hot.rowCount(); row++) {
            String layout = hot.stringColumn("layout").get(row);
            long total = hot.longColumn("bytes").get(row);
            long login = hot.longColumn("login_table_bytes").get(row);
            parts.add(layout + ": " + Prose.mebibytes(total) + " in all (" + Prose.times((double) total / firstBytes)
                    + "), its login table with its indexes " + Prose.mebibytes(login) + ", **"
                    + Prose.percent((double) login / firstBytes) + "** of " + first);
        }
        return "**Storage.** " + first + " takes " + Prose.mebibytes(firstBytes) + " with its indexes; "
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
                    + "served, so these are **pages read into the cache (misses)**, not every page a login touches: "
                    + "with the whole database in the cache they fall to about zero on every layout, and only a cache "
                    + "smaller than the data (the sweep below) tells the layouts apart.";
        }
        return "**What the counter counts:** " + any.counter() + ": pages served by the cache (hits) plus pages read "
                + "into it (misses), per login.";
    }

    /** The JVM heap of one fetched row: the whole monolith row against the auth row. */
    public static String heap(MemoryMeasurements.Heap heap) {
        return "**Heap.** One fetched monolith row retains " + Prose.count(heap.monolithRowBytes()) + " bytes of JVM heap, "
                + "an auth row " + Prose.count(heap.authRowBytes()) + " bytes: " + Prose.times(heap.ratio())
                + " (measured with " + heap.method() + "), the application side of the memory claim.";
    }

    /**
     * The verdict on "the split reduces the memory footprint of auth-heavy work": the login table's share of the
     * monolith, pages read per login and throughput at the smallest and the largest cache swept, and whether the
     * curves of the first two layouts cross.
     */
    public static String memoryVerdict(RunResult result) {
        List<String> sentences = new ArrayList<>();
        Table hot = CheckTables.hotAndCold(result.footprint());
        String first = hot.rowCount() > 0 ? hot.stringColumn("layout").get(0) : "the baseline";
        String second = hot.rowCount() > 1 ? hot.stringColumn("layout").get(1) : null;
        if (second != null) {
            sentences.add("The " + second + " layout's login table with its indexes is **"
                    + Prose.percent(hot.doubleColumn("login_table_vs_first").get(1)) + "** of " + first + "'s storage ("
                    + Prose.mebibytes(hot.longColumn("login_table_bytes").get(1)) + " against "
                    + Prose.mebibytes(hot.longColumn("bytes").get(0)) + "): that much less must stay cached for logins.");
        }
        Table sweep = CheckTables.cacheSweep(result);
        if (second == null || sweep.rowCount() == 0) {
            sentences.add(result.cacheSweep() != null && !result.cacheSweep().adjustable()
                    ? "The engine's cache (" + result.cacheSweep().setting() + ") could not be resized here, so no sweep ran."
                    : "No cache sweep ran, so whether the smaller hot set pays off in time is not measured here.");
            return String.join(" ", sentences);
        }
        List<Long> sizes = sweep.longColumn("cache_bytes").asList().stream().distinct().sorted().toList();
        long small = sizes.get(0);
        long large = sizes.get(sizes.size() - 1);
        sentences.add("At a cache of " + Prose.mebibytes(small) + " (" + Prose.percent((double) small / hot.longColumn("bytes").get(0))
                + " of " + first + ") " + second + " read " + pages(sweep, second, small) + " pages per login against "
                + pages(sweep, first, small) + "; at " + Prose.mebibytes(large) + ", " + pages(sweep, second, large)
                + " against " + pages(sweep, first, large) + ".");
        Optional<Harness.ComparisonResult> atSmall = sweptComparison(result, second, small);
        Optional<Harness.ComparisonResult> atLarge = sweptComparison(result, second, large);
        if (atSmall.isPresent() && atLarge.isPresent()) {
            sentences.add("In time, " + second + "'s median login at the small cache is " + summary(atSmall.get())
                    + " of " + first + "'s, and at the large one " + summary(atLarge.get()) + ".");
        }
        sentences.add(crossing(sweep, first, second, sizes));
        boolean fewerPages = value(sweep, second, small, "pages_read_per_login") < value(sweep, first, small, "pages_read_per_login");
        boolean faster = atSmall.isPresent() && atSmall.get().verdict() == Verdict.FASTER;
        sentences.add("**Verdict on the memory claim:** " + (fewerPages && faster
                ? "it holds here: with the cache smaller than the data, the split reads fewer pages per login and logs in faster."
                : fewerPages
                ? "the split needs less memory for logins (fewer pages read at a small cache), but at this size the "
                + "saving does not show in login time with 95 % confidence."
                : "not shown here: at the smallest cache the split did not read fewer pages per login."));
        return String.join(" ", sentences);
    }

    /** Where the first layout's and the second's pages-per-login curves change order, if they do. */
    static String crossing(Table sweep, String first, String second, List<Long> sizes) {
        Integer previous = null;
        for (int i = 0; i < sizes.size(); i++) {
            int sign = Double.compare(value(sweep, second, sizes.get(i), "logins_per_s"),
                    value(sweep, first, sizes.get(i), "logins_per_s"));
            if (previous != null && sign != 0 && previous != 0 && sign != previous) {
                return "The throughput curves of " + first + " and " + second + " **cross between "
                        + Prose.mebibytes(sizes.get(i - 1)) + " and " + Prose.mebibytes(sizes.get(i)) + "** of cache.";
            }
            previous = sign == 0 ? previous : Integer.valueOf(sign);
        }
        String ahead = previous == null ? "neither" : previous > 0 ? second : first;
        return "The throughput curves of " + first + " and " + second + " do not cross between "
                + Prose.mebibytes(sizes.get(0)) + " and " + Prose.mebibytes(sizes.get(sizes.size() - 1)) + ": "
                + ahead + " logs in more per second at every size swept.";
    }

    private static String pages(Table sweep, String layout, long cacheBytes) {
        return String.format(java.util.Locale.ROOT, "%.2f", value(sweep, layout, cacheBytes, "pages_read_per_login"));
    }

    private static double value(Table sweep, String layout, long cacheBytes, String column) {
        for (int row = 0; row < sweep.rowCount(); row++) {
            if (sweep.stringColumn("layout").get(row).equals(layout) && sweep.longColumn("cache_bytes").get(row) == cacheBytes) {
                return sweep.doubleColumn(column).get(row);
            }
        }
        return Double.NaN;
    }

    private static Optional<Harness.ComparisonResult> sweptComparison(RunResult result, String candidate, long cacheBytes) {
        return result.comparisons().stream().filter(c -> c.candidate().equals(candidate)
                && c.cacheBytes() != null && c.cacheBytes() == cacheBytes).findFirst();
    }

    /** A comparison in a few words: {@code 2.10× (slower, 95 % CI 1.18–2.49)}. */
    static String summary(Harness.ComparisonResult c) {
        return Prose.times(c.ratio()) + " (" + c.verdict() + ", 95 % CI " + Prose.interval(c.ciLow(), c.ciHigh()) + ")";
    }

    /** How much of a ratio's excess over 1 a second ratio removes, from 0 to 1. */
    private static double removedShare(double before, double after) {
        return Math.max(0, Math.min(1, (before - after) / (before - 1)));
    }

    static boolean isDifference(Verdict verdict) {
        return verdict == Verdict.FASTER || verdict == Verdict.SLOWER;
    }

    private static double threshold(RunResult result) {
        Object threshold = result.environment() == null ? null : result.environment().options().get("threshold");
        return threshold instanceof Number number ? number.doubleValue()
                : dev.userbench.bench.stats.Comparison.DEFAULT_THRESHOLD;
    }
}
