package vn.baovetreem.prevention;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.prevention.HazardSiteRepository.MeasureState;
import vn.baovetreem.prevention.HazardSiteRequests.MeasureStatus;
import vn.baovetreem.testing.SqlRecords;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries of hazard sites against PostgreSQL, without HTTP: sites written by SQL inside each test's
 * transaction, which is rolled back.
 */
@QuarkusTest
class HazardSiteRepositoryTest {

    private static final LocalDate SURVEYED = LocalDate.of(2025, 3, 1);
    private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");

    @Inject
    HazardSiteRepository sites;

    @Inject
    UnitDirectory units;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void aMeasureIsInTheStateOfItsLatestEventOnOrBeforeTheDayAsked() {
        UUID pond = site("POND", "HIGH");
        UUID other = site("RIVER", "LOW");
        sites.addMeasureEvent(pond, new MeasureState("FENCE", MeasureStatus.NEEDED, SURVEYED), null, "test", NOW);
        sites.addMeasureEvent(pond, new MeasureState("SIGN", MeasureStatus.NEEDED, SURVEYED), null, "test", NOW);
        UUID inspection = UUID.randomUUID();
        sites.addInspection(inspection, pond, SURVEYED.plusMonths(2), "Trưởng thôn", "Đã rào", "test", NOW);
        sites.addMeasureEvent(pond, new MeasureState("FENCE", MeasureStatus.INSTALLED, SURVEYED.plusMonths(2)), inspection, "test", NOW);

        assertThat(sites.measuresOn(List.of(pond, other), SURVEYED.plusMonths(1)).get(pond)).containsExactlyInAnyOrder(
                new MeasureState("FENCE", MeasureStatus.NEEDED, SURVEYED), new MeasureState("SIGN", MeasureStatus.NEEDED, SURVEYED));
        assertThat(sites.measuresOn(List.of(pond), SURVEYED.plusMonths(2)).get(pond))
                .contains(new MeasureState("FENCE", MeasureStatus.INSTALLED, SURVEYED.plusMonths(2)));
        assertThat(sites.measuresOn(List.of(pond), SURVEYED.minusDays(1))).isEmpty();
        assertThat(sites.measuresOn(List.of(), SURVEYED)).isEmpty();

        sites.addInspection(UUID.randomUUID(), pond, SURVEYED.plusMonths(1), "Trưởng thôn", null, "test", NOW);
        assertThat(sites.lastInspections(List.of(pond, other))).containsOnlyKeys(pond).containsEntry(pond, SURVEYED.plusMonths(2));
    }

    @Test
    @TestTransaction
    void aPageOfSitesKeepsToTheCallersScopeAndTheFilters() {
        UUID pond = site("POND", "HIGH");
        UUID river = site("RIVER", "LOW");
        HazardSiteRepository.Filter risky = new HazardSiteRepository.Filter(null, SqlRecords.VILLAGE, null, "HIGH", null, null, false);

        assertThat(sites.pageOfIds(risky, units.scope("06298"), null, 1000)).contains(pond).doesNotContain(river);
        assertThat(sites.pageOfIds(risky, units.scope("06271"), null, 1000)).isEmpty();

        sites.addMeasureEvent(river, new MeasureState("FENCE", MeasureStatus.INSTALLED, SURVEYED), null, "test", NOW);
        HazardSiteRepository.Filter unmitigated = new HazardSiteRepository.Filter(null, SqlRecords.VILLAGE, null, null, SURVEYED,
                null, false);
        assertThat(sites.pageOfIds(unmitigated, units.scope("06298"), null, 1000)).contains(pond).doesNotContain(river);
    }

    private UUID site(String kind, String risk) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into hazard_site (id, village_code, unit_path, kind, description, risk_level, surveyed_on,
                                                 created_at, created_by, updated_at)
                        select ?1, u.code, p.path, ?2, 'Ao sâu cạnh đường', ?3, ?4, now(), 'test', now()
                        from admin_unit u join admin_unit_period p on p.unit_id = u.id and p.valid_to is null where u.code = ?5""")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, risk).setParameter(4, SURVEYED)
                .setParameter(5, SqlRecords.VILLAGE).executeUpdate();
        return id;
    }
}
