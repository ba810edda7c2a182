package dev.userbench.bench.workload;

import dev.userbench.model.Field;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.RowReader;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A profile page: the whole user by uid ({@link LayoutSql#selectBy}, a join on a split layout). */
public final class ProfileViewWorkload extends Workload {

    public static final String NAME = "profile_view";

    public ProfileViewWorkload(WorkloadSettings settings) {
        super(settings);
    }

    @Override
    public String operation() {
        return NAME;
    }

    @Override
    public boolean mutates() {
        return false;
    }

    /** What a profile view reads: every field of the user with the given uid. */
    public static LayoutSql.Select query(LayoutSql sql) {
        return sql.selectBy(Field.UID, Field.ALL);
    }

    @Override
    protected Step open(Client client, LayoutSql sql) throws SQLException {
        Statements statements = new Statements(client.connection());
        LayoutSql.Select select = query(sql);
        PreparedStatement statement;
        try {
            statement = statements.prepare(select.sql());
        } catch (SQLException | RuntimeException e) {
            statements.close();
            throw e;
        }
        RowReader reader = RowReader.of(sql.dialect(), select);
        return new Step() {

            @Override
            public long perform() throws SQLException {
                UUID uid = client.generator().user(client.existingUser()).uid();
                long start = client.clockIn();
                sql.dialect().bind(statement, 1, Field.UID, uid);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no profile for " + uid + " in layout " + sql.layout().name()
                                + ": the tables do not hold the seeded users");
                    }
                    reader.read(row);
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
