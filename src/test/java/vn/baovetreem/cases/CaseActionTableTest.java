package vn.baovetreem.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import vn.baovetreem.cases.CaseRequests.CaseReport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.baovetreem.cases.CaseAction.Actor.HANDLER;
import static vn.baovetreem.cases.CaseAction.Actor.RECEIVER;
import static vn.baovetreem.cases.CaseAction.Actor.SUPERVISOR;

/**
 * The Decree 56 workflow written out as a table, state by state, and held against
 * {@link CaseAction} for every state and action, without the service: what the commune handling
 * the case may do in each state, what a separation, a pending transfer or an escalation changes,
 * and where each step leads.
 */
class CaseActionTableTest {

    private static final Instant NOW = Instant.parse("2025-08-28T01:30:00Z");
    /** What the handling commune may always do while a case is open, nothing else holding it. */
    private static final String ALWAYS = "ASSIGN TRANSFER ESCALATE";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "RECEIVED               | ASSESS_INITIAL CLOSE_UNSUBSTANTIATED " + ALWAYS,
            "ASSESSED               | SEPARATE ASSESS_DETAILED CLOSE_UNSUBSTANTIATED " + ALWAYS,
            "EMERGENCY_PROTECTION   | SEPARATE ASSESS_DETAILED " + ALWAYS,
            "DETAILED_ASSESSMENT    | SEPARATE HOLD_CONFERENCE " + ALWAYS,
            "PLANNING               | SEPARATE " + ALWAYS,
            "PLAN_SUBMITTED         | SEPARATE APPROVE_PLAN RETURN_PLAN " + ALWAYS,
            "PLAN_APPROVED          | SEPARATE START_IMPLEMENTATION " + ALWAYS,
            "IN_PROGRESS            | SEPARATE REVIEW " + ALWAYS,
            "REVIEWED               | SEPARATE CLOSE REPLAN " + ALWAYS,
            "CLOSED                 | ",
            "CLOSED_UNSUBSTANTIATED | ",
    })
    void theHandlingCommuneTakesTheStepsOfItsState(CaseState state, String expected) {
        assertThat(handlerMay(inState(state))).isEqualTo(actions(expected));
    }

    @Test
    void anEmergencyIsProtectedOnceBeforeTheDetailedAssessment() {
        ChildCase reported = inState(CaseState.RECEIVED);
        reported.describe(reportInDanger(), NOW);
        assertThat(handlerMay(reported)).contains(CaseAction.PROTECT_EMERGENCY);
        ChildCase assessed = inState(CaseState.ASSESSED);
        assessed.assessInitially("HIGH", true);
        assertThat(handlerMay(assessed)).contains(CaseAction.PROTECT_EMERGENCY);
        assessed.protect(NOW);
        assertThat(handlerMay(assessed)).doesNotContain(CaseAction.PROTECT_EMERGENCY);
        ChildCase notUrgent = inState(CaseState.ASSESSED);
        notUrgent.describe(reportInDanger(), NOW);
        notUrgent.assessInitially("LOW", false);
        assertThat(handlerMay(notUrgent)).doesNotContain(CaseAction.PROTECT_EMERGENCY);
    }

    @Test
    void aPlanIsSubmittedOnlyWhenADraftWaits() {
        ChildCase planning = inState(CaseState.PLANNING);
        assertThat(handlerMay(planning)).doesNotContain(CaseAction.SUBMIT_PLAN);
        planning.draftPlan();
        assertThat(handlerMay(planning)).contains(CaseAction.SUBMIT_PLAN);
        planning.submitPlan(NOW);
        assertThat(handlerMay(planning)).doesNotContain(CaseAction.SUBMIT_PLAN);
    }

    /** While the child is away from home (Art. 28), the separation is extended or ended, never begun again, and the case is neither closed nor handed over. */
    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"ASSESSED", "EMERGENCY_PROTECTION", "PLANNING", "REVIEWED"})
    void aSeparationHoldsTheCaseUntilItEnds(CaseState state) {
        ChildCase c = inState(state);
        Set<CaseAction> without = handlerMay(c);
        c.separate(LocalDate.of(2025, 8, 28), LocalDate.of(2025, 9, 7));
        Set<CaseAction> during = handlerMay(c);
        Set<CaseAction> expected = EnumSet.copyOf(without);
        expected.removeAll(Set.of(CaseAction.SEPARATE, CaseAction.TRANSFER, CaseAction.CLOSE, CaseAction.CLOSE_UNSUBSTANTIATED));
        expected.addAll(Set.of(CaseAction.EXTEND_SEPARATION, CaseAction.END_SEPARATION));
        assertThat(during).isEqualTo(expected);
        c.endSeparation(LocalDate.of(2025, 9, 5));
        assertThat(handlerMay(c)).isEqualTo(without);
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, mode = EnumSource.Mode.EXCLUDE, names = {"CLOSED", "CLOSED_UNSUBSTANTIATED"})
    void aPendingTransferLeavesOnlyTheReceivingCommuneToAcceptOrDecline(CaseState state) {
        ChildCase c = inState(state);
        c.proposeTransfer("06253", "20.06253");
        assertThat(CaseAction.allowed(c, EnumSet.of(HANDLER, SUPERVISOR))).isEmpty();
        assertThat(CaseAction.allowed(c, EnumSet.of(RECEIVER)))
                .containsExactly(CaseAction.ACCEPT_TRANSFER, CaseAction.DECLINE_TRANSFER);
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, mode = EnumSource.Mode.EXCLUDE, names = {"CLOSED", "CLOSED_UNSUBSTANTIATED"})
    void theDistrictReturnsAnEscalatedCaseAndOnlyThen(CaseState state) {
        ChildCase c = inState(state);
        assertThat(CaseAction.allowed(c, EnumSet.of(SUPERVISOR))).isEmpty();
        c.escalate(true);
        assertThat(CaseAction.allowed(c, EnumSet.of(SUPERVISOR))).containsExactly(CaseAction.RETURN_ESCALATION);
        assertThat(handlerMay(c)).doesNotContain(CaseAction.ESCALATE);
        assertThat(CaseAction.allowed(inState(state), EnumSet.of(RECEIVER))).isEmpty();
    }

    @ParameterizedTest(name = "{0} leads from {1} to {2}")
    @CsvSource({
            "ASSESS_INITIAL,        RECEIVED,             ASSESSED",
            "PROTECT_EMERGENCY,     ASSESSED,             EMERGENCY_PROTECTION",
            "ASSESS_DETAILED,       EMERGENCY_PROTECTION, DETAILED_ASSESSMENT",
            "HOLD_CONFERENCE,       DETAILED_ASSESSMENT,  PLANNING",
            "SUBMIT_PLAN,           PLANNING,             PLAN_SUBMITTED",
            "APPROVE_PLAN,          PLAN_SUBMITTED,       PLAN_APPROVED",
            "RETURN_PLAN,           PLAN_SUBMITTED,       PLANNING",
            "START_IMPLEMENTATION,  PLAN_APPROVED,        IN_PROGRESS",
            "REVIEW,                IN_PROGRESS,          REVIEWED",
            "REPLAN,                REVIEWED,             PLANNING",
            "CLOSE,                 REVIEWED,             CLOSED",
            "CLOSE_UNSUBSTANTIATED, ASSESSED,             CLOSED_UNSUBSTANTIATED",
            "SEPARATE,              PLAN_APPROVED,        PLAN_APPROVED",
            "ASSIGN,                IN_PROGRESS,          IN_PROGRESS",
            "ESCALATE,              PLANNING,             PLANNING",
    })
    void eachStepLeadsWhereTheDecreeSays(CaseAction action, CaseState from, CaseState to) {
        assertThat(action.targetFrom(from)).isEqualTo(to);
    }

    private static Set<CaseAction> handlerMay(ChildCase c) {
        return CaseAction.allowed(c, EnumSet.of(HANDLER));
    }

    private static Set<CaseAction> actions(String names) {
        return names == null ? EnumSet.noneOf(CaseAction.class)
                : Arrays.stream(names.trim().split("\\s+")).map(CaseAction::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseAction.class)));
    }

    /** A case reported without danger, now in {@code state}. */
    private static ChildCase inState(CaseState state) {
        ChildCase c = ChildCase.open("06298-2025-001", UUID.randomUUID(), CaseType.ABUSE, "06298", "20.06298", "commune.yenphuc", NOW);
        c.moveTo(state);
        return c;
    }

    private static CaseReport reportInDanger() {
        return new CaseReport("SCHOOL", NOW, null, null, "Vết bầm trên tay", null, null, null, null, null, null, null, null, null,
                true, null);
    }
}
