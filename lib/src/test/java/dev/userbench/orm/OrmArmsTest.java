package dev.userbench.orm;

import dev.userbench.bench.Analysis;
import dev.userbench.bench.BenchmarkRun;
import dev.userbench.bench.Harness;
import dev.userbench.bench.Trial;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layouts;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Which arms an ORM run measures and what each is compared with: every mapping of each layout, each against plain
 * JDBC on its own layout, and a split's mappings also against the ORM on the baseline's layout.
 */
class OrmArmsTest {

    private static final ConnectionSpec SQLITE = ConnectionSpec.of("jdbc:sqlite:unused-orm-arms.db");

    private static List<Harness.Arm> jdbcArms() {
        return BenchmarkRun.arms(SQLITE.dialect(), List.of(Layouts.MONOLITH, Layouts.FRAGMENTED));
    }

    @Test
    void everyMappingOfEachLayoutIsAnArmLabelledWithItsLayoutAccessAndMapping() {
        List<Harness.Arm> arms = OrmArms.of(SQLITE, jdbcArms());

        assertThat(arms).extracting(Harness.Arm::label).containsExactly("monolith:hibernate:entity",
                "monolith:hibernate:projection", "fragmented:hibernate:one_to_one",
                "fragmented:hibernate:one_to_one_inverse", "fragmented:hibernate:secondary_table",
                "fragmented:hibernate:projection");
        assertThat(arms).allSatisfy(arm -> assertThat(arm.access().name()).isEqualTo("hibernate"));
    }

    @Test
    void anOrmArmIsComparedWithJdbcOnItsLayoutAndASplitsAlsoWithTheOrmOnTheBaselinesLayout() {
        List<Harness.Arm> arms = new ArrayList<>(jdbcArms());
        arms.addAll(OrmArms.of(SQLITE, jdbcArms()));
        List<Trial> trials = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int a = 0; a < arms.size(); a++) {
                Harness.Arm arm = arms.get(a);
                trials.add(trial(round, a, arm.label(), 1_000 + 100 * a + round)
                        .onArm(arm.access().name(), arm.access().mapping(), Harness.baselinesOf(arms, a)));
            }
        }

        List<Harness.ComparisonResult> comparisons = Analysis.comparisons(trials, Analysis.Settings.defaults(0.05, 1));

        assertThat(comparisons).extracting(Harness.ComparisonResult::baseline, Harness.ComparisonResult::candidate)
                .containsExactly(
                        tuple("monolith", "fragmented"),
                        tuple("monolith", "monolith:hibernate:entity"),
                        tuple("monolith", "monolith:hibernate:projection"),
                        tuple("fragmented", "fragmented:hibernate:one_to_one"),
                        tuple("monolith:hibernate:entity", "fragmented:hibernate:one_to_one"),
                        tuple("fragmented", "fragmented:hibernate:one_to_one_inverse"),
                        tuple("monolith:hibernate:entity", "fragmented:hibernate:one_to_one_inverse"),
                        tuple("fragmented", "fragmented:hibernate:secondary_table"),
                        tuple("monolith:hibernate:entity", "fragmented:hibernate:secondary_table"),
                        tuple("fragmented", "fragmented:hibernate:projection"),
                        tuple("monolith:hibernate:projection", "fragmented:hibernate:projection"));
        assertThat(comparisons.get(1).access()).isEqualTo("hibernate");
        assertThat(comparisons.get(1).mapping()).isEqualTo("entity");
        assertThat(comparisons.get(1).baselineAccess()).isEqualTo("jdbc");
    }

    private static Trial trial(int round, int arm, String label, long nanosPerCall) {
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < 20; i++) {
            histogram.recordValue(nanosPerCall + i);
        }
        return new Trial(1, round, arm, arm, label, "login", "workload", false, 1, "zipfian", 100, null, "call", 20, 20,
                20 * nanosPerCall, Trial.encode(histogram));
    }
}
