package dev.userbench.embedded;

import dev.userbench.bench.RunResult;
import dev.userbench.footprint.FootprintBenchmark;
import dev.userbench.schema.ConnectionSpec;

import java.util.Map;

/**
 * {@link FootprintBenchmark} on a server this tool starts: on {@code embedded:postgres} the sweep
 * restarts PostgreSQL with each shared_buffers size; on {@code embedded:mariadb} it resizes the buffer
 * pool online. The server and its data are gone when the run ends.
 *
 * <pre>java -cp lib/target/user-entity-bench.jar:embedded/target/user-entity-bench-embedded.jar:embedded/target/lib/*
 *     dev.userbench.embedded.EmbeddedFootprintBenchmark embedded:postgres [USERS] [LOGINS] [BIO_CHARS] [FRACTIONS] [WORKLOADS] [TRIALS]</pre>
 */
public final class EmbeddedFootprintBenchmark {

    private EmbeddedFootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : EmbeddedServers.POSTGRES;
        FootprintBenchmark.Options options = FootprintBenchmark.options(args, 1);
        // room for a 1M-user seed without checkpoints every few seconds
        Map<String, String> settings = EmbeddedServers.POSTGRES.equals(url)
                ? Map.of("max_wal_size", "4GB", "shared_buffers", "128MB") : Map.of();
        try (EmbeddedServers.Running server = EmbeddedServers.start(url, settings)) {
            // the server is this tool's: on PostgreSQL the sweep restarts it with each shared_buffers
            RunResult result = FootprintBenchmark.run(ConnectionSpec.of(server.jdbcUrl()), options, server);
            FootprintBenchmark.print(result);
            FootprintBenchmark.write(result);
        }
    }
}
