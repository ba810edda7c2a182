package dev.userbench.cluster;

import dev.userbench.model.User;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Namespace;
import dev.userbench.schema.Rows;
import dev.userbench.schema.TableDef;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The uniqueness problem shown on a cluster: sign up, through the head, users with a new uid and an email that is
 * already taken, and count what each layout accepted. A layout sharded by uid refuses only the twins that land on the
 * taken email's shard; the email lookup table refuses every one.
 */
public final class DuplicateEmails {

    private DuplicateEmails() {
    }

    /** Seeds each layout with {@code users} users, tries {@code attempts} twins of one user, and tells the outcome. */
    public static Table tryOn(Cluster cluster, List<Layout> layouts, long users, int attempts) throws SQLException {
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED, 200);
        ConnectionSpec head = ConnectionSpec.of(cluster.headUrl()).withNamespace(Namespace.standard());
        Table table = Table.create("Signing up a taken email again, " + attempts + " times with new uids",
                StringColumn.create("layout"), StringColumn.create("shard_key"), IntColumn.create("attempts"),
                IntColumn.create("accepted"), LongColumn.create("emails_held_twice"));
        try (Connection connection = head.open()) {
            for (Layout layout : layouts) {
                LayoutSql sql = head.dialect().sql(layout);
                Seeder.recreate(connection, sql);
                new Seeder(500).load(connection, sql, generator, users, Progress.NONE);
                User taken = generator.user(users / 2);
                int accepted = 0;
                for (int i = 0; i < attempts; i++) {
                    User twin = new User(UUID.randomUUID(), taken.email(), taken.passwordHash(), taken.role(),
                            taken.verified(), taken.name(), taken.phone(), taken.location(), taken.bio(),
                            taken.profileImage(), taken.createdAt(), taken.lastActive());
                    try {
                        for (TableDef written : sql.writtenTables()) {
                            try (PreparedStatement insert = connection.prepareStatement(sql.insert(written))) {
                                Rows.bind(sql.dialect(), insert, written, twin);
                                insert.executeUpdate();
                            }
                        }
                        connection.commit();
                        accepted++;
                    } catch (SQLException refused) {
                        connection.rollback();
                    }
                }
                table.stringColumn("layout").append(layout.name());
                table.stringColumn("shard_key").append(layout.sharding().label());
                table.intColumn("attempts").append(attempts);
                table.intColumn("accepted").append(accepted);
                table.longColumn("emails_held_twice").append(ShardedDataCheck.duplicateEmails(connection, sql));
            }
        }
        return table;
    }
}
