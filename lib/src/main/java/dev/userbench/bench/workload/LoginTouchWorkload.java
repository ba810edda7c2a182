package dev.userbench.bench.workload;

import dev.userbench.model.Field;
import dev.userbench.schema.LayoutSql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A login that records itself: the login query, then {@code UPDATE ... SET last_active = ? WHERE uid = ?}
 * on whichever table holds last_active ({@link LayoutSql#updateByUid}) and a commit. In the study's
 * split last_active is on the cold profile side, so every login writes there; the hot-touch split
 * keeps it with the login columns.
 *
 * <p>The login's read is committed before the write, as an application in auto-commit mode does; it
 * also keeps SQLite, which cannot upgrade one client's read lock while another holds one, from
 * refusing concurrent logins.
 */
public final class LoginTouchWorkload extends Workload {

    public static final String NAME = "login_touch";

    public LoginTouchWorkload(WorkloadSettings settings) {
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
        Statements statements = new Statements(client.connection());
        try {
            LoginWorkload.Login login = new LoginWorkload.Login(sql, statements);
            List<LayoutSql.Update> updates = sql.updateByUid(Set.of(Field.LAST_ACTIVE));
            if (updates.size() != 1) {
                throw new IllegalStateException("last_active must live in exactly one table of " + sql.layout().name());
            }
            PreparedStatement touch = statements.prepare(updates.get(0).sql());
            return new Step() {
                @Override
                public long perform() throws SQLException {
                    String email = client.generator().user(client.existingUser()).email();
                    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                    long start = client.clockIn();
                    UUID uid = login.uidOf(email);
                    client.connection().commit();
                    sql.dialect().bind(touch, 1, Field.LAST_ACTIVE, now);
                    sql.dialect().bind(touch, 2, Field.UID, uid);
                    int changed = touch.executeUpdate();
                    client.connection().commit();
                    long elapsed = client.clockOut(start);
                    if (changed != 1) {
                        throw new IllegalStateException("touching " + email + " changed " + changed + " rows in "
                                + updates.get(0).table());
                    }
                    return elapsed;
                }

                @Override
                public void close() throws SQLException {
                    statements.close();
                }
            };
        } catch (SQLException | RuntimeException e) {
            statements.close();
            throw e;
        }
    }
}
