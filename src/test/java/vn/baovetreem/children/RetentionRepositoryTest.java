package vn.baovetreem.children;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import vn.baovetreem.testing.SqlRecords;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention rule's statements against PostgreSQL, without HTTP: children born before 1960, whom
 * no other test writes, written inside each test's transaction, which is rolled back.
 */
@QuarkusTest
class RetentionRepositoryTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    RetentionRepository retention;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void theClockStartsAtTheAdultAgeOrAnEarlierDepartureOrTheLastSupportEndedLater() {
        assertThat(retention.clock(SqlRecords.child(em, "1950-03-04", "ACTIVE", null), 18, VIETNAM))
                .isEqualTo(new RetentionRepository.Clock(LocalDate.of(1968, 3, 4), false));
        assertThat(retention.clock(SqlRecords.child(em, "1950-03-04", "MOVED_AWAY", "1955-06-01"), 18, VIETNAM).leftCareOn())
                .isEqualTo(LocalDate.of(1955, 6, 1));
        UUID supportedLater = SqlRecords.child(em, "1950-03-04", "ACTIVE", null);
        support(supportedLater, "COMPLETED", "1969-01-01", "1970-02-01");
        assertThat(retention.clock(supportedLater, 18, VIETNAM).leftCareOn()).isEqualTo(LocalDate.of(1970, 2, 1));
        UUID inCare = SqlRecords.child(em, "1950-03-04", "ACTIVE", null);
        support(inCare, "PLANNED", "1969-01-01", null);
        assertThat(retention.clock(inCare, 18, VIETNAM).inCare()).isTrue();
    }

    @Test
    @TestTransaction
    void aRecordIsDueOnlyOnceItsClockPassedAndTheChildIsOutOfCare() {
        UUID due = SqlRecords.child(em, "1940-01-01", "ACTIVE", null);
        UUID notYet = SqlRecords.child(em, "1959-06-01", "ACTIVE", null);
        UUID inCare = SqlRecords.child(em, "1940-01-01", "ACTIVE", null);
        support(inCare, "ONGOING", "1958-01-01", null);
        UUID merged = SqlRecords.child(em, "1940-01-01", "MERGED", "1950-01-01");

        List<UUID> found = retention.lockDue(LocalDate.of(1977, 1, 1), 18, VIETNAM, 10_000);
        assertThat(found).contains(due).doesNotContain(notYet, inCare, merged);
    }

    @Test
    @TestTransaction
    void erasureKeepsWhatWasHeldAsYesOrNoAndTheCountedValues() {
        UUID child = SqlRecords.child(em, "1950-03-04", "ACTIVE", null);
        em.createNativeQuery("update child set personal_id = '001234567890', address = 'Thôn 1', note = 'x' where id = ?1")
                .setParameter(1, child).executeUpdate();
        retention.allowErasureInThisTransaction();
        retention.erase(List.of(child), "(ẩn)", "(an)", "(an)", Instant.parse("2020-01-01T00:00:00Z"));
        Object[] row = (Object[]) em.createNativeQuery("""
                        select full_name, personal_id is null and address is null and note is null, had_personal_id,
                               date_of_birth = date '1950-03-04', anonymised_at is not null
                        from child where id = ?1""")
                .setParameter(1, child).getSingleResult();
        assertThat(row).containsExactly("(ẩn)", true, true, true, true);
        assertThat(retention.unitPaths(List.of(child))).containsOnlyKeys(child);
    }

    private void support(UUID child, String status, String start, String end) {
        em.createNativeQuery("""
                        insert into intervention (id, child_id, unit_path, type, protection_level, start_date, end_date, status,
                                                  created_at, created_by, updated_at)
                        select gen_random_uuid(), c.id, c.unit_path, 'SWIMMING_LESSONS', 'PREVENTION', cast(?2 as date),
                               cast(?3 as date), ?4, now(), 'test', now()
                        from child c where c.id = ?1""")
                .setParameter(1, child).setParameter(2, start).setParameter(3, end).setParameter(4, status).executeUpdate();
    }
}
