package vn.baovetreem.cases;

import org.junit.jupiter.api.Test;
import vn.baovetreem.calendar.WorkingCalendar;
import vn.baovetreem.calendar.WorkingDays;
import vn.baovetreem.cases.CaseDeadlines.Deadline;
import vn.baovetreem.cases.CaseDeadlines.Step;
import vn.baovetreem.cases.CaseRequests.CaseReport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Decree 56 deadlines of a case (Arts. 26-28), computed without the service, in Vietnam's time
 * over a calendar with Tết 2026 (16 to 20 February) off: protection within 12 hours of the report
 * when the child is in danger, the plan by the end of the fifth working day after the report, its
 * approval by the end of the second working day after it is submitted, and the separation's end.
 */
class CaseDeadlinesTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final CaseDeadlines deadlines = new CaseDeadlines(new WorkingDays(tet2026()), null, Clock.system(VIETNAM));

    private static Map<LocalDate, WorkingCalendar.Kind> tet2026() {
        Map<LocalDate, WorkingCalendar.Kind> days = new HashMap<>();
        for (LocalDate d = LocalDate.of(2026, 2, 16); !d.isAfter(LocalDate.of(2026, 2, 20)); d = d.plusDays(1)) {
            days.put(d, WorkingCalendar.Kind.HOLIDAY);
        }
        return days;
    }

    @Test
    void aReportOfAChildInDangerOnTheFridayBeforeTetIsDueAfterTet() {
        // Friday 13 February 2026, 22:00 in Vietnam: already the 13th there, though 15:00 UTC.
        Instant received = Instant.parse("2026-02-13T15:00:00Z");
        ChildCase c = reported(received, true);
        assertThat(deadlines.compute(c)).containsExactly(
                new Deadline(Step.EMERGENCY_PROTECTION, Instant.parse("2026-02-14T03:00:00Z"), null),
                // Fifth working day: 23 to 27 February; due at the end of the 27th, Vietnam's midnight.
                new Deadline(Step.PLAN_DRAFTED, Instant.parse("2026-02-27T17:00:00Z"), null));
    }

    @Test
    void eachStepTakenIsMetAndASubmittedPlanAndASeparationAddTheirDeadlines() {
        Instant received = Instant.parse("2026-03-02T02:00:00Z"); // Monday
        ChildCase c = reported(received, false);
        c.assessInitially("HIGH", true);
        Instant protectedAt = received.plusSeconds(3600);
        c.protect(protectedAt);
        c.separate(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 12));
        c.draftPlan();
        Instant submitted = Instant.parse("2026-03-05T09:00:00Z"); // Thursday, 16:00 in Vietnam
        c.submitPlan(submitted);
        c.endSeparation(LocalDate.of(2026, 3, 10));

        List<Deadline> computed = deadlines.compute(c);

        assertThat(computed).containsExactly(
                new Deadline(Step.EMERGENCY_PROTECTION, received.plusSeconds(12 * 3600), protectedAt),
                new Deadline(Step.PLAN_DRAFTED, Instant.parse("2026-03-09T17:00:00Z"), submitted),
                // Two working days after Thursday: Friday and Monday.
                new Deadline(Step.PLAN_APPROVAL, Instant.parse("2026-03-09T17:00:00Z"), null),
                new Deadline(Step.SEPARATION_ENDED, Instant.parse("2026-03-12T17:00:00Z"),
                        LocalDate.of(2026, 3, 10).atStartOfDay(VIETNAM).toInstant()));
    }

    @Test
    void aCaseNotInDangerHasNoEmergencyDeadline() {
        assertThat(deadlines.compute(reported(Instant.parse("2026-03-02T02:00:00Z"), false)))
                .extracting(Deadline::step).containsExactly(Step.PLAN_DRAFTED);
    }

    /**
     * A change keeps an open case's stored deadlines, without reading the calendar, when it leaves
     * their {@link CaseDeadlines.Basis} as it was: so no step of a case's life may move them without
     * moving the basis, and the steps that move neither (an assignment, an escalation, a draft of
     * the plan, a review) keep it.
     */
    @Test
    void noStepMovesTheDeadlinesWithoutMovingTheirBasis() {
        Instant received = Instant.parse("2026-03-02T02:00:00Z");
        ChildCase c = reported(received, false);
        Map<String, Consumer<ChildCase>> life = new LinkedHashMap<>();
        life.put("assign", x -> x.assign("commune.other"));
        life.put("receivedAt corrected", x -> x.describe(report(received.minusSeconds(86_400), false), received));
        life.put("in danger after all", x -> x.describe(report(received.minusSeconds(86_400), true), received));
        life.put("assessed not in danger", x -> x.assessInitially("MEDIUM", false));
        life.put("assessed in danger", x -> x.assessInitially("HIGH", true));
        life.put("protected", x -> x.protect(received.plusSeconds(3600)));
        life.put("escalate", x -> x.escalate(true));
        life.put("separated", x -> x.separate(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 12)));
        life.put("separation extended", x -> x.extendSeparation(LocalDate.of(2026, 3, 20), "Gia đình chưa an toàn"));
        life.put("separation ended", x -> x.endSeparation(LocalDate.of(2026, 3, 15)));
        life.put("plan drafted", ChildCase::draftPlan);
        life.put("plan submitted", x -> x.submitPlan(Instant.parse("2026-03-05T09:00:00Z")));
        life.put("plan approved", x -> x.decidePlan(Instant.parse("2026-03-06T09:00:00Z"), true));
        life.put("reviewed", x -> x.review("CONTINUE", "LOW"));
        life.put("closed", x -> x.moveTo(CaseState.CLOSED));
        List<String> moved = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        life.forEach((step, change) -> {
            CaseDeadlines.Basis basis = CaseDeadlines.Basis.of(c);
            List<Deadline> before = deadlines.compute(c);
            change.accept(c);
            if (!deadlines.compute(c).equals(before)) {
                moved.add(step);
                assertThat(CaseDeadlines.Basis.of(c)).as(step).isNotEqualTo(basis);
            } else if (CaseDeadlines.Basis.of(c).equals(basis)) {
                kept.add(step);
            }
        });
        assertThat(moved).containsExactly("receivedAt corrected", "in danger after all", "assessed not in danger", "assessed in danger",
                "protected", "separated", "separation extended", "separation ended", "plan submitted", "plan approved");
        assertThat(kept).containsExactly("assign", "escalate", "plan drafted", "reviewed");
    }

    private static ChildCase reported(Instant receivedAt, boolean inDanger) {
        ChildCase c = ChildCase.open("06298-2026-001", UUID.randomUUID(), CaseType.ABUSE, "06298", "20.06298", "commune.yenphuc",
                receivedAt);
        c.describe(report(receivedAt, inDanger), receivedAt);
        return c;
    }

    private static CaseReport report(Instant receivedAt, boolean inDanger) {
        return new CaseReport("SCHOOL", receivedAt, null, null, "Vết bầm trên tay", null, null, null, null, null, null, null,
                null, null, inDanger, null);
    }
}
