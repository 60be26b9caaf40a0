package vn.baovetreem.indicators;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.indicators.IndicatorService.Values;
import vn.baovetreem.testing.SqlRecords;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts by part saved in PostgreSQL (changelog 040) and used after a restart, against PostgreSQL:
 * the service forgets what it kept in memory, as a restart does, in each test's transaction,
 * which is rolled back. What a run counted shows in its {@code kids} table, which stays until the
 * transaction ends: the population of the units it counted.
 */
@QuarkusTest
class SavedTalliesTest {

    private static final IndicatorService.Query COMMUNE = new IndicatorService.Query("06298", Period.named("2025"),
            List.of("child-population"), List.of(IndicatorService.BY_UNIT), null);

    /** A village of the commune other than {@link SqlRecords#VILLAGE}. */
    private static final String OTHER_VILLAGE = "06283_18";

    @Inject
    IndicatorService service;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void afterARestartOnlyThePartsWrittenInSinceTheTallyWasSavedAreCountedAgain() {
        SqlRecords.childIn(em, OTHER_VILLAGE);
        SqlRecords.childIn(em, OTHER_VILLAGE);
        SqlRecords.child(em);
        service.forgetKeptValues();
        Values first = service.valuesOnBehalf(COMMUNE);
        assertThat(counted()).as("counted afresh: the commune's population").isEqualTo(population(first, "06298"))
                .isGreaterThanOrEqualTo(3);

        service.forgetKeptValues();
        Values replayed = service.valuesOnBehalf(COMMUNE);
        assertThat(counted()).as("nothing written since: nothing counted again").isZero();
        assertThat(replayed.at(Instant.EPOCH)).isEqualTo(first.at(Instant.EPOCH));

        SqlRecords.child(em);
        service.forgetKeptValues();
        Values recounted = service.valuesOnBehalf(COMMUNE);
        assertThat(counted()).as("the village written in").isEqualTo(population(recounted, SqlRecords.VILLAGE))
                .isLessThan(population(recounted, "06298"));
        assertThat(population(recounted, "06298")).isEqualTo(population(first, "06298") + 1);

        em.createNativeQuery("delete from indicator_tally").executeUpdate();
        service.forgetKeptValues();
        assertThat(service.valuesOnBehalf(COMMUNE).at(Instant.EPOCH)).as("counted afresh").isEqualTo(recounted.at(Instant.EPOCH));
    }

    /** The children the last run counted. */
    private long counted() {
        return ((Number) em.createNativeQuery("select count(*) from pg_temp.kids").getSingleResult()).longValue();
    }

    private static long population(Values values, String unit) {
        return values.indicators().getFirst().values().stream().filter(v -> v.unitCode().equals(unit) && v.disaggregation() == null)
                .findFirst().orElseThrow().numerator();
    }
}
