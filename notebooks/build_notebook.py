#!/usr/bin/env python3
"""Writes user-entity-benchmark.ipynb from the cell sources below, without outputs.

The .ipynb is what users open; this file is where its cells are easiest to read and review. After editing a
cell here, run `python3 notebooks/build_notebook.py` and commit both files (a test checks they agree).

Cells use only the notebook API that IJava, JJava and our kernel share (display, render, updateDisplay, %jars),
and only IJava's default imports unless they import more themselves.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
NOTEBOOK = HERE / "user-entity-benchmark.ipynb"

CELLS = []


def md(cell_id, text):
    CELLS.append(("markdown", cell_id, text))


def code(cell_id, text):
    CELLS.append(("code", cell_id, text))


# ------------------------------------------------------------------------------------------------------------------
# Part 1: the original study, cell for cell
# ------------------------------------------------------------------------------------------------------------------

md("title", """\
# User Entity Benchmarking

This notebook benchmarks the performance of a Monolithic User table versus a Fragmented approach (Auth vs Profile).

## Hypothesis
Splitting frequently accessed authentication data (Email, Password, Role) from profile data (Bio, Location, Image) \
will improve login performance and reduce memory footprint for auth-heavy operations.

> **How to read this notebook.** *Part 1* repeats the original Python study cell for cell, with the same headings, \
in Java with plain JDBC: the timed SQL is in the cells. *Part 2* checks it the way a database engineer would: fair \
inserts and logins, per-call latency, storage, and how sure the answer is. Parts 3 and 4 (the real workload, memory) \
follow. Every number in the prose is computed when the notebook runs.""")

code("setup-jars", """\
%jars ../lib/target/user-entity-bench.jar
// The study began with `pip install sqlmodel faker mysql-connector-python`. Here everything comes in one jar: JDBC
// drivers, the seeded user generator, the measurement harness, Tablesaw and the charts. Build it once from the
// repository root with `mvn -B -q -pl lib -am package -DskipTests` (./userbench does it for you).""")

code("setup-database", """\
import java.sql.*;
import java.nio.file.*;
import java.time.*;
import java.util.stream.*;
import dev.userbench.model.*;
import dev.userbench.schema.*;
import dev.userbench.seed.*;
import dev.userbench.bench.*;
import dev.userbench.report.*;
import tech.tablesaw.api.Table;

// The study's SQLite file under temp/db/ by default. To measure MariaDB, MySQL or PostgreSQL, start Jupyter with
// USERBENCH_JDBC_URL set (and USERBENCH_USER / USERBENCH_PASSWORD): no credential is ever written in a cell.
String jdbcUrl = Optional.ofNullable(System.getenv("USERBENCH_JDBC_URL")).filter(url -> !url.isBlank())
        .orElse("jdbc:sqlite:../temp/db/benchmarking_user.db");
ConnectionSpec database = new ConnectionSpec(jdbcUrl, System.getenv("USERBENCH_USER"), System.getenv("USERBENCH_PASSWORD"));
Dialect dialect = database.dialect();
Connection connection = database.open();   // auto-commit off: every step below commits what it wrote
DatabaseMetaData engineInfo = connection.getMetaData();
String engine = engineInfo.getDatabaseProductName() + " " + engineInfo.getDatabaseProductVersion();

// plotly.js for the charts, once, inlined from the jar: the charts draw offline and in the exported HTML too
String plotlyLoaded = display(PlotlyJs.fromClasspath().loaderHtml(), "text/html");
String whereShown = display("Measuring on **" + engine + "** (" + engineInfo.getDriverName() + " "
        + engineInfo.getDriverVersion() + ") at `" + JdbcUrls.mask(jdbcUrl) + "`.", "text/markdown");""")

md("monolith-heading", """\
## 1. Monolithic Architecture
All user data in a single table.""")

code("monolith-ddl", """\
// The study declared an SQLModel class; here the layout is a definition in the jar and the DDL is what this engine's
// dialect derives from it, with the engine's natural types (on SQLite: a 16-byte BLOB uid, INTEGER seconds).
LayoutSql monolith = dialect.sql(Layouts.MONOLITH);
Seeder.recreate(connection, monolith);   // drop + create: every run starts from an empty table
String monolithDdl = display(NotebookDisplay.fenced("sql", monolith.createScript()), "text/markdown");""")

md("fragmented-heading", """\
## 2. Fragmented Architecture
Split into `UserAuth` (Hot) and `UserProfile` (Cold).""")

code("fragmented-ddl", """\
// user_auth holds the login columns, user_profile the rest, keyed by the same uid
LayoutSql fragmented = dialect.sql(Layouts.FRAGMENTED);
Seeder.recreate(connection, fragmented);
String fragmentedDdl = display(NotebookDisplay.fenced("sql", fragmented.createScript()), "text/markdown");""")

md("generation-heading", """\
## 3. Data Generation
Generating 10,000 users.""")

code("generation", """\
int ENTRY_COUNT = 10_000;

// The study drew from Faker, unseeded. The jar's generator is seeded: user i is a pure function of (seed, i), the
// same on every run and engine, and emails are unique by construction. Like the study, we keep them all in a list.
UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
List<User> usersData = generator.stream(ENTRY_COUNT).collect(Collectors.toList());
User firstUser = usersData.get(0);
System.out.println(String.format(Locale.ROOT, "Generated %,d users, the first: %s <%s>, %s, bio of %d characters",
        usersData.size(), firstUser.name(), firstUser.email(), firstUser.role(), firstUser.bio().length()));
// The study created its tables here; sections 1 and 2 already did (drop + create).""")

md("benchmarks-heading", """\
## 4. Benchmarks""")

code("monolith-insert", """\
// Benchmark Monolith Insert: the ORM's unit of work sent the rows in batches and committed once
Seeder.recreate(connection, monolith);   // an empty table on every run (not timed)
String insertMonolith = "INSERT INTO user_monolith (uid, email, password_hash, role, is_verified, name, phone, "
        + "location, bio, profile_image, created_at, last_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
TableDef monolithTable = Layouts.MONOLITH.root();   // binds the user's fields in that column order

long startTime = System.nanoTime();
try (PreparedStatement insert = connection.prepareStatement(insertMonolith)) {
    int pending = 0;
    for (User user : usersData) {
        Rows.bind(dialect, insert, monolithTable, user);
        insert.addBatch();
        if (++pending == Seeder.DEFAULT_BATCH) {
            insert.executeBatch();
            pending = 0;
        }
    }
    insert.executeBatch();
    connection.commit();
}
double monoInsertTime = (System.nanoTime() - startTime) / 1e9;
System.out.println(String.format(Locale.ROOT, "Monolith Insert Time: %.4fs", monoInsertTime));""")

code("fragmented-insert", """\
// Benchmark Fragmented Insert: per user the study added the auth row, flushed it at once ("get UID"), then added
// the profile row, which went out with the next flush; one commit at the end
Seeder.recreate(connection, fragmented);
String insertAuth = "INSERT INTO user_auth (uid, email, password_hash, role, is_verified) VALUES (?, ?, ?, ?, ?)";
String insertProfile = "INSERT INTO user_profile (uid, name, phone, location, bio, profile_image, created_at, "
        + "last_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
TableDef authTable = Layouts.FRAGMENTED.tables().get(0);
TableDef profileTable = Layouts.FRAGMENTED.tables().get(1);

startTime = System.nanoTime();
try (PreparedStatement auth = connection.prepareStatement(insertAuth);
     PreparedStatement profile = connection.prepareStatement(insertProfile)) {
    for (User user : usersData) {
        Rows.bind(dialect, auth, authTable, user);
        auth.executeUpdate();      // session.flush(): the auth row goes to the database on its own
        Rows.bind(dialect, profile, profileTable, user);
        profile.executeUpdate();   // the profile row, flushed with the next user
    }
    connection.commit();
}
double fragInsertTime = (System.nanoTime() - startTime) / 1e9;
System.out.println(String.format(Locale.ROOT, "Fragmented Insert Time: %.4fs", fragInsertTime));""")

code("login", """\
// Benchmark Login (Auth Query): 1,000 distinct seeded users, the same sample on both layouts
List<String> targetEmails = LoginSample.emails(generator, ENTRY_COUNT, 1_000, UserGenerator.DEFAULT_SEED);

// The ORM's select(Model).where(email == ?).first() reads every column of the model's table
String loginMonolith = "SELECT * FROM user_monolith WHERE email = ?";
String loginFragmented = "SELECT * FROM user_auth WHERE email = ?";

double timeLogins(String sql, List<String> emails) throws SQLException {
    long start = System.nanoTime();
    try (PreparedStatement login = connection.prepareStatement(sql)) {
        for (String email : emails) {
            login.setString(1, email);
            try (ResultSet row = login.executeQuery()) {
                row.next();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    row.getObject(column);   // build the object, as the ORM did
                }
            }
        }
    }
    connection.commit();
    return (System.nanoTime() - start) / 1e9;
}

double monoLoginTime = timeLogins(loginMonolith, targetEmails);
double fragLoginTime = timeLogins(loginFragmented, targetEmails);
System.out.println(String.format(Locale.ROOT, "Monolith Login (%d ops): %.4fs", targetEmails.size(), monoLoginTime));
System.out.println(String.format(Locale.ROOT, "Fragmented Login (%d ops): %.4fs", targetEmails.size(), fragLoginTime));""")

code("part1-summary", """\
// The study stopped at its printout. Its shape, as this run measured it:
String part1Summary = display("**What Part 1 shows** (one run, as the study did): the fragmented insert took "
        + Prose.times(fragInsertTime / monoInsertTime) + " the monolith's time, and " + Prose.count(targetEmails.size())
        + " logins on user_auth took "
        + Prose.times(fragLoginTime / monoLoginTime) + " the monolith's (" + Prose.change(fragLoginTime / monoLoginTime)
        + "). One run, no spread, uneven work per layout: Part 2 asks whether that survives a fair test.", "text/markdown");""")

# ------------------------------------------------------------------------------------------------------------------
# Part 2: what a database engineer would check
# ------------------------------------------------------------------------------------------------------------------

md("part2-heading", """\
# Part 2 — What a database engineer would check

Part 1 has the study's shape. Before believing it, a database engineer asks six questions, one section each:

- **Do both layouts hold the same users?** A comparison on different data means nothing (section 5).
- **Was the insert fair?** The study flushed every fragmented user on its own but batched the monolith (section 6).
- **Was the login fair?** The monolith returned all its columns, user_auth only the login ones: is the table wider, or the answer? (section 7)
- **What does one call cost?** A total hides the spread; percentiles show it (section 8).
- **How much space does each layout take?** The memory claim rests on it (section 9).
- **How sure are we?** One run on a shared machine can flip its winner (section 10).

Sections 6 to 8 measure once, with the jar's benchmarks (the same code the harness repeats in section 10), so each \
effect is seen on its own; section 10 repeats everything in interleaved trials with confidence intervals.""")

md("datacheck-heading", """\
## 5. Do both layouts hold the same users?
Each layout is read back in full: rows per table, and an order-independent checksum over every field of every user, \
compared with the checksum the generator's users must have.""")

code("datacheck", """\
// what the generated users must give, whatever the layout or engine stores them as
String checksumOf(List<User> users) {
    UserChecksum checksum = new UserChecksum();
    users.forEach(checksum::add);
    return checksum.value();
}
RunResult.DataCheckResult dataCheck = RunResult.DataCheckResult.of(
        List.of(DataCheck.of(connection, monolith), DataCheck.of(connection, fragmented)),
        checksumOf(usersData), usersData.size());
String dataCheckTable = display(HtmlTables.html(CheckTables.dataCheck(dataCheck)), "text/html");
String dataCheckFinding = display(Findings.dataCheck(dataCheck), "text/markdown");""")

md("fair-insert-heading", """\
## 6. A fair insert: both layouts batched
Both layouts now go in the same way: every table in JDBC batches, one transaction, users made before \
the clock starts. The statements are derived from the layout definitions:""")

code("fair-insert", """\
// The jar's benchmarks, measured once here; section 10 runs the same ones in repeated, interleaved trials.
Session session = new Session(database);
BenchContext context = new BenchContext(session, generator, ENTRY_COUNT, Seeder.DEFAULT_BATCH, targetEmails, Progress.NONE);

Measurement measureOnce(Benchmark benchmark, LayoutSql sql) throws SQLException {
    // a warm-up first, discarded, as the harness does: first-call costs (class loading, JIT) stay out
    long warmupCalls = Math.min(RunOptions.DEFAULT_WARMUP_CALLS, benchmark.calls(context));
    if (benchmark.mutates()) {
        Seeder.recreate(session.connection(), sql);
    }
    benchmark.run(context, sql, warmupCalls, LatencyRecorder.discarding());
    if (benchmark.mutates()) {
        Seeder.recreate(session.connection(), sql);   // every measured insert starts from empty tables
    }
    LatencyRecorder recorder = LatencyRecorder.discarding();   // keeps the histogram only: one trial, no statistics
    benchmark.run(context, sql, benchmark.calls(context), recorder);
    return Measurement.of(sql.layout().name(), benchmark.operation(), benchmark.variant(), List.of(recorder));
}

String insertSql = display(NotebookDisplay.fenced("sql", Stream.of(monolith, fragmented)
        .flatMap(sql -> sql.layout().tables().stream().map(table -> sql.insert(table) + ";"))
        .collect(Collectors.joining("\\n"))), "text/markdown");
Measurement monolithBatched = measureOnce(InsertBenchmark.batched(), monolith);
Measurement fragmentedBatched = measureOnce(InsertBenchmark.batched(), fragmented);
String fairInsertFinding = display(Findings.fairInsert(monolithBatched, fragmentedBatched,
        fragInsertTime / monoInsertTime), "text/markdown");""")

md("login-heading", """\
## 7. Login with only the auth columns
A login needs the uid, the password hash, the role and the verified flag, nothing else. Asking every layout for \
exactly those columns separates *a wider table* from *a longer answer*. Both queries run on both layouts, with a \
warm-up pass first:""")

code("login-projected", """\
String loginQueries = display(NotebookDisplay.fenced("sql", Stream.of(monolith, fragmented)
        .flatMap(sql -> Stream.of("-- " + sql.layout().name() + ", the study's query\\n" + sql.loginWholeRow().sql() + ";",
                "-- " + sql.layout().name() + ", only the login columns\\n" + sql.loginProjected().sql() + ";"))
        .collect(Collectors.joining("\\n"))), "text/markdown");

List<Measurement> logins = new ArrayList<>();
for (Benchmark login : BenchmarkRun.LOGINS) {          // login/seed (the study's query), login/projected
    for (LayoutSql sql : List.of(monolith, fragmented)) {
        logins.add(measureOnce(login, sql));
    }
}
double medianOf(String layout, String variant) {
    return logins.stream().filter(m -> m.layout().equals(layout) && m.variant().equals(variant))
            .findFirst().orElseThrow().p50Us();
}
double wholeRowRatio = medianOf("fragmented", "seed") / medianOf("monolith", "seed");
double projectedRatio = medianOf("fragmented", "projected") / medianOf("monolith", "projected");
String loginTable = display(HtmlTables.html(CheckTables.latencySummary(logins)), "text/html");
String loginFinding = display(Findings.fairLogin(wholeRowRatio, projectedRatio), "text/markdown");""")

md("percentiles-heading", """\
## 8. What does one call cost?
Every call was timed on its own (a batched insert counts its batch's time per row). Totals, as the study printed \
them, hide the spread: the charts show time per call for every operation, and the login's percentiles per layout \
on a log scale.""")

code("percentiles", """\
List<Measurement> measuredOnce = new ArrayList<>(List.of(monolithBatched, fragmentedBatched));
measuredOnce.addAll(logins);
String timePerCallChart = display(RunCharts.timePerCall(measuredOnce).html(), "text/html");
String percentileChart = display(RunCharts.latencyPercentiles(logins, "login").html(), "text/html");
String tailFinding = display(Findings.tail(logins), "text/markdown");""")

md("storage-heading", """\
## 9. How much space does each layout take?
On SQLite the `dbstat` virtual table gives the bytes of every table and index; a layout counts its tables with their \
indexes (SQLite's automatic primary-key indexes included). Both layouts hold the same users at this point.""")

code("storage", """\
Table storage = null;   // stays null on engines without dbstat
if (dialect.engine() == Engine.SQLITE) {
    Table bytesPerObject = Table.create("Bytes per table and index (SQLite dbstat)",
            tech.tablesaw.api.StringColumn.create("name"), tech.tablesaw.api.LongColumn.create("bytes"));
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")) {
        while (rows.next()) {
            bytesPerObject.stringColumn("name").append(rows.getString(1));
            bytesPerObject.longColumn("bytes").append(rows.getLong(2));
        }
    }
    connection.commit();
    storage = CheckTables.storagePerLayout(bytesPerObject, List.of(Layouts.MONOLITH, Layouts.FRAGMENTED));
    String bytesTable = display(HtmlTables.html(bytesPerObject), "text/html");
    String storageTable = display(HtmlTables.html(storage), "text/html");
    String storageFinding = display(Findings.storage(storage), "text/markdown");
} else {
    String noDbstat = display("`dbstat` is SQLite's; on " + engine + " the sizes per table come in Part 4.", "text/markdown");
}""")

md("sure-heading", """\
## 10. How sure are we?
The study ran each operation once, in a fixed order, with no spread. The harness in the jar does what a careful \
benchmark does:

- a **warm-up** per layout before each benchmark, reported apart, so first-call costs stay out of the figures;
- several **trials**, the layouts **interleaved in a balanced order** (A B, B A, …) so drift of the machine cancels; \
every insert trial starts from empty tables, every login trial uses the same seeded sample;
- for each operation the **ratio fragmented ÷ monolith of median per-call latency** with a **95 % confidence \
interval** from a bootstrap over trials and calls (seeded, so it is reproducible);
- a **verdict**: *faster* or *slower* when the interval excludes 1 by more than the practical threshold, *negligible* \
when it excludes 1 but stays within the threshold, *no significant difference* when it holds 1.""")

code("sure-run", """\
RunOptions options = RunOptions.defaults(database).withUsers(ENTRY_COUNT).withLogins(1_000).withTrials(5);

// progress in place: one display, redrawn by the harness's insert progress and by every trial as it starts
String runProgress = display(NotebookDisplay.progressBar("starting", 0, 1), "text/html");
Progress progress = NotebookDisplay.throttled((phase, done, total) ->
        updateDisplay(runProgress, NotebookDisplay.progressBar(phase, done, total), "text/html"));
Harness.Listener trialProgress = NotebookDisplay.trials(progress, options.trials());

RunResult result = new BenchmarkRun(options, progress, trialProgress).execute();
updateDisplay(runProgress, NotebookDisplay.done(options.trials() + " trials per benchmark of "
        + result.measurements().stream().map(Measurement::layout).distinct().collect(Collectors.joining(" and "))
        + ", " + Prose.count(options.users()) + " users, " + Prose.count(options.logins()) + " logins"), "text/html");

String runDataCheck = display(Findings.dataCheck(result.dataCheck()), "text/markdown");
String comparisonsTable = display(HtmlTables.html(ResultTables.comparisons(result)), "text/html");
String ratioChart = display(RunCharts.ratioIntervals(result).html(), "text/html");
String verdictProse = display(Prose.bullets(Findings.verdicts(result)) + "\\n" + Findings.verdictSummary(result), "text/markdown");""")

md("sure-measurements-heading", """\
All measurements of the trials, merged per layout and operation; time per call and login percentiles as in \
section 8, now over every trial:""")

code("sure-measurements", """\
String trialsTable = display(HtmlTables.html(CheckTables.latencySummary(result.measurements())), "text/html");
String trialsTimeChart = display(RunCharts.timePerCall(result.measurements()).html(), "text/html");
String trialsPercentileChart = display(RunCharts.latencyPercentiles(result.measurements(), "login").html(), "text/html");""")

md("aa-heading", """\
### The A/A check
Does the harness invent differences? The same layout compared with itself (`--layouts monolith,monolith` on the \
command line) must come out *no significant difference* or *negligible* everywhere. If it does not, the machine \
was too noisy for the verdicts above.""")

code("aa-check", """\
String aaProgressShown = display(NotebookDisplay.progressBar("starting the A/A run", 0, 1), "text/html");
Progress aaProgress = NotebookDisplay.throttled((phase, done, total) ->
        updateDisplay(aaProgressShown, NotebookDisplay.progressBar(phase, done, total), "text/html"));
Harness.Listener aaTrials = NotebookDisplay.trials(aaProgress, options.trials());
RunOptions aaOptions = options.withLayouts(List.of(Layouts.MONOLITH, Layouts.MONOLITH));   // --layouts monolith,monolith
RunResult aa = new BenchmarkRun(aaOptions, aaProgress, aaTrials).execute();
updateDisplay(aaProgressShown, NotebookDisplay.done("A/A run: monolith against itself, " + aaOptions.trials()
        + " trials per benchmark"), "text/html");
String aaTable = display(HtmlTables.html(ResultTables.comparisons(aa)), "text/html");
String aaFinding = display(Findings.aaCheck(aa), "text/markdown");""")

md("changes-heading", """\
## 11. What changes
The study's conclusions, against what the fair measurements above say; every sentence is built from this run's \
results.""")

code("changes", """\
List<String> changes = new ArrayList<>();
changes.add(Findings.insertChange(fragInsertTime / monoInsertTime, result));
changes.add(Findings.loginChange(fragLoginTime / monoLoginTime, result));
if (storage != null) {
    changes.add(Findings.storage(storage));
}
changes.add(Findings.aaCheck(aa));
changes.add(Findings.memoryNotYetMeasured(storage, result));
String whatChanges = display(Prose.bullets(changes), "text/markdown");""")

# ------------------------------------------------------------------------------------------------------------------
# Places for the parts others build
# ------------------------------------------------------------------------------------------------------------------

md("part3-heading", """\
# Part 3 — The real workload

The study timed one insert and one read, with one client, picking users uniformly. Real login traffic is skewed, \
concurrent, mixed with profile reads and edits, and it *writes*. The jar has one class per workload; each derives its \
SQL from the layout, so every layout runs exactly the same operations on the same users:

| workload | one call |
|---|---|
| `signup` | one new user: one insert per table of the layout (the monolith one, a split two), one transaction |
| `login` | look the user up by email and read the login columns (section 7's projected query) |
| `login_touch` | the login, then `UPDATE … SET last_active = ?` and commit. In the study's split `last_active` lives in the *cold* `user_profile`, so every login writes to the cold side |
| `profile_view` | the whole user by uid: a join on a split layout |
| `profile_edit` | set bio and location by uid |
| `mixed` | each call draws one of the above by weight; by default login 70 %, profile_view 15 %, login_touch 10 %, profile_edit 4 %, signup 1 % |

- **Skew.** Users are picked with YCSB's *scrambled zipfian* distribution (constant 0.99): a few users log in very \
often, most rarely, and the hot ones are scattered over the key space rather than neighbours.
- **Threads.** Several clients at once, each on its own connection; their latencies are recorded per thread and \
merged, every call counted once. On SQLite concurrent writers wait for the file's lock, which is part of the answer.
- **Rival layouts.** A database engineer's first question is *why not keep one table and give login a covering \
index?* — `monolith_covering` has an index on email that carries the login columns, so a login reads only the index. \
`fragmented_hot_touch` is the split with `last_active` moved to the auth side, so a login that records itself writes \
only the hot table.

Every trial of a writing workload starts from freshly seeded tables; a consistency check runs after each one. The \
rivals' DDL on this engine:""")

code("rival-ddl", """\
import dev.userbench.bench.workload.*;

List<Layout> fourLayouts = List.of(Layouts.MONOLITH, Layouts.FRAGMENTED, Layouts.MONOLITH_COVERING,
        Layouts.FRAGMENTED_HOT_TOUCH);
String rivalDdl = display(NotebookDisplay.fenced("sql", Stream.of(Layouts.MONOLITH_COVERING, Layouts.FRAGMENTED_HOT_TOUCH)
        .map(layout -> "-- " + layout.name() + ": " + layout.summary() + "\\n" + dialect.sql(layout).createScript())
        .collect(Collectors.joining("\\n"))), "text/markdown");""")

code("workload-run", """\
// One plan, no study benchmarks: four workloads, two client threads, zipfian picks, every layout, three trials.
// Small on purpose (the whole notebook runs in about a minute); the command line takes the same options at scale:
// ./userbench run --workloads login,profile_view,login_touch,mixed --threads 2 --distribution zipfian --layouts ...
long WORKLOAD_USERS = 2_000;
WorkloadSettings load = new WorkloadSettings(2, 200, KeyDistribution.parse("zipfian"), ScrambledZipfian.DEFAULT_CONSTANT,
        Mix.DEFAULT, UserGenerator.DEFAULT_SEED);
WorkloadPlan plan = WorkloadPlan.parse("login,profile_view,login_touch,mixed", List.of(WORKLOAD_USERS), load);
RunOptions workloadOptions = options.withUsers(WORKLOAD_USERS).withLayouts(fourLayouts).withTrials(3).withWarmup(100, 0);

String workloadProgressShown = display(NotebookDisplay.progressBar("starting the workloads", 0, 1), "text/html");
Progress workloadProgress = NotebookDisplay.throttled((phase, done, total) ->
        updateDisplay(workloadProgressShown, NotebookDisplay.progressBar(phase, done, total), "text/html"));
RunResult workloadResult = new BenchmarkRun(workloadOptions, plan, workloadProgress,
        NotebookDisplay.trials(workloadProgress, workloadOptions.trials()), null).execute();
updateDisplay(workloadProgressShown, NotebookDisplay.done(workloadOptions.trials() + " trials of "
        + String.join(", ", plan.workloads()) + " on " + fourLayouts.size() + " layouts, " + Prose.count(WORKLOAD_USERS)
        + " users, " + load.threads() + " threads × " + Prose.count(load.opsPerThread()) + " calls, "
        + load.distributionLabel()), "text/html");

String workloadChecks = display(Findings.dataCheck(workloadResult.dataCheck()) + "\\n\\n"
        + (workloadResult.workloadChecksHold() ? "**Consistency held** after every writing workload ("
        : "**Consistency FAILED** after a writing workload (")
        + workloadResult.workloadChecks().stream().map(RunResult.WorkloadCheck::workload).collect(Collectors.joining(", "))
        + "): every table has as many rows as its layout's others and no profile row lacks its auth row.", "text/markdown");
String workloadTable = display(HtmlTables.html(ResultTables.comparisons(workloadResult)
        .removeColumns("variant", "users", "threads", "distribution")), "text/html");""")

md("workload-charts-heading", """\
Each workload's ratio to the monolith, with its 95 % interval; below 1 a layout is faster, and an interval that \
crosses the dashed line at 1 cannot tell the layouts apart:""")

code("workload-charts", """\
for (String workload : plan.workloads()) {
    String workloadChart = display(RunCharts.workloadRatios(workloadResult, workload).html(), "text/html");
}""")

md("workload-verdict-heading", """\
### Which layout for which workload
Built from the comparisons above:""")

code("workload-verdict", """\
String workloadVerdict = display(Prose.bullets(Findings.workloadVerdicts(workloadResult)) + "\\n"
        + Findings.workloadScore(workloadResult), "text/markdown");""")

md("part4-heading", """\
# Part 4 — Memory

The hypothesis says the split *reduces the memory footprint of auth-heavy operations*. The study measured no memory \
at all. Four figures answer it, from one run of the study's benchmarks on all four layouts at the size of Part 1:

- **Storage**: bytes of every table, index and (PostgreSQL) TOAST relation per layout, from the engine's own \
accounting (SQLite `dbstat`, InnoDB's statistics, `pg_relation_size`). What a login needs in memory is its table with \
that table's indexes.
- **Working set**: the pages each login touches, counted by the engine (or, on SQLite, by the process's read calls) \
in a pass outside the timed trials.
- **Heap**: the JVM bytes one fetched row retains, the monolith's whole row against the auth row (JOL).
- **Cache sweep**: login again with the engine's cache cut to fractions of the monolith's size. Where the split's \
hot table still fits and the monolith does not, the layouts should part ways: that is where the curves cross.""")

code("memory-run", """\
RunOptions memoryOptions = options.withLayouts(fourLayouts).withLogins(200).withTrials(3).withWarmup(100, 0)
        .withCacheSweep(List.of(0.25, 0.5, 1.0));   // --cache-sweep 0.25,0.5,1: fractions of the monolith's storage
String memoryProgressShown = display(NotebookDisplay.progressBar("starting the memory run", 0, 1), "text/html");
Progress memoryProgress = NotebookDisplay.throttled((phase, done, total) ->
        updateDisplay(memoryProgressShown, NotebookDisplay.progressBar(phase, done, total), "text/html"));
RunResult memory = new BenchmarkRun(memoryOptions, memoryProgress,
        NotebookDisplay.trials(memoryProgress, memoryOptions.trials())).execute();
updateDisplay(memoryProgressShown, NotebookDisplay.done("memory run: " + Prose.count(memoryOptions.users()) + " users on "
        + fourLayouts.size() + " layouts, " + Prose.count(memoryOptions.logins()) + " logins, cache sweep over "
        + (memory.cacheSweep() == null ? "nothing" : memory.cacheSweep().cacheBytes().size() + " sizes of "
        + memory.cacheSweep().setting())), "text/html");""")

md("footprint-heading", """\
## 12. How much does each layout store, and how much of it does login need?""")

code("footprint", """\
String footprintTable = display(HtmlTables.html(CheckTables.footprint(memory.footprint())), "text/html");
String hotTable = display(HtmlTables.html(CheckTables.hotAndCold(memory.footprint())), "text/html");
String storageChart = display(RunCharts.storage(memory.footprint()).html(), "text/html");
String footprintFinding = display(Findings.footprint(memory.footprint()), "text/markdown");""")

md("working-set-heading", """\
## 13. Pages touched per login, and the heap of a fetched row""")

code("working-set", """\
String workingSetTable = display(HtmlTables.html(CheckTables.workingSet(memory.workingSet())), "text/html");
String pagesChart = display(RunCharts.pagesPerLogin(memory.workingSet()).html(), "text/html");
String workingSetCaveat = display(Findings.workingSetCaveat(memory.workingSet()), "text/markdown");
String heapTable = display(HtmlTables.html(CheckTables.heap(memory.heap())), "text/html");
String heapFinding = display(Findings.heap(memory.heap()), "text/markdown");""")

md("sweep-heading", """\
## 14. Where the curves cross: login under a shrinking cache
The same projected login at each cache size, three interleaved trials per size, and the pages each login read in a \
counted pass:""")

code("sweep", """\
String sweepTable = display(HtmlTables.html(CheckTables.cacheSweep(memory)), "text/html");
String sweepThroughputChart = display(RunCharts.cacheSweepThroughput(memory).html(), "text/html");
String sweepPagesChart = display(RunCharts.cacheSweepPages(memory).html(), "text/html");""")

md("memory-verdict-heading", """\
## 15. The memory claim
Computed from the figures above:""")

code("memory-verdict", """\
String memoryVerdict = display(Findings.memoryVerdict(memory), "text/markdown");""")

md("cleanup-heading", """\
## Clean up
Closes the connections this notebook opened; the tables stay for inspection (every part recreates what it needs).""")

code("cleanup", """\
session.close();
connection.close();""")


def notebook():
    cells = []
    for cell_type, cell_id, text in CELLS:
        lines = text.splitlines(keepends=True)
        cell = {"cell_type": cell_type, "id": cell_id, "metadata": {}, "source": lines}
        if cell_type == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        cells.append(cell)
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"name": "java", "display_name": "Java", "language": "java"},
            "language_info": {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


if __name__ == "__main__":
    text = json.dumps(notebook(), indent=1, ensure_ascii=False) + "\n"
    if "--check" in sys.argv:
        same = NOTEBOOK.exists() and NOTEBOOK.read_text(encoding="utf-8") == text
        print(("up to date: " if same else "out of date, run python3 notebooks/build_notebook.py: ") + str(NOTEBOOK))
        sys.exit(0 if same else 1)
    NOTEBOOK.write_text(text, encoding="utf-8")
    print("wrote " + str(NOTEBOOK))
