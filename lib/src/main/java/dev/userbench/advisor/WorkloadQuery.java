package dev.userbench.advisor;

/**
 * One statement of a user's workload against the single table, with {@code ?} parameters, and how often it runs
 * relative to the others (a weight from the query file, or a call count from the engine's statement statistics).
 */
public record WorkloadQuery(String name, String sql, double weight) {

    public WorkloadQuery {
        if (!(weight > 0)) {
            throw new IllegalArgumentException("query " + name + ": its weight must be above 0, got " + weight);
        }
    }
}
