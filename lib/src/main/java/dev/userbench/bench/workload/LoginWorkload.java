package dev.userbench.bench.workload;

import dev.userbench.bench.LoginBenchmark;
import dev.userbench.model.Field;
import dev.userbench.schema.LayoutSql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A login: looks an existing user up by email and reads the login columns, the query of
 * {@link LoginBenchmark#projected()} ({@link LayoutSql#loginProjected()}), then commits.
 */
public final class LoginWorkload extends Workload {

    public static final String NAME = "login";

    public LoginWorkload(WorkloadSettings settings) {
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

    /** What a login reads: the login columns by email, wherever they live. */
    public static LayoutSql.Select query(LayoutSql sql) {
        return sql.loginProjected();
    }

    @Override
    protected Step open(Client client, LayoutSql sql) throws SQLException {
        Statements statements = new Statements(client.connection());
        Login login = new Login(sql, statements);
        return new Step() {
            @Override
            public long perform() throws SQLException {
                String email = client.generator().user(client.existingUser()).email();
                long start = System.nanoTime();
                login.uidOf(email);
                client.connection().commit();
                return System.nanoTime() - start;
            }

            @Override
            public void close() throws SQLException {
                statements.close();
            }
        };
    }

    /** The login query on one connection, shared with {@link LoginTouchWorkload}. */
    static final class Login {
        private final LayoutSql sql;
        private final LayoutSql.Select select;
        private final PreparedStatement statement;
        /** Folds every value read into something the JIT cannot discard. */
        private long sink;

        Login(LayoutSql sql, Statements statements) throws SQLException {
            this.sql = sql;
            this.select = query(sql);
            this.statement = statements.prepare(select.sql());
        }

        /** Reads every login column of the user with this email and returns the uid. */
        UUID uidOf(String email) throws SQLException {
            List<Field> fields = select.fields();
            statement.setString(1, email);
            UUID uid = null;
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("login found no user for " + email + " in layout "
                            + sql.layout().name() + ": the tables do not hold the seeded users");
                }
                for (int i = 0; i < fields.size(); i++) {
                    Object value = sql.dialect().read(row, i + 1, fields.get(i));
                    sink += value == null ? 0 : value.hashCode();
                    if (fields.get(i) == Field.UID) {
                        uid = (UUID) value;
                    }
                }
            }
            return uid;
        }

        long sink() {
            return sink;
        }
    }
}
