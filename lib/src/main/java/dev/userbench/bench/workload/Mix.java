package dev.userbench.bench.workload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The weighted mix of the {@code mixed} workload ({@code --mix login=70,profile_view=15,...}): each call
 * draws one operation with probability weight / total weight.
 */
public record Mix(List<Share> shares) {

    /** One operation of the mix and its integer weight. */
    public record Share(String workload, int weight) {
    }

    /** The default mix: a login-heavy site where one call in a hundred is a signup. */
    public static final Mix DEFAULT = parse("login=70,profile_view=15,login_touch=10,profile_edit=4,signup=1");

    public Mix {
        shares = List.copyOf(shares);
        if (shares.stream().mapToLong(Share::weight).sum() <= 0) {
            throw new IllegalArgumentException("--mix: at least one weight must be above 0");
        }
    }

    /**
     * Parses {@code name=weight,name=weight,...}: names among {@link Workloads#SINGLE}, weights whole numbers
     * from 0, each name at most once.
     */
    public static Mix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--mix is empty: give name=weight pairs, e.g. login=70,profile_view=30");
        }
        List<Share> shares = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String pair = part.trim();
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals != pair.lastIndexOf('=') || equals == pair.length() - 1) {
                throw new IllegalArgumentException("--mix: '" + pair + "' is not name=weight (e.g. login=70)");
            }
            String name = pair.substring(0, equals).trim();
            String weightText = pair.substring(equals + 1).trim();
            if (!Workloads.SINGLE.contains(name)) {
                throw new IllegalArgumentException("--mix: unknown operation '" + name + "': choose from "
                        + String.join(", ", Workloads.SINGLE));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("--mix: '" + name + "' is given twice");
            }
            int weight;
            try {
                weight = Integer.parseInt(weightText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--mix: the weight of " + name + " must be a whole number, got '"
                        + weightText + "'");
            }
            if (weight < 0) {
                throw new IllegalArgumentException("--mix: the weight of " + name + " cannot be negative, got " + weight);
            }
            shares.add(new Share(name, weight));
        }
        return new Mix(shares);
    }

    public long totalWeight() {
        return shares.stream().mapToLong(Share::weight).sum();
    }

    /** The index in {@link #shares()} of the next operation. */
    public int draw(SplittableRandom random) {
        long ticket = random.nextLong(totalWeight());
        for (int i = 0; i < shares.size(); i++) {
            ticket -= shares.get(i).weight();
            if (ticket < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: the ticket is below the total weight");
    }

    /** The mix as it is written on the command line. */
    public String spec() {
        return shares.stream().map(s -> s.workload() + "=" + s.weight()).collect(Collectors.joining(","));
    }

    public boolean writes() {
        return shares.stream().anyMatch(s -> s.weight() > 0 && Workloads.WRITING.contains(s.workload()));
    }
}
