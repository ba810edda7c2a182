package dev.userbench.advisor;

import dev.userbench.definition.ColumnGroups;
import dev.userbench.definition.DdlParser;
import dev.userbench.definition.Examples;
import dev.userbench.definition.RowGenerator;
import dev.userbench.definition.TableDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AdvisorTest {

    private static final Set<String> LOGIN = Set.of("email", "password_hash", "role", "is_verified");
    private static final Set<String> PROFILE = Set.of("name", "phone", "location", "bio", "profile_image");

    static List<Advisor.Candidate> propose(TableDefinition table, String queries) {
        List<AnalyzedQuery> analyzed = QueryFile.parse(queries).stream().map(q -> AnalyzedQuery.of(table, q)).toList();
        CostModel model = CostModel.of(new RowGenerator(table, 42), 100_000, CostModel.DEFAULT_PAGE_BYTES);
        return Advisor.propose(model, analyzed, Advisor.DEFAULT_CANDIDATES);
    }

    @Test
    void givenTheStudysTableAndMixItProposesTheAuthProfileSplitAmongItsCandidates() {
        List<Advisor.Candidate> candidates = propose(Examples.USERS.definition(), Examples.USERS.queriesSql());

        assertThat(candidates.get(0).name()).isEqualTo(Advisor.SINGLE_TABLE);
        assertThat(candidates.get(0).groups().singleTable()).isTrue();
        assertThat(candidates.subList(1, candidates.size()))
                .anySatisfy(c -> assertThat(c.groups().groups()).anySatisfy(group -> {
                    assertThat(group).containsAll(LOGIN);
                    assertThat(group).doesNotContainAnyElementsOf(PROFILE);
                }));
    }

    @Test
    void givenAWorkloadThatReadsEveryColumnItProposesNoSplit() {
        List<Advisor.Candidate> candidates = propose(Examples.USERS.definition(), """
                -- weight: 80
                SELECT * FROM users WHERE uid = ?;
                -- weight: 20
                SELECT uid, email, password_hash, role, is_verified, name, phone, location, bio, profile_image,
                       created_at, last_active FROM users WHERE email = ?;
                """);

        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(Advisor.SINGLE_TABLE);
            assertThat(c.groups()).isEqualTo(ColumnGroups.single(Examples.USERS.definition()));
        });
    }

    @Test
    void givenTheProductMixItSplitsTheLongTextsFromTheListingColumns() {
        List<Advisor.Candidate> candidates = propose(Examples.PRODUCTS.definition(), Examples.PRODUCTS.queriesSql());

        assertThat(candidates.subList(1, candidates.size()))
                .anySatisfy(c -> assertThat(c.groups().groups()).anySatisfy(group ->
                        assertThat(group).contains("title", "price").doesNotContain("description", "specifications")));
    }

    @Test
    void theCoveringIndexRivalCarriesTheHottestLookupsColumnsAndIsAmongTheCandidates() {
        List<Advisor.Candidate> candidates = propose(Examples.USERS.definition(), Examples.USERS.queriesSql());

        assertThat(candidates).filteredOn(c -> c.covering() != null).singleElement().satisfies(c -> {
            assertThat(c.groups().singleTable()).isTrue();
            assertThat(c.covering().lookup()).isEqualTo("email");
            assertThat(c.covering().include()).containsExactly("password_hash", "role", "is_verified");
        });
    }

    @Test
    void everyCandidatesPredictedCostIsItsQueriesWeightedCost() {
        List<Advisor.Candidate> candidates = propose(Examples.USERS.definition(), Examples.USERS.queriesSql());
        for (Advisor.Candidate c : candidates) {
            assertThat(c.perQuery()).hasSize(5);
        }
        assertThat(candidates.get(1).predictedBytes()).isLessThan(candidates.get(0).predictedBytes());
    }

    @Test
    void aLookupOnTwoUniqueColumnsIsCoveredFromTheFirstOfThemInTheTablesOrderInEveryJvm() {
        // the forks of a proof each propose anew: a choice that followed a set's order (which changes from one JVM
        // to the next) would measure another index in each fork
        TableDefinition table = dev.userbench.definition.DdlParser.parse("""
                CREATE TABLE accounts (id INTEGER PRIMARY KEY, username VARCHAR(40) NOT NULL UNIQUE,
                  email VARCHAR(120) NOT NULL UNIQUE, password_hash CHAR(60) NOT NULL, bio TEXT, avatar TEXT);
                """);

        List<Advisor.Candidate> candidates = propose(table, """
                -- weight: 90
                SELECT password_hash FROM accounts WHERE email = ? AND username = ?;
                -- weight: 10
                SELECT * FROM accounts WHERE id = ?;
                """);

        assertThat(candidates).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo(Advisor.COVERING);
            assertThat(c.covering().lookup()).isEqualTo("username");
        });
    }

    @Test
    void aTableNameOfAnyCharactersAndLengthGivesEachCandidatePlainTableNamesOfItsOwn() {
        TableDefinition table = DdlParser.parse("CREATE TABLE \"Order Lines-of-the-shop's-warehouse-with-a-very-long-name\" "
                + "(id bigint PRIMARY KEY, \"order\" integer, \"desc\" text)");
        ColumnGroups split = ColumnGroups.of(table, List.of(List.of("order"), List.of("desc")));

        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.addAll(AdviceRun.split(table, new Advisor.Candidate("c" + i, split, 0, List.of(), null, 0), i).tableNames());
        }

        assertThat(names).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("adv_[a-z0-9_]+").hasSizeLessThanOrEqualTo(63));
    }
}
