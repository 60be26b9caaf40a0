package vn.baovetreem.interventions;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.baovetreem.testing.SqlRecords;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries of supports against PostgreSQL, without HTTP: records written by SQL inside each test's
 * transaction, which is rolled back.
 */
@QuarkusTest
class InterventionRepositoryTest {

    @Inject
    InterventionRepository interventions;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void aBatchIsRecordedUnderTheUnitAboveItsChildren() {
        UUID id = UUID.randomUUID();
        interventions.insertBatch(id, "Học bơi hè", "20.06298", 12, Instant.parse("2025-06-01T01:00:00Z"), "commune.yenphuc");

        Object[] row = (Object[]) em.createNativeQuery("select title, cast(unit_path as text), size, created_by from intervention_batch where id = ?1")
                .setParameter(1, id).getSingleResult();
        assertThat(row).containsExactly("Học bơi hè", "20.06298", 12, "commune.yenphuc");
    }

    @Test
    @TestTransaction
    void anonymisingAChildsSupportsErasesWhoAndWhyButKeepsTypeDatesAndAmounts() {
        UUID child = SqlRecords.child(em);
        UUID other = SqlRecords.child(em);
        UUID support = support(child);
        UUID untouched = support(other);

        assertThat(interventions.idsOfChildren(List.of(child))).containsExactly(support);
        assertThat(interventions.ofChildren(List.of(child, other))).extracting(Intervention::id).containsExactlyInAnyOrder(support, untouched);
        assertThat(interventions.ofChildren(List.of())).isEmpty();
        em.createNativeQuery("select set_config('cp.erasing_personal_data', 'on', true)").getSingleResult();
        interventions.anonymiseOfChildren(List.of(child), Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(state(support)).containsExactly(null, null, "SWIMMING_LESSONS", 300_000L, 1L);
        assertThat(state(untouched)).containsExactly("Trạm y tế xã", "Bơi được 25 m", "SWIMMING_LESSONS", 300_000L, 0L);
    }

    private Object[] state(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select provider, outcome, type, amount_vnd, version from intervention where id = ?1")
                .setParameter(1, id).getSingleResult();
        row[3] = ((Number) row[3]).longValue();
        row[4] = ((Number) row[4]).longValue();
        return row;
    }

    private UUID support(UUID child) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into intervention (id, child_id, unit_path, type, protection_level, provider, outcome, amount_vnd,
                                                  start_date, status, created_at, created_by, updated_at)
                        select ?1, c.id, c.unit_path, 'SWIMMING_LESSONS', 'PREVENTION', 'Trạm y tế xã', 'Bơi được 25 m', 300000,
                               date '2025-06-01', 'COMPLETED', now(), 'test', now()
                        from child c where c.id = ?2""")
                .setParameter(1, id).setParameter(2, child).executeUpdate();
        return id;
    }
}
