package vn.baovetreem.cases;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A case guards its own invariants, whatever calls it: the workflow's checks answer the caller
 * first, so breaking one of these is a defect of the code, and it fails before the record changes.
 */
class ChildCaseTest {

    private static final Instant NOW = Instant.parse("2025-09-01T02:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2025-09-01");

    private final ChildCase c = ChildCase.open("06298-2025-001", UUID.randomUUID(), CaseType.ABUSE, "06298", "20.06298",
            "commune.yenphuc", NOW);

    @Test
    void aSeparationIsTakenOnceEndsAfterItStartsAndIsExtendedOrEndedOnlyWhileActive() {
        assertThatThrownBy(() -> c.extendSeparation(DAY.plusDays(20), "x")).hasMessageContaining("only an active separation");
        assertThatThrownBy(() -> c.endSeparation(DAY)).hasMessageContaining("only an active separation");
        assertThatThrownBy(() -> c.separate(DAY, DAY.minusDays(1))).hasMessageContaining("ends on or after its start");

        c.separate(DAY, DAY.plusDays(10));
        assertThatThrownBy(() -> c.separate(DAY, DAY.plusDays(5))).hasMessageContaining("active already");
        assertThatThrownBy(() -> c.extendSeparation(DAY.plusDays(10), "x")).hasMessageContaining("to a later end");
        assertThatThrownBy(() -> c.endSeparation(DAY.minusDays(1))).hasMessageContaining("not before it started");
        assertThat(c.separationEndsOn()).as("a refused change leaves the record as it was").isEqualTo(DAY.plusDays(10));

        c.extendSeparation(DAY.plusDays(20), "Gia đình chưa an toàn");
        c.endSeparation(DAY.plusDays(3));
        assertThat(c.separationActive()).isFalse();
    }

    @Test
    void aCaseIsClosedOnceAndEscalatedOrReturnedOnlyFromTheOtherSide() {
        assertThatThrownBy(() -> c.escalate(false)).hasMessageContaining("not escalated");
        c.escalate(true);
        assertThatThrownBy(() -> c.escalate(true)).hasMessageContaining("escalated already");

        c.close("SAFE_AND_STABLE", null, NOW);
        assertThatThrownBy(() -> c.close("OTHER", null, NOW.plusSeconds(60))).hasMessageContaining("closed once");
        assertThat(c.closedAt()).isEqualTo(NOW);
    }

    @Test
    void onlyASubmittedPlanIsDecidedAndOnlyAPendingTransferCompleted() {
        assertThatThrownBy(() -> c.decidePlan(NOW, true)).hasMessageContaining("only a submitted plan");
        assertThatThrownBy(() -> c.completeTransfer("20.06253")).hasMessageContaining("only a pending transfer");

        c.draftPlan();
        c.submitPlan(NOW);
        c.decidePlan(NOW, true);
        c.proposeTransfer("06253", "20.06253");
        c.completeTransfer("20.06253");
        assertThat(c.communeCode()).isEqualTo("06253");
    }
}
