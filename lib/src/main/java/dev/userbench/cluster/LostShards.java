package dev.userbench.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which shards of a cluster no longer accept connections, asked after a run through its head failed: the head's error
 * names the head (its connection to a shard broke), while the user needs the shard that went away.
 */
public final class LostShards {

    /** How long a shard may take to accept a connection before it counts as gone. */
    private static final int CONNECT_TIMEOUT_MS = 2000;

    private LostShards() {
    }

    /** The 1-based numbers of the shards that refuse a connection now. */
    public static List<Integer> of(Cluster cluster) {
        List<Integer> lost = new ArrayList<>();
        List<ShardEndpoint> shards = cluster.shards();
        for (int i = 0; i < shards.size(); i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(shards.get(i).host(), shards.get(i).port()), CONNECT_TIMEOUT_MS);
            } catch (IOException gone) {
                lost.add(i + 1);
            }
        }
        return lost;
    }

    /** One sentence naming the lost shards and their ports, with the fix; empty while every shard still answers. */
    public static Optional<String> sentence(Cluster cluster) {
        List<Integer> lost = of(cluster);
        if (lost.isEmpty()) {
            return Optional.empty();
        }
        List<ShardEndpoint> shards = cluster.shards();
        List<String> named = lost.stream().map(n -> n + " (" + shards.get(n - 1).host() + ":" + shards.get(n - 1).port() + ")")
                .toList();
        String which = named.size() == 1 ? "shard " + named.get(0)
                : "shards " + String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        return Optional.of(which + " of " + shards.size() + " went away (" + (named.size() == 1 ? "it no longer accepts"
                : "they no longer accept") + " connections): check that every shard is up and reachable, then run again "
                + "(the next run starts from fresh tables)");
    }
}
