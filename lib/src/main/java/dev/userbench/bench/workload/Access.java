package dev.userbench.bench.workload;

import dev.userbench.bench.Benchmark;
import dev.userbench.schema.LayoutSql;

import java.sql.SQLException;

/**
 * How a workload reaches a layout's tables: the tool's own SQL through plain JDBC ({@link #JDBC}), or an ORM
 * through one of its mappings (package {@code dev.userbench.orm}). A workload opens each client's {@link Step}
 * through its arm's access, so the harness, the key choice and the timing are the same on every path.
 */
public interface Access {

    /** The tool's own prepared statements, as every workload ran before the ORM arm existed. */
    Access JDBC = new Access() {
        @Override
        public String name() {
            return "jdbc";
        }

        @Override
        public String mapping() {
            return null;
        }

        @Override
        public boolean supports(Benchmark benchmark, LayoutSql sql) {
            return true;
        }

        @Override
        public Step open(Workload workload, Client client, LayoutSql sql) throws SQLException {
            return workload.open(client, sql);
        }

        @Override
        public String toString() {
            return name();
        }
    };

    /** The access path as results name it: {@code jdbc} or {@code hibernate}. */
    String name();

    /** The mapping it goes through, e.g. {@code one_to_one}; null on plain JDBC. */
    String mapping();

    /** Whether this path can run the benchmark on the layout (an ORM mapping covers the workloads, not the study's inserts). */
    boolean supports(Benchmark benchmark, LayoutSql sql);

    /** Opens the workload's step for one client on this path. */
    Step open(Workload workload, Client client, LayoutSql sql) throws SQLException;
}
