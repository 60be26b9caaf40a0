package vn.baovetreem.areas;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class AdminUnitTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final LocalDate MERGER_EVE = LocalDate.of(2025, 6, 30);
    private static final LocalDate MERGER_DAY = LocalDate.of(2025, 7, 1);

    private static final LocalDate LONG_AGO = LocalDate.of(1990, 1, 1);

    private final Map<String, AdminUnit> units = new HashMap<>();
    private final AdminUnit province = add(AdminUnit.establish("20", UnitLevel.PROVINCE, "Lạng Sơn", "Tỉnh", null, null, units::get,
            false, null, NOW));
    private final AdminUnit district = add(AdminUnit.establish("184", UnitLevel.DISTRICT, "Văn Quan", "Huyện", LONG_AGO, province,
            units::get, false, null, NOW));
    private final AdminUnit anSon = add(AdminUnit.establish("06283", UnitLevel.COMMUNE, "An Sơn", "Xã", LocalDate.of(2020, 1, 1),
            district, units::get, false, null, NOW));
    private final AdminUnit yenPhuc = add(AdminUnit.establish("06298", UnitLevel.COMMUNE, "Yên Phúc", "Xã", MERGER_DAY, province,
            units::get, false, null, NOW));
    private final AdminUnit ichHuu = add(AdminUnit.establish("06283_01", UnitLevel.VILLAGE, "Ích Hữu", "Thôn", LocalDate.of(2020, 1, 1),
            anSon, units::get, false, null, NOW));

    private AdminUnit add(AdminUnit unit) {
        units.put(unit.code(), unit);
        return unit;
    }

    /** An Sơn's merger into Yên Phúc, its villages placed again from the day after. */
    private void mergeAnSon() {
        anSon.retire(MERGER_EVE, yenPhuc, NOW);
        ichHuu.followFrom(MERGER_DAY, units::get, NOW);
    }

    @Test
    void newUnitHangsUnderItsParentsPath() {
        assertThat(ichHuu.currentPeriod().path()).isEqualTo("20.184.06283.06283_01");
        assertThat(ichHuu.currentPeriod().parentCode()).isEqualTo("06283");
    }

    @Test
    void retiredCommuneEndsOnItsLastDayAndNamesItsSuccessor() {
        mergeAnSon();

        assertThat(anSon.validTo()).isEqualTo(MERGER_EVE);
        assertThat(anSon.successorCode()).isEqualTo("06298");
        assertThat(anSon.isValidOn(MERGER_EVE)).isTrue();
        assertThat(anSon.isValidOn(MERGER_DAY)).isFalse();
    }

    @Test
    void villagesOutliveTheMergerOfTheirCommune() {
        mergeAnSon();

        assertThat(ichHuu.isValidOn(MERGER_DAY)).isTrue();
        assertThat(ichHuu.periodOn(LocalDate.of(2024, 6, 1)).orElseThrow().path()).isEqualTo("20.184.06283.06283_01");
        assertThat(ichHuu.periodOn(LocalDate.of(2026, 1, 1)).orElseThrow().path()).isEqualTo("20.06298.06283_01");
        assertThat(ichHuu.periodOn(MERGER_EVE).orElseThrow().parentCode()).isEqualTo("06283");
        assertThat(ichHuu.periodOn(MERGER_DAY).orElseThrow().parentCode()).isEqualTo("06298");
        assertThat(ichHuu.history()).hasSize(2);
    }

    @Test
    void aVillageCreatedTodayAsOfTheYearsBeforeAMergerGetsThePeriodsItReallyHad() {
        mergeAnSon();
        AdminUnit late = add(AdminUnit.establish("06283_30", UnitLevel.VILLAGE, "Late", "Thôn", LocalDate.of(2021, 3, 1), anSon,
                units::get, false, null, NOW));

        assertThat(late.history()).extracting(AdminUnitPeriod::validFrom, AdminUnitPeriod::validTo, AdminUnitPeriod::path)
                .containsExactly(tuple(LocalDate.of(2021, 3, 1), MERGER_EVE, "20.184.06283.06283_30"),
                        tuple(MERGER_DAY, null, "20.06298.06283_30"));
    }

    @Test
    void aRetirementIntoAnEarlierPeriodDropsTheLaterOnesAndMovesTheVillagesFromTheNextDay() {
        mergeAnSon();
        AdminUnit binhPhuc = add(AdminUnit.establish("06299", UnitLevel.COMMUNE, "Other", "Xã", LONG_AGO, district, units::get,
                false, null, NOW));
        yenPhuc.retire(LocalDate.of(2025, 9, 30), binhPhuc, NOW);
        ichHuu.followFrom(LocalDate.of(2025, 10, 1), units::get, NOW);

        // The district was never retired, so Other stays under it and the village follows.
        assertThat(ichHuu.history()).extracting(AdminUnitPeriod::validFrom, AdminUnitPeriod::path)
                .containsExactly(tuple(LocalDate.of(2020, 1, 1), "20.184.06283.06283_01"), tuple(MERGER_DAY, "20.06298.06283_01"),
                        tuple(LocalDate.of(2025, 10, 1), "20.184.06299.06283_01"));
        AdminUnit village = add(AdminUnit.establish("06298_01", UnitLevel.VILLAGE, "V", "Thôn", MERGER_DAY, yenPhuc, units::get,
                false, null, NOW));
        assertThat(village.history()).hasSize(2);
    }

    @Test
    void placingAgainWithNothingChangedChangesNothing() {
        assertThat(ichHuu.followFrom(LocalDate.of(2023, 1, 1), units::get, NOW)).isFalse();
        assertThat(ichHuu.history()).hasSize(1);
    }

    @Test
    void aUnitCannotSitUnderAParentBeforeTheParentCameIntoForce() {
        assertThatThrownBy(() -> Placement.under(yenPhuc, LocalDate.of(2024, 1, 1), null, units::get))
                .isInstanceOfSatisfying(Placement.Nowhere.class, nowhere -> {
                    assertThat(nowhere.day()).isEqualTo(LocalDate.of(2024, 1, 1));
                    assertThat(nowhere.reason()).isEqualTo("06298 came into force only on 2025-07-01");
                });
    }

    @Test
    void periodAsOfADateOutsideTheUnitsLifeIsItsLastState() {
        mergeAnSon();
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
