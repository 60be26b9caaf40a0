package vn.baovetreem.cases;

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
 * The retention rule's queries of cases against PostgreSQL, without HTTP: a child and a case
 * written by SQL inside each test's transaction, which is rolled back.
 */
@QuarkusTest
class CaseRepositoryTest {

    @Inject
    CaseRepository cases;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void anonymisingACaseErasesWhoAndWhatButKeepsTheMeasuresDatesAndCosts() {
        UUID child = SqlRecords.child(em);
        UUID caseId = caseOf(child);
        em.createNativeQuery("""
                        insert into case_event (id, case_id, kind, occurred_at, recorded_at, recorded_by, note, data)
                        values (gen_random_uuid(), ?1, 'NOTE', now(), now(), 'test', 'Mẹ kể lại', '{"a": 1}')""")
                .setParameter(1, caseId).executeUpdate();
        em.createNativeQuery("""
                        insert into case_plan_version (case_id, number, items, total_cost_vnd, note, created_at, created_by)
                        values (?1, 1, '[{"measure": "COUNSELLING", "description": "Gặp bà Hoa", "provider": "Trạm y tế",
                                          "responsiblePerson": "Ông Nông Văn Ba", "estimatedCostVnd": 500000}]', 500000, 'x', now(), 'test')""")
                .setParameter(1, caseId).executeUpdate();

        assertThat(cases.idsOfChildren(List.of(child))).containsExactly(caseId);
        em.createNativeQuery("select set_config('cp.erasing_personal_data', 'on', true)").getSingleResult();
        cases.anonymise(List.of(caseId), Instant.parse("2030-01-01T00:00:00Z"));

        Object[] kept = (Object[]) em.createNativeQuery("""
                        select c.summary is null and c.reporter is null, c.version,
                               (select count(*) from case_event e where e.case_id = c.id and (e.note is not null or e.data is not null)),
                               (select cast(p.items as text) from case_plan_version p where p.case_id = c.id), p2.total_cost_vnd
                        from child_case c join case_plan_version p2 on p2.case_id = c.id where c.id = ?1""")
                .setParameter(1, caseId).getSingleResult();
        assertThat(kept[0]).isEqualTo(true);
        assertThat(((Number) kept[1]).longValue()).isEqualTo(1);
        assertThat(((Number) kept[2]).longValue()).isZero();
        assertThat((String) kept[3]).contains("\"measure\": \"COUNSELLING\"", "\"responsiblePerson\": \"***\"", "500000")
                .doesNotContain("Gặp bà Hoa", "Trạm y tế", "Nông Văn Ba");
        assertThat(((Number) kept[4]).longValue()).isEqualTo(500_000);
    }

    private UUID caseOf(UUID child) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into child_case (id, case_number, child_id, commune_code, unit_path, type, status, source_channel,
                                                received_at, abuse_forms, setting, child_in_danger, summary, reporter,
                                                created_at, created_by, updated_at)
                        select ?1, 'REPO-' || left(cast(?1 as text), 8), c.id, '06298', c.unit_path, 'ABUSE', 'RECEIVED', 'PHONE', now(),
                               '["PHYSICAL"]', 'HOME', false, 'Vết bầm trên tay', '{"name": "Lục Văn A"}', now(), 'test', now()
                        from child c where c.id = ?2""")
                .setParameter(1, id).setParameter(2, child).executeUpdate();
        return id;
    }
}
