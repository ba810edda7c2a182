package dev.userbench.bench.workload;

import dev.userbench.schema.LayoutSql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The weighted mix of the single workloads: every call draws one of them by {@link Mix} weight, from
 * the client's seeded stream, so each layout gets the same sequence of operations on the same users.
 */
public final class MixedWorkload extends Workload {

    public static final String NAME = "mixed";

    private final List<Workload> parts;

    public MixedWorkload(WorkloadSettings settings) {
        super(settings);
        List<Workload> parts = new ArrayList<>();
        for (Mix.Share share : settings.mix().shares()) {
            parts.add(Workloads.single(share.workload(), settings));
        }
        this.parts = List.copyOf(parts);
    }

    @Override
    public String operation() {
        return NAME;
    }

    /** The mix itself, e.g. {@code login=70,profile_view=15,...}: a different mix is a different variant. */
    @Override
    public String variant() {
        return settings().mix().spec();
    }

    @Override
    public boolean mutates() {
        return settings().mix().writes();
    }

    @Override
    protected Step open(Client client, LayoutSql sql) throws SQLException {
        Mix mix = settings().mix();
        List<Step> steps = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                steps.add(mix.shares().get(i).weight() > 0 ? parts.get(i).open(client, sql) : null);
            }
        } catch (SQLException | RuntimeException e) {
            closeAll(steps);
            throw e;
        }
        return new Step() {
            @Override
            public long perform() throws SQLException {
                return steps.get(mix.draw(client.random())).perform();
            }

            @Override
            public void close() throws SQLException {
                closeAll(steps);
            }
        };
    }

    private static void closeAll(List<Step> steps) throws SQLException {
        SQLException first = null;
        for (Step step : steps) {
            if (step == null) {
                continue;
            }
            try {
                step.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
