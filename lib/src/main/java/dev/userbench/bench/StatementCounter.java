package dev.userbench.bench;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.SimpleResultSetProxyLogicFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts what the driver really received on one connection: every statement executed (a JDBC batch is one
 * execution) and every row a result set handed back ({@code next()} returning true), whatever sent them, the
 * tool's own SQL or an ORM's. datasource-proxy wraps the connection; the wrapper is used only in an untimed
 * counting pass, so the measured trials run on the bare driver.
 */
public final class StatementCounter {

    /** What one operation sent and fetched, on average over a counting pass. */
    public record PerOp(double statements, double rows) {
    }

    private long statements;
    private long rows;
    private final List<String> sql = new ArrayList<>();
    private final Connection counted;

    private StatementCounter(Connection connection) {
        QueryExecutionListener queries = new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            }

            @Override
            public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                statements++;
                if (sql.size() < 1_000) {
                    queries.forEach(query -> sql.add(query.getQuery()));
                }
            }
        };
        MethodExecutionListener fetches = new MethodExecutionListener() {
            @Override
            public void beforeMethod(MethodExecutionContext context) {
            }

            @Override
            public void afterMethod(MethodExecutionContext context) {
                if (context.getTarget() instanceof ResultSet && "next".equals(context.getMethod().getName())
                        && Boolean.TRUE.equals(context.getResult())) {
                    rows++;
                }
            }
        };
        ProxyConfig config = ProxyConfig.Builder.create().queryListener(queries).methodListener(fetches)
                .resultSetProxyLogicFactory(new SimpleResultSetProxyLogicFactory()).build();
        ConnectionInfo info = new ConnectionInfo();
        info.setDataSourceName("userbench");
        this.counted = JdbcProxyFactory.DEFAULT.createConnection(connection, info, config);
    }

    /** A counter over {@code connection}; use {@link #connection()} in its place (closing it closes the original). */
    public static StatementCounter over(Connection connection) {
        return new StatementCounter(connection);
    }

    public Connection connection() {
        return counted;
    }

    /** Statements executed so far. */
    public long statements() {
        return statements;
    }

    /** Rows fetched so far. */
    public long rows() {
        return rows;
    }

    /** The SQL text of the statements so far (the first thousand), in the order they ran. */
    public List<String> sql() {
        return List.copyOf(sql);
    }

    /** Starts counting afresh. */
    public void reset() {
        statements = 0;
        rows = 0;
        sql.clear();
    }

    public PerOp perOp(long operations) {
        long ops = Math.max(1, operations);
        return new PerOp((double) statements / ops, (double) rows / ops);
    }
}
