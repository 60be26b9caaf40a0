package vn.baovetreem.prevention;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.prevention.HouseholdRepository.AssessmentRow;
import vn.baovetreem.prevention.SafeHomeChecklist.Checklist;
import vn.baovetreem.prevention.SafeHomeChecklist.Criterion;
import vn.baovetreem.testing.SqlRecords;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries of households against PostgreSQL, without HTTP: households and children written by SQL
 * inside each test's transaction, which is rolled back.
 */
@QuarkusTest
class HouseholdRepositoryTest {

    private static final String ZONE = "Asia/Ho_Chi_Minh";
    private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");

    @Inject
    HouseholdRepository households;

    @Inject
    SafeHomeChecklistRepository checklists;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void membersAreReplacedWholeAndAMergedDuplicatesMembershipMovesToTheSurvivor() {
        UUID home = household();
        UUID other = household();
        UUID a = SqlRecords.child(em);
        UUID b = SqlRecords.child(em);
        UUID survivor = SqlRecords.child(em);

        households.replaceMembers(home, List.of(a, b));
        assertThat(households.members(List.of(home, other))).containsOnlyKeys(home);
        assertThat(households.members(List.of(home)).get(home)).containsExactlyInAnyOrder(a, b);
        households.replaceMembers(home, List.of(b));
        assertThat(households.householdsOf(List.of(a, b))).containsOnlyKeys(b).containsEntry(b, home);

        assertThat(households.moveMember(b, survivor)).isEqualTo(1);
        assertThat(households.householdsOf(List.of(b, survivor))).containsOnlyKeys(survivor);

        households.replaceMembers(other, List.of(a));
        assertThat(households.moveMember(a, survivor)).as("the survivor lives in a household already").isZero();
        assertThat(households.householdsOf(List.of(a, survivor))).containsOnlyKeys(survivor).containsEntry(survivor, home);
    }

    @Test
    @TestTransaction
    void anAssessmentIsSafeWhenItMeetsTheMinimumAndEveryMandatoryCriterion() {
        UUID home = household();
        households.replaceMembers(home, List.of(SqlRecords.child(em)));
        Checklist checklist = checklists.latest();
        List<String> all = checklist.criteria().stream().map(Criterion::code).toList();
        List<String> mandatory = checklist.criteria().stream().filter(Criterion::mandatory).map(Criterion::code).toList();

        households.insertAssessment(home, 2024, checklist.version(),
                new HouseholdRequests.Assessment(LocalDate.of(2024, 5, 2), "Cán bộ xã", List.of(), null), "test", NOW);
        households.insertAssessment(home, 2025, checklist.version(),
                new HouseholdRequests.Assessment(LocalDate.of(2025, 5, 2), "Cán bộ xã", all, "Đủ"), "test", NOW);

        AssessmentRow latest = households.latestAssessments(List.of(home), ZONE).get(home);
        assertThat(latest.year()).isEqualTo(2025);
        assertThat(latest.metCount()).isEqualTo(all.size());
        assertThat(latest.mandatoryMissing()).isEmpty();
        assertThat(latest.safe()).isTrue();
        AssessmentRow first = households.assessment(home, 2024, ZONE).orElseThrow();
        assertThat(first.safe()).isFalse();
        assertThat(first.mandatoryMissing()).containsExactlyInAnyOrderElementsOf(mandatory);
        assertThat(households.assessments(home, ZONE)).extracting(AssessmentRow::year).containsExactly(2025, 2024);
    }

    private UUID household() {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into household (id, village_code, unit_path, head_name, created_at, created_by, updated_at)
                        select ?1, u.code, p.path, 'Nông Văn Ba', now(), 'test', now()
                        from admin_unit u join admin_unit_period p on p.unit_id = u.id and p.valid_to is null where u.code = ?2""")
                .setParameter(1, id).setParameter(2, SqlRecords.VILLAGE).executeUpdate();
        return id;
    }
}
