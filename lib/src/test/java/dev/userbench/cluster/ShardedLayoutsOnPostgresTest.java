package dev.userbench.cluster;

import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sharded layouts on a PostgreSQL head reaching two PostgreSQL shards through postgres_fdw. */
@org.junit.jupiter.api.condition.EnabledIf("dev.userbench.cluster.ClusterPackages#postgres")
class ShardedLayoutsOnPostgresTest extends ShardedLayoutsContract {

    @BeforeAll
    static void start() throws Exception {
        startCluster(LocalPostgresCluster.start(2, List.of()));
    }

    @Test
    void theHeadsOwnPlanAgreesWithTheShardsCountsForALoginByEmail() throws Exception {
        assertThat(foreignScansExecuted(Layouts.FRAGMENTED_BY_EMAIL)).isEqualTo(1);
        assertThat(foreignScansExecuted(Layouts.MONOLITH_BY_UID)).isEqualTo(2);
    }

    /** The foreign scans the head's plan for one login ran (EXPLAIN ANALYZE: pruned partitions are not in the plan). */
    private static long foreignScansExecuted(Layout layout) throws Exception {
        try (Connection connection = head.open()) {
            LayoutSql sql = head.dialect().sql(layout);
            Seeder.recreate(connection, sql);
            new Seeder(100).load(connection, sql, new UserGenerator(42, 200), 100, Progress.NONE);
            String email = new UserGenerator(42, 200).user(5).email();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) "
                    + sql.loginProjected().sql())) {
                explain.setString(1, email);
                long scans = 0;
                try (ResultSet plan = explain.executeQuery()) {
                    while (plan.next()) {
                        String line = plan.getString(1);
                        if (line.contains("Foreign Scan") && !line.contains("never executed")) {
                            scans++;
                        }
                    }
                }
                connection.rollback();
                return scans;
            }
        }
    }

    @Override
    Connection openShard(ShardEndpoint shard) throws SQLException {
        return LocalPostgresCluster.open(shard);
    }
}
