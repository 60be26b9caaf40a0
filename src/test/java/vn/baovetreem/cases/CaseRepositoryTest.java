package vn.baovetreem.cases;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.baovetreem.cases.CaseDeadlines.Deadline;
import vn.baovetreem.cases.CaseDeadlines.Step;
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
        UUID caseId = SqlRecords.abuseCase(em, child);
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

    @Test
    @TestTransaction
    void deadlinesAreWrittenOnlyWhereTheyDiffer() {
        UUID caseId = SqlRecords.abuseCase(em, SqlRecords.child(em));
        Instant due = Instant.parse("2025-03-04T10:15:30.123456789Z");
        List<Deadline> deadlines = List.of(new Deadline(Step.EMERGENCY_PROTECTION, due, due.minusSeconds(5)),
                new Deadline(Step.PLAN_DRAFTED, due.plusSeconds(60), null));
        replace(caseId, deadlines);
        List<String> written = rowsOf(caseId);

        replace(caseId, deadlines.reversed());
        assertThat(rowsOf(caseId)).as("the same deadlines in another order, to the nanosecond").isEqualTo(written);

        List<Deadline> moved = List.of(deadlines.getFirst(), new Deadline(Step.PLAN_DRAFTED, due.plusSeconds(120), null));
        replace(caseId, moved);
        assertThat(rowsOf(caseId)).hasSize(2).doesNotContainAnyElementsOf(written);
        assertThat(cases.deadlines(List.of(caseId)).get(caseId)).extracting(Deadline::dueAt)
                .containsExactly(Instant.parse("2025-03-04T10:15:30.123457Z"), Instant.parse("2025-03-04T10:17:30.123457Z"));
        assertThat(CaseRepository.asRead(moved)).as("rounded as the database rounds them")
                .isEqualTo(cases.deadlines(List.of(caseId)).get(caseId));
    }

    @Test
    @TestTransaction
    void deadlinesDueTogetherComeInTheOrderOfTheProcess() {
        UUID caseId = SqlRecords.abuseCase(em, SqlRecords.child(em));
        Instant due = Instant.parse("2025-03-10T10:00:00Z");
        List<Deadline> deadlines = List.of(new Deadline(Step.PLAN_APPROVAL, due, null), new Deadline(Step.PLAN_DRAFTED, due, null),
                new Deadline(Step.EMERGENCY_PROTECTION, due.minusSeconds(3600), null));
        replace(caseId, deadlines);

        assertThat(cases.deadlines(List.of(caseId)).get(caseId)).extracting(Deadline::step)
                .containsExactly(Step.EMERGENCY_PROTECTION, Step.PLAN_DRAFTED, Step.PLAN_APPROVAL);
        assertThat(CaseRepository.asRead(deadlines)).as("as a change answers them without reading them")
                .isEqualTo(cases.deadlines(List.of(caseId)).get(caseId));
    }

    private void replace(UUID caseId, List<Deadline> deadlines) {
        cases.replaceDeadlines(Map.of(caseId, deadlines), cases.deadlines(List.of(caseId)));
    }

    /** Where each stored deadline of the case lies: a row written again lies elsewhere. */
    @SuppressWarnings("unchecked")
    private List<String> rowsOf(UUID caseId) {
        return em.createNativeQuery("select cast(ctid as text) from case_deadline where case_id = ?1 order by step")
                .setParameter(1, caseId).getResultList();
    }
}
