package vn.baovetreem.interventions;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.baovetreem.testing.SqlRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    @TestTransaction
    void supportsWrittenInBulkReadBackAsTheyWereAndAChangeOfAStaleOneIsRefused() {
        UUID child = SqlRecords.child(em);
        Instant at = Instant.parse("2025-06-01T03:00:00Z");
        Intervention recorded = newAllowance(child, at, null, "tab\there");

        interventions.insertAll(List.of(recorded));
        Intervention stored = interventions.findById(recorded.id());

        assertThat(fields(stored)).isEqualTo(fields(recorded));

        em.detach(stored);
        stored.describe(new InterventionDetails(null, "SOCIAL_ALLOWANCE", "PREVENTION", "UBND xã", "STATE_BUDGET", null, 540_000L,
                AllowanceGroup.NO_MEANS_OF_SUPPORT, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), "Đủ 12 tháng", null, null));
        stored.advance(InterventionStatus.COMPLETED, at);
        interventions.changeAll(List.of(stored));
        em.clear();
        Intervention changed = interventions.findById(recorded.id());

        assertThat(fields(changed)).isEqualTo(fields(stored));
        assertThat(changed.version()).isEqualTo(stored.version() + 1);

        em.detach(changed);
        em.createNativeQuery("update intervention set version = version + 1 where id = ?1").setParameter(1, recorded.id()).executeUpdate();
        assertThatThrownBy(() -> interventions.changeAll(List.of(changed))).isInstanceOf(OptimisticLockException.class);
    }

    @Test
    @TestTransaction
    void supportsReadForAnImportAreTheStoredOnesAndOnlyTheBatchsStatementWritesThem() {
        UUID child = SqlRecords.child(em);
        Instant at = Instant.parse("2025-06-01T03:00:00.123456Z");
        Intervention recorded = newAllowance(child, at, 120_000L, "tab\there, \\N");
        interventions.insertAll(List.of(recorded));

        Intervention read = interventions.ofChildren(List.of(child)).getFirst();
        Intervention stored = interventions.findById(recorded.id());

        assertThat(read).isNotSameAs(stored);
        assertThat(fields(read)).isEqualTo(fields(stored)).isEqualTo(fields(recorded));
        assertThat(read.version()).isZero();

        read.advance(InterventionStatus.ONGOING, at);
        em.flush();
        em.clear();
        assertThat(interventions.findById(recorded.id()).status()).isEqualTo(InterventionStatus.PLANNED);

        interventions.changeAll(List.of(read));
        em.clear();
        assertThat(interventions.findById(recorded.id()).status()).isEqualTo(InterventionStatus.ONGOING);
    }

    /** A planned social allowance for {@code child} from 2025, not yet written. */
    private Intervention newAllowance(UUID child, Instant at, Long amountVnd, String note) {
        String place = (String) em.createNativeQuery("select cast(unit_path as text) from child where id = ?1").setParameter(1, child)
                .getSingleResult();
        Intervention recorded = Intervention.record(child, place, null, InterventionStatus.PLANNED, "bulk-test", at);
        recorded.describe(new InterventionDetails(null, "SOCIAL_ALLOWANCE", "PREVENTION", "UBND xã", "STATE_BUDGET", amountVnd, 540_000L,
                AllowanceGroup.NO_MEANS_OF_SUPPORT, LocalDate.parse("2025-01-01"), null, null, null, note));
        return recorded;
    }

    private static List<Object> fields(Intervention i) {
        return Arrays.asList(i.childId(), i.caseId(), i.batchId(), i.unitPath(), i.type(), i.protectionLevel(), i.provider(),
                i.providerSearch(), i.fundingSource(), i.amountVnd(), i.monthlyAmountVnd(), i.allowanceGroup(), i.startDate(),
                i.endDate(), i.status(), i.outcome(), i.cancellationReason(), i.planDeviationReason(), i.note(), i.createdAt(),
                i.createdBy(), i.updatedAt());
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
