package dev.userbench.advisor;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.Benchmark;
import dev.userbench.bench.Harness;
import dev.userbench.bench.LatencyRecorder;
import dev.userbench.bench.workload.KeyChooser;
import dev.userbench.bench.workload.KeyDistribution;
import dev.userbench.definition.TableRows;
import dev.userbench.definition.SplitTable;
import dev.userbench.definition.SplitTableStore;
import dev.userbench.definition.TableDefinition;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A user's weighted queries as one benchmark of the {@link Harness}: every call draws a query by weight from a
 * seeded stream (the same sequence on every layout), picks an existing row from the distribution, makes the
 * parameters' values untimed, then times the query's rewritten statements for the arm's layout up to the commit.
 * A mix that writes starts every trial from the same freshly seeded rows.
 *
 * <p>The harness knows the study's layouts only ({@link Harness.Arm} carries a {@link LayoutSql}); an arm of this
 * benchmark carries a placeholder {@code LayoutSql} of its own, by which {@link #run} finds the split it stands for.
 */
public final class QueryMixBenchmark implements Benchmark {

    public static final String OPERATION = "queries";
    /** Fresh values (an UPDATE's SET) are rows this far past the seeded ones, so unique columns never collide. */
    private static final long FRESH_OFFSET = 1L << 40;

    private record Plan(SplitTable split, List<List<QueryRewriter.Rewritten>> statements) {
    }

    private final List<AnalyzedQuery> queries;
    private final TableRows generator;
    private final SplitTableStore store;
    private final long rows;
    private final long ops;
    private final KeyDistribution distribution;
    private final double zipfConstant;
    private final long seed;
    private final double[] cumulative;
    private final Map<LayoutSql, Plan> plans = new IdentityHashMap<>();

    public QueryMixBenchmark(List<AnalyzedQuery> queries, TableRows generator, SplitTableStore store, long rows,
                             long ops, KeyDistribution distribution, double zipfConstant, long seed) {
        this.queries = List.copyOf(queries);
        this.generator = generator;
        this.store = store;
        this.rows = rows;
        this.ops = ops;
        this.distribution = distribution;
        this.zipfConstant = zipfConstant;
        this.seed = seed;
        this.cumulative = new double[queries.size()];
        double sum = 0;
        for (int i = 0; i < queries.size(); i++) {
            sum += queries.get(i).query().weight();
            cumulative[i] = sum;
        }
    }

    /** The arm measuring one split, its statements rewritten for it. */
    public Harness.Arm arm(Dialect dialect, SplitTable split) {
        List<List<QueryRewriter.Rewritten>> statements = new ArrayList<>();
        for (AnalyzedQuery query : queries) {
            statements.add(QueryRewriter.rewrite(query, split, dialect.engine()));
        }
        LayoutSql placeholder = dialect.sql(Layouts.MONOLITH);
        plans.put(placeholder, new Plan(split, statements));
        return new Harness.Arm(split.label(), placeholder);
    }

    public SplitTable split(Harness.Arm arm) {
        return plan(arm.sql()).split();
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    /** The mix, e.g. {@code login=70,profile_view=15}: another mix is another variant. */
    @Override
    public String variant() {
        return queries.stream().map(q -> q.query().name() + "=" + QueryFile.formatWeight(q.query().weight()))
                .collect(Collectors.joining(","));
    }

    @Override
    public boolean mutates() {
        return queries.stream().anyMatch(q -> q.kind().writes());
    }

    @Override
    public String distribution() {
        return distribution == KeyDistribution.ZIPFIAN && zipfConstant != 0.99
                ? "zipfian(" + zipfConstant + ")" : distribution.label();
    }

    @Override
    public long calls(BenchContext context) {
        return ops;
    }

    /** Drops, recreates and seeds the split's tables, then settles them. */
    @Override
    public void prepare(BenchContext context, LayoutSql sql) throws SQLException {
        seed(context.connection(), plan(sql).split());
    }

    public void seed(Connection connection, SplitTable split) throws SQLException {
        store.recreate(connection, split);
        store.load(connection, split, generator, rows);
        store.settle(connection, split);
    }

    @Override
    public void run(BenchContext context, LayoutSql sql, long calls, LatencyRecorder recorder) throws SQLException {
        Plan plan = plan(sql);
        TableDefinition table = generator.table();
        Connection connection = context.connection();
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L
                + ((recorder.measured() ? recorder.trial() : -1) + 2) * 0xBF58476D1CE4E5B9L);
        KeyChooser keys = distribution.over(rows, zipfConstant);
        List<List<PreparedStatement>> prepared = new ArrayList<>();
        long inserted = 0;
        long fresh = 0;
        try {
            for (List<QueryRewriter.Rewritten> statements : plan.statements()) {
                List<PreparedStatement> list = new ArrayList<>();
                prepared.add(list);
                for (QueryRewriter.Rewritten statement : statements) {
                    list.add(connection.prepareStatement(statement.sql()));
                }
            }
            long begin = System.nanoTime();
            for (long call = 0; call < calls; call++) {
                int q = draw(random);
                AnalyzedQuery query = queries.get(q);
                long row = keys.next(random);
                Object[] values = QueryCall.values(query, generator, row, rows + FRESH_OFFSET + fresh++, rows + inserted);
                if (query.kind() == AnalyzedQuery.Kind.INSERT) {
                    inserted++;
                }
                long start = System.nanoTime();
                QueryCall.run(prepared.get(q), plan.statements().get(q), query, values, store.types(), table, false);
                connection.commit();
                recorder.record(System.nanoTime() - start);
            }
            recorder.addWall(System.nanoTime() - begin);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            for (List<PreparedStatement> list : prepared) {
                for (PreparedStatement statement : list) {
                    statement.close();
                }
            }
        }
    }

    private int draw(SplittableRandom random) {
        double pick = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (pick < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private Plan plan(LayoutSql sql) {
        Plan plan = plans.get(sql);
        if (plan == null) {
            throw new IllegalStateException("an arm this benchmark did not make");
        }
        return plan;
    }
}
