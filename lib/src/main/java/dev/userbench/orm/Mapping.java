package dev.userbench.orm;

import dev.userbench.bench.workload.LoginWorkload;
import dev.userbench.bench.workload.Workloads;
import dev.userbench.schema.Layout;
import dev.userbench.schema.Layouts;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One way to map one layout: its entity classes, the repository that does the workloads through them, and which
 * workloads it does ({@code projection} only logs in: every other operation would be its layout's entity mapping).
 *
 * @param name       as results name it, e.g. {@code one_to_one}
 * @param layout     the layout whose tables it maps
 * @param entities   the annotated classes Hibernate is given (and validates against the tables)
 * @param operations the workloads it does
 */
public record Mapping(String name, Layout layout, List<Class<?>> entities, Supplier<Repository> repository,
                      Set<String> operations) {

    private static final Set<String> EVERY = Set.copyOf(Workloads.SINGLE);

    public static final Mapping ENTITY = new Mapping("entity", Layouts.MONOLITH, List.of(MonolithUser.class),
            () -> new Repository.Whole<>(MonolithUser.class, MonolithUser::new), EVERY);
    public static final Mapping ONE_TO_ONE = new Mapping("one_to_one", Layouts.FRAGMENTED,
            List.of(AuthUser.class, Profile.class), Repository.OneToOne::new, EVERY);
    public static final Mapping ONE_TO_ONE_INVERSE = new Mapping("one_to_one_inverse", Layouts.FRAGMENTED,
            List.of(Account.class, AccountProfile.class), Repository.OneToOneInverse::new, EVERY);
    public static final Mapping SECONDARY_TABLE = new Mapping("secondary_table", Layouts.FRAGMENTED,
            List.of(SplitUser.class), () -> new Repository.Whole<>(SplitUser.class, SplitUser::new), EVERY);
    public static final Mapping MONOLITH_PROJECTION = new Mapping("projection", Layouts.MONOLITH,
            List.of(MonolithUser.class),
            () -> new Repository.Projection(new Repository.Whole<>(MonolithUser.class, MonolithUser::new), "MonolithUser"),
            Set.of(LoginWorkload.NAME));
    public static final Mapping FRAGMENTED_PROJECTION = new Mapping("projection", Layouts.FRAGMENTED,
            List.of(AuthUser.class, Profile.class),
            () -> new Repository.Projection(new Repository.OneToOne(), "AuthUser"), Set.of(LoginWorkload.NAME));

    private static final List<Mapping> ALL = List.of(ENTITY, MONOLITH_PROJECTION, ONE_TO_ONE, ONE_TO_ONE_INVERSE,
            SECONDARY_TABLE, FRAGMENTED_PROJECTION);

    public Mapping {
        entities = List.copyOf(entities);
        operations = Set.copyOf(operations);
    }

    /**
     * The mappings of a layout; none for a layout the entities do not fit (monolith_covering and
     * fragmented_hot_touch name other tables and move last_active: mapping them is left to a later issue).
     */
    public static List<Mapping> of(Layout layout) {
        return ALL.stream().filter(m -> m.layout().name().equals(layout.name())).toList();
    }

    public static List<Mapping> all() {
        return ALL;
    }

    public boolean does(String operation) {
        return operations.contains(operation);
    }
}
