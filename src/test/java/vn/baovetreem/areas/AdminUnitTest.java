package vn.baovetreem.areas;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdminUnitTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final LocalDate MERGER_EVE = LocalDate.of(2025, 6, 30);
    private static final LocalDate MERGER_DAY = LocalDate.of(2025, 7, 1);

    private final AdminUnit province = AdminUnit.establish("20", UnitLevel.PROVINCE, "Lạng Sơn", "Tỉnh", null, null, false, null, NOW);
    private final AdminUnit district = AdminUnit.establish("184", UnitLevel.DISTRICT, "Văn Quan", "Huyện", null, province, false, null, NOW);
    private final AdminUnit anSon = AdminUnit.establish("06283", UnitLevel.COMMUNE, "An Sơn", "Xã", LocalDate.of(2020, 1, 1), district, false, null, NOW);
    private final AdminUnit yenPhuc = AdminUnit.establish("06298", UnitLevel.COMMUNE, "Yên Phúc", "Xã", MERGER_DAY, province, false, null, NOW);
    private final AdminUnit ichHuu = AdminUnit.establish("06283_01", UnitLevel.VILLAGE, "Ích Hữu", "Thôn", null, anSon, false, null, NOW);

    @Test
    void newUnitHangsUnderItsParentsPath() {
        assertThat(ichHuu.currentPeriod().path()).isEqualTo("20.184.06283.06283_01");
        assertThat(ichHuu.currentPeriod().parentCode()).isEqualTo("06283");
    }

    @Test
    void retiredCommuneEndsOnItsLastDayAndNamesItsSuccessor() {
        anSon.retire(MERGER_EVE, yenPhuc, List.of(ichHuu), NOW);

        assertThat(anSon.validTo()).isEqualTo(MERGER_EVE);
        assertThat(anSon.successorCode()).isEqualTo("06298");
        assertThat(anSon.isValidOn(MERGER_EVE)).isTrue();
        assertThat(anSon.isValidOn(MERGER_DAY)).isFalse();
    }

    @Test
    void villagesOutliveTheMergerOfTheirCommune() {
        anSon.retire(MERGER_EVE, yenPhuc, List.of(ichHuu), NOW);

        assertThat(ichHuu.isValidOn(MERGER_DAY)).isTrue();
        assertThat(ichHuu.periodOn(LocalDate.of(2024, 6, 1)).orElseThrow().path()).isEqualTo("20.184.06283.06283_01");
        assertThat(ichHuu.periodOn(LocalDate.of(2026, 1, 1)).orElseThrow().path()).isEqualTo("20.06298.06283_01");
        assertThat(ichHuu.periodOn(MERGER_EVE).orElseThrow().parentCode()).isEqualTo("06283");
        assertThat(ichHuu.periodOn(MERGER_DAY).orElseThrow().parentCode()).isEqualTo("06298");
        assertThat(ichHuu.history()).hasSize(2);
    }

    @Test
    void periodAsOfADateOutsideTheUnitsLifeIsItsLastState() {
        anSon.retire(MERGER_EVE, yenPhuc, List.of(), NOW);
        assertThat(anSon.periodAsOf(LocalDate.of(2026, 1, 1)).name()).isEqualTo("An Sơn");
    }

    @Test
    void correctionChangesTheCurrentNameKeepingNfcAndSearchKey() {
        ichHuu.correct("  Ich   Hữu ", null, true, "checked", true, NOW);
        assertThat(ichHuu.currentPeriod().name()).isEqualTo("Ich Hữu");
        assertThat(ichHuu.currentPeriod().kind()).isEqualTo("Thôn");
        assertThat(ichHuu.demo()).isTrue();
        assertThat(ichHuu.note()).isEqualTo("checked");
    }

    @Test
    void levelsNestAsTheLawSays() {
        assertThat(UnitLevel.COMMUNE.mayBeChildOf(UnitLevel.PROVINCE)).isTrue();
        assertThat(UnitLevel.COMMUNE.mayBeChildOf(UnitLevel.DISTRICT)).isTrue();
        assertThat(UnitLevel.VILLAGE.mayBeChildOf(UnitLevel.DISTRICT)).isFalse();
        assertThat(UnitLevel.PROVINCE.mayBeChildOf(UnitLevel.PROVINCE)).isFalse();
        assertThat(UnitLevel.DISTRICT.mayBeChildOf(UnitLevel.PROVINCE)).isTrue();
    }
}
