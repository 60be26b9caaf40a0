package vn.baovetreem.areas;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

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

    private String pathOn(String code, LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> units.pathOn(code, day).orElse(null));
    }
}
