package dev.userbench.bench.workload;

import dev.userbench.bench.LoginBenchmark;
import dev.userbench.model.Field;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.PreparedSelect;
import dev.userbench.schema.RowReader;

import java.sql.ResultSet;
import java.sql.SQLException;
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
                long start = client.clockIn();
                login.uidOf(email);
                client.connection().commit();
                return client.clockOut(start);
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
        private final PreparedSelect statement;
        private final RowReader reader;

        Login(LayoutSql sql, Statements statements) throws SQLException {
            this.sql = sql;
            this.select = query(sql);
            this.statement = statements.prepare(sql.dialect(), select);
            this.reader = RowReader.of(sql.dialect(), select);
        }

        /** Reads every login column of the user with this email and returns the uid. */
        UUID uidOf(String email) throws SQLException {
            try (ResultSet row = statement.query(Field.EMAIL, email)) {
                if (row == null || !row.next()) {
                    throw new IllegalStateException("login found no user for " + email + " in layout "
                            + sql.layout().name() + ": the tables do not hold the seeded users");
                }
                return (UUID) reader.read(row, Field.UID);
            }
        }

        long sink() {
            return reader.sink();
        }
    }
}
