package dev.userbench.bench.workload;

import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.schema.LayoutSql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A profile edit: sets bio and location of an existing user by uid ({@link LayoutSql#updateByUid}:
 * one UPDATE per table holding them) in one transaction. The new values are another generated user's,
 * so they are realistic text of the same length.
 */
public final class ProfileEditWorkload extends Workload {

    public static final String NAME = "profile_edit";
    public static final Set<Field> EDITED = EnumSet.of(Field.BIO, Field.LOCATION);

    public ProfileEditWorkload(WorkloadSettings settings) {
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
        List<LayoutSql.Update> updates = sql.updateByUid(EDITED);
        Statements statements = new Statements(client.connection());
        List<PreparedStatement> prepared = new ArrayList<>();
        try {
            for (LayoutSql.Update update : updates) {
                prepared.add(statements.prepare(update.sql()));
            }
        } catch (SQLException | RuntimeException e) {
            statements.close();
            throw e;
        }
        return new Step() {
            @Override
            public long perform() throws SQLException {
                UUID uid = client.generator().user(client.existingUser()).uid();
                // past every index a run signs up, so the donor is never a user of the tables
                User donor = client.generator().user(Long.MAX_VALUE / 2 + client.random().nextLong(Long.MAX_VALUE / 4));
                long start = client.clockIn();
                for (int u = 0; u < updates.size(); u++) {
                    PreparedStatement statement = prepared.get(u);
                    List<Field> fields = updates.get(u).fields();
                    for (int i = 0; i < fields.size(); i++) {
                        sql.dialect().bind(statement, i + 1, fields.get(i), donor);
                    }
                    sql.dialect().bind(statement, fields.size() + 1, Field.UID, uid);
                    if (statement.executeUpdate() != 1) {
                        throw new IllegalStateException("editing " + uid + " found no row in " + updates.get(u).table());
                    }
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
