package vn.baovetreem.indicators;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.indicators.UnitFactService.Facts;
import vn.baovetreem.indicators.UnitFactService.FactsUpdate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The queries of unit facts against PostgreSQL, without HTTP, on a year no other test uses. */
@QuarkusTest
class UnitFactRepositoryTest {

    private static final String COMMUNE = "06298";
    private static final int YEAR = 2001;

    @Inject
    UnitFactRepository facts;

    @Inject
    EntityManager em;

    @AfterEach
    void removeTheYear() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from unit_fact where unit_code = ?1 and year = ?2")
                .setParameter(1, COMMUNE).setParameter(2, YEAR).executeUpdate());
    }

    @Test
    void factsAreSavedAtVersionZeroThenReplacedWholeWithTheVersionMovedByOne() {
        assertThat(find()).isEmpty();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        QuarkusTransaction.requiringNew().run(() -> facts.save(COMMUNE, YEAR,
                new FactsUpdate(true, true, 3, null, true, false, "Đạt chuẩn"), at, "test"));
        assertThat(find()).contains(new Versioned<>(new Facts(COMMUNE, YEAR, true, true, 3, null, true, false, "Đạt chuẩn", at, "test"), 0));

        QuarkusTransaction.requiringNew().run(() -> facts.save(COMMUNE, YEAR,
                new FactsUpdate(null, false, null, true, null, null, null), at, "other"));
        assertThat(find()).contains(new Versioned<>(new Facts(COMMUNE, YEAR, null, false, null, true, null, null, null, at, "other"), 1));
    }

    private Optional<Versioned<Facts>> find() {
        return QuarkusTransaction.requiringNew().call(() -> facts.find(COMMUNE, YEAR));
    }
}
