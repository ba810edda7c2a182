package dev.userbench.bench.workload;

import dev.userbench.model.User;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Rows;
import dev.userbench.schema.TableDef;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One new user per call: one insert per table of the layout (one on a monolith, two on a split), in
 * one transaction. New users come from the generator past the seeded ones, so they never collide.
 */
public final class SignupWorkload extends Workload {

    public static final String NAME = "signup";

    public SignupWorkload(WorkloadSettings settings) {
        super(settings);
    }

    @Override
    public String operation() {
        return NAME;
    }

    @Override
    public boolean mutates() {
        return true;
    }

    @Override
    protected Step open(Client client, LayoutSql sql) throws SQLException {
        List<TableDef> tables = sql.writtenTables();
        Statements statements = new Statements(client.connection());
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (TableDef table : tables) {
                inserts.add(statements.prepare(sql.insert(table)));
            }
        } catch (SQLException | RuntimeException e) {
            statements.close();
            throw e;
        }
        return new Step() {
            @Override
            public long perform() throws SQLException {
                User user = client.newUser();
                long start = client.clockIn();
                for (int t = 0; t < tables.size(); t++) {
                    PreparedStatement insert = inserts.get(t);
                    Rows.bind(sql.dialect(), insert, tables.get(t), user);
                    insert.executeUpdate();
                }
                client.connection().commit();
                return client.clockOut(start);
            }

            @Override
            public void close() throws SQLException {
                statements.close();
            }
        };
    }
}
