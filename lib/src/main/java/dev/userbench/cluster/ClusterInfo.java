package dev.userbench.cluster;

import java.util.List;
import java.util.Map;

/**
 * The {@code cluster} of results.json's environment: which engine routes, how many shards, the head's and each
 * shard's version, the settings that shape a remote call, and each layout's shard key.
 */
public record ClusterInfo(String engine, int shards, String routing, String headVersion, List<String> shardVersions,
                          List<String> shardServers, Map<String, String> settings, Map<String, String> shardKeys,
                          Map<String, Long> duplicateEmails) {

    public ClusterInfo {
        shardVersions = List.copyOf(shardVersions);
        shardServers = List.copyOf(shardServers);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        shardKeys = shardKeys == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shardKeys));
        duplicateEmails = duplicateEmails == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(duplicateEmails));
    }

    /** Each layout's shard key, e.g. {@code uid+email_lookup}. */
    public ClusterInfo withShardKeys(Map<String, String> keys) {
        return new ClusterInfo(engine, shards, routing, headVersion, shardVersions, shardServers, settings, keys,
                duplicateEmails);
    }

    /** Per layout, how many emails its email table holds more than once across the shards (0: unique everywhere). */
    public ClusterInfo withDuplicateEmails(Map<String, Long> counts) {
        return new ClusterInfo(engine, shards, routing, headVersion, shardVersions, shardServers, settings, shardKeys,
                counts);
    }
}
