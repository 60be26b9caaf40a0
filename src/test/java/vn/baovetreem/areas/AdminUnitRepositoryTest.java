package vn.baovetreem.areas;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a unit stood on a day, against PostgreSQL without HTTP, on the seeded history: thôn Ích
 * Hữu was under An Sơn until An Sơn merged into Yên Phúc on 1 July 2025, and An Sơn stood nowhere
 * after that.
 */
@QuarkusTest
class AdminUnitRepositoryTest {

    @Inject
    AdminUnitRepository units;

    @Test
    void aUnitStandsAtThePathOfItsPeriodOnTheDayAndNowhereOnceRetired() {
        assertThat(pathOn("06283_01", LocalDate.of(2025, 6, 30))).isEqualTo("20.184.06283.06283_01");
        assertThat(pathOn("06283_01", LocalDate.of(2025, 7, 1))).isEqualTo("20.06298.06283_01");
        assertThat(pathOn("06283", LocalDate.of(2025, 6, 30))).isEqualTo("20.184.06283");
        assertThat(pathOn("06283", LocalDate.of(2025, 7, 1))).isNull();
        assertThat(pathOn("no-such-unit", LocalDate.of(2025, 7, 1))).isNull();
    }

    @Test
    void theLatestStateOfAUnitIsItsLatestPeriodWithTheUnitsOwnValidity() {
        List<String> codes = List.of("06283_01", "06283", "06298", "no-such-unit");
        List<UnitDirectory.UnitSummary> states = QuarkusTransaction.requiringNew().call(() -> units.latestStates(codes));
        List<UnitDirectory.UnitSummary> fromEntities = QuarkusTransaction.requiringNew().call(() -> units.findByCodes(codes).stream()
                .map(u -> new UnitDirectory.UnitSummary(u.code(), u.currentPeriod().name(), u.currentPeriod().kind(), u.level(),
                        u.currentPeriod().path(), u.validFrom(), u.validTo(), u.successorCode()))
                .toList());

        assertThat(states).containsExactlyInAnyOrderElementsOf(fromEntities).hasSize(3);
        assertThat(states).filteredOn(s -> s.code().equals("06283_01")).extracting(UnitDirectory.UnitSummary::path)
                .containsExactly("20.06298.06283_01");
        assertThat(states).filteredOn(s -> s.code().equals("06283")).extracting(UnitDirectory.UnitSummary::successorCode)
                .containsExactly("06298");
    }

    private String pathOn(String code, LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> units.pathOn(code, day).orElse(null));
    }
}
