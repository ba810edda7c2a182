package dev.userbench.orm;

import dev.userbench.bench.Harness;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.LayoutSql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ORM's arms beside a run's plain-JDBC ones: every mapping of every layout the run measures, labelled
 * {@code layout:hibernate:mapping}, each compared with plain JDBC on its layout.
 */
public final class OrmArms {

    private OrmArms() {
    }

    /** One arm per mapping of each distinct layout of {@code jdbcArms}, in the layouts' order. */
    public static List<Harness.Arm> of(ConnectionSpec spec, List<Harness.Arm> jdbcArms) {
        Map<String, LayoutSql> layouts = new LinkedHashMap<>();
        jdbcArms.forEach(arm -> layouts.putIfAbsent(arm.sql().layout().name(), arm.sql()));
        List<Harness.Arm> arms = new ArrayList<>();
        for (LayoutSql sql : layouts.values()) {
            for (Mapping mapping : Mapping.of(sql.layout())) {
                arms.add(new Harness.Arm(label(sql.layout().name(), mapping.name()), sql,
                        new HibernateAccess(spec, mapping)));
            }
        }
        return List.copyOf(arms);
    }

    /** How results name an ORM arm, e.g. {@code fragmented:hibernate:one_to_one}. */
    public static String label(String layout, String mapping) {
        return layout + ":" + HibernateAccess.NAME + ":" + mapping;
    }

    /** Closes the Hibernate session factories the arms booted. */
    public static void close(List<Harness.Arm> arms) {
        for (Harness.Arm arm : arms) {
            if (arm.access() instanceof HibernateAccess hibernate) {
                hibernate.close();
            }
        }
    }
}
