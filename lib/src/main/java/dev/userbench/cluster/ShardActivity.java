package dev.userbench.cluster;

import java.sql.SQLException;

/**
 * The shards' own account of what the head asked of them: a reading per shard that changes whenever the shard ran a
 * statement (PostgreSQL: the state changes of its client backends in {@code pg_stat_activity}; MariaDB: its
 * statement counters), read on a connection of its own to each shard.
 */
public interface ShardActivity extends AutoCloseable {

    /** One reading per shard, in shard order. */
    long[] read() throws SQLException;

    @Override
    void close() throws SQLException;
}
