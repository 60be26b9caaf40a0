package vn.baovetreem.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTest {

    private final Scope yenPhuc = Scope.of(List.of("20.06298", "20.184.06283"));

    @Test
    void subtreeOfTheUnitAndOfTheUnitsItSucceededIsInScope() {
        assertThat(yenPhuc.contains("20.06298")).isTrue();
        assertThat(yenPhuc.contains("20.06298.06283_01")).isTrue();
        assertThat(yenPhuc.contains("20.184.06283.06283_01")).isTrue();
    }

    @Test
    void siblingsParentsAndPrefixLookalikesAreNotInScope() {
        assertThat(yenPhuc.contains("20")).isFalse();
        assertThat(yenPhuc.contains("20.06253")).isFalse();
        assertThat(yenPhuc.contains("20.062981")).isFalse();
        assertThat(yenPhuc.contains(null)).isFalse();
    }

    @Test
    void aVillageReachesItsCommuneButNotItsNeighbours() {
        Scope village = Scope.of(List.of("20.184.06283.06283_01"));
        assertThat(village.reaches("20.184.06283")).isTrue();
        assertThat(village.reaches("20.184.06283.06283_01")).isTrue();
        assertThat(village.reaches("20.184.06283.06283_02")).isFalse();
        assertThat(village.reaches("20.184.0628")).isFalse();
        assertThat(village.contains("20.184.06283")).isFalse();
    }

    @Test
    void emptyScopeSeesNothingAndEverythingSeesAll() {
        assertThat(Scope.of(List.of()).contains("20")).isFalse();
        assertThat(Scope.everything().contains("20.184.06283")).isTrue();
    }

    @Test
    void scopeIsWrittenAsAnLtreeArrayLiteral() {
        assertThat(yenPhuc.asLtreeArray()).isEqualTo("{\"20.06298\",\"20.184.06283\"}");
    }

    @Test
    void aDepartedVillageIsOutOfTheScopeItsPathLiesIn() {
        Scope anSon = Scope.of(List.of("20.184.06283"), List.of("20.184.06283.06283_05"));
        assertThat(anSon.contains("20.184.06283.06283_04")).isTrue();
        assertThat(anSon.contains("20.184.06283.06283_05")).isFalse();
        assertThat(anSon.contains("20.184.06283.06283_050")).isTrue();
        assertThat(anSon.sql("c.unit_path")).contains("not (select cast(:scopeDeparted as ltree[])) @> c.unit_path");
        assertThat(anSon.parameters()).containsKeys("scope", "scopeDeparted");
        assertThat(Scope.of(List.of("20")).sql("c.unit_path")).isEqualTo("(select cast(:scope as ltree[])) @> c.unit_path");
    }

    @Test
    void theUnitsOfALevelHoldingTheSubtreesAreEachNamedOnce() {
        assertThat(yenPhuc.unitsAtLevel(2)).containsExactly("20.06298", "20.184");
        assertThat(yenPhuc.unitsAtLevel(1)).containsExactly("20");
        assertThat(Scope.of(List.of("20.184.06283.06283_01", "20.184.06283")).unitsAtLevel(2)).containsExactly("20.184");
        assertThat(Scope.of(List.of()).unitsAtLevel(2)).isEmpty();
    }

    @Test
    void noUnitOfALevelHoldsASubtreeAboveItOrEverything() {
        assertThat(Scope.of(List.of("20.06298", "20")).unitsAtLevel(2)).isNull();
        assertThat(Scope.of(List.of("20.06298", "20")).unitsAtLevel(1)).containsExactly("20");
        assertThat(Scope.everything().unitsAtLevel(1)).isNull();
    }

    @Test
    void scopesOverlapWhereOneHoldsASubtreeOfTheOther() {
        Scope commune = Scope.of(List.of("20.06298"));
        assertThat(commune.overlaps(Scope.of(List.of("20")))).isTrue();
        assertThat(commune.overlaps(Scope.of(List.of("20.06298.06283_01")))).isTrue();
        assertThat(commune.overlaps(Scope.of(List.of("99.99001", "20.06298")))).isTrue();
        assertThat(commune.overlaps(Scope.everything())).isTrue();
        assertThat(Scope.everything().overlaps(commune)).isTrue();
        assertThat(commune.overlaps(Scope.of(List.of("99.99001")))).isFalse();
        assertThat(commune.overlaps(Scope.of(List.of("20.062")))).as("a path that only begins like it").isFalse();
        assertThat(commune.overlaps(Scope.of(List.of()))).isFalse();
    }
}
