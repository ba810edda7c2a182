package dev.userbench.footprint;

/** A workload or measurement that may fail with any exception (JDBC's SQLException included). */
@FunctionalInterface
public interface SqlWork {
    void run() throws Exception;
}
