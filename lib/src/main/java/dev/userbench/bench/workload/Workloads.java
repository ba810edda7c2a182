package dev.userbench.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The workloads by name, as {@code --workloads} and {@code --mix} name them. */
public final class Workloads {

    /** The workloads of one kind of operation each, the parts a {@link Mix} draws from. */
    public static final List<String> SINGLE = List.of(SignupWorkload.NAME, LoginWorkload.NAME, LoginTouchWorkload.NAME,
            ProfileViewWorkload.NAME, ProfileEditWorkload.NAME);
    /** The single workloads that write. */
    public static final List<String> WRITING = List.of(SignupWorkload.NAME, LoginTouchWorkload.NAME, ProfileEditWorkload.NAME);
    /** Every workload: the single ones, then the mix. */
    public static final List<String> ALL = Stream.concat(SINGLE.stream(), Stream.of(MixedWorkload.NAME)).toList();

    private Workloads() {
    }

    public static Workload create(String name, WorkloadSettings settings) {
        if (MixedWorkload.NAME.equals(name)) {
            return new MixedWorkload(settings);
        }
        return single(name, settings);
    }

    static Workload single(String name, WorkloadSettings settings) {
        return switch (name) {
            case SignupWorkload.NAME -> new SignupWorkload(settings);
            case LoginWorkload.NAME -> new LoginWorkload(settings);
            case LoginTouchWorkload.NAME -> new LoginTouchWorkload(settings);
            case ProfileViewWorkload.NAME -> new ProfileViewWorkload(settings);
            case ProfileEditWorkload.NAME -> new ProfileEditWorkload(settings);
            default -> throw new IllegalArgumentException("--workloads: unknown workload '" + name + "': choose from "
                    + String.join(", ", ALL));
        };
    }

    /** Every workload, each under the same settings. */
    public static List<Workload> all(WorkloadSettings settings) {
        return ALL.stream().map(name -> create(name, settings)).toList();
    }

    /** Names as given on the command line (trimmed, lower case), checked. */
    public static List<String> names(List<String> given) {
        List<String> names = new ArrayList<>();
        for (String name : given) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            if (!ALL.contains(wanted)) {
                throw new IllegalArgumentException("--workloads: unknown workload '" + name.trim() + "': choose from study, "
                        + String.join(", ", ALL) + " or all");
            }
            names.add(wanted);
        }
        return List.copyOf(names);
    }
}
