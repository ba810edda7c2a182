package dev.userbench.cluster;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.workload.Workload;
import dev.userbench.schema.LayoutSql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How many shards one operation of a workload touches, as the shards count it: the workload runs untimed as one
 * client on the head, and around every operation (each ends in a commit or a rollback) every shard is asked whether it
 * ran a statement ({@link ShardActivity}). Not inferred from the layout: a shard the head opened a remote transaction
 * on counts even when the plan pruned its scan at run time.
 */
public final class ShardsTouched {

    /** What the pass counted: operations and, summed over them, the shards each touched. */
    public record Count(long operations, long shardsTouched, int shards) {
        public double perOperation() {
            return operations == 0 ? 0 : shardsTouched / (double) operations;
        }
    }

    private ShardsTouched() {
    }

    /** Runs {@code calls} operations of the workload on the head's connection and counts the shards each touched. */
    public static Count count(BenchContext context, Workload workload, LayoutSql sql, ShardActivity activity, long calls)
            throws SQLException {
        Connection head = context.connection();
        head.commit();
        long[][] last = {activity.read()};
        long[] totals = new long[2];
        Connection counted = (Connection) Proxy.newProxyInstance(ShardsTouched.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(head, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("commit") || method.getName().equals("rollback") && args == null) {
                        long[] now = activity.read();
                        for (int i = 0; i < now.length; i++) {
                            if (now[i] != last[0][i]) {
                                totals[1]++;
                            }
                        }
                        totals[0]++;
                        last[0] = now;
                    }
                    return result;
                });
        workload.runOnThisThread(context, sql, counted, calls);
        return new Count(totals[0], totals[1], last[0].length);
    }
}
