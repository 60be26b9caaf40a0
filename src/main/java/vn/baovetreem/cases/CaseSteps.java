package vn.baovetreem.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.children.ChildRepository;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.text.Texts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each step of a case checks and changes, one branch per {@link CaseStep} record: {@link #check}
 * finds every problem before anything changes, {@link #apply} then changes the case, and
 * {@link #details} is what the timeline keeps of the step. Whether the step may be taken at all is
 * {@link CaseAction}'s; the lock, the audit and the timeline are {@link CaseService}'s.
 */
@ApplicationScoped
class CaseSteps {

    /** Decree 56: a separation lasts at most this many days unless extended with a reason. */
    static final int MAX_SEPARATION_DAYS = 15;

    private final CaseRules rules;
    private final UnitDirectory units;
    private final ChildRepository children;
    private final ObjectMapper mapper;
    private final Clock clock;

    CaseSteps(CaseRules rules, UnitDirectory units, ChildRepository children, ObjectMapper mapper, Clock clock) {
        this.rules = rules;
        this.units = units;
        this.children = children;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Refuses the step (400, every problem at once) when what it needs of the case, its code lists
     * and the calendar, beyond what its record requires, is not there. Nothing changes here.
     *
     * @return when the step occurred: as the request says, or now
     */
    Instant check(ChildCase c, CaseStep step) {
        Instant at = step.occurredAt() != null ? step.occurredAt() : clock.instant();
        Violations problems = new Violations();
        if (at.isAfter(clock.instant().plus(CaseRules.CLOCK_SKEW)) || at.isBefore(c.receivedAt())) {
            problems.add("occurredAt", "must lie between receivedAt and now");
        }
        check(c, step, LocalDate.ofInstant(at, clock.getZone()), problems);
        problems.failIfAny("The transition has invalid values.");
        return at;
    }

    /** What a step needs beyond its record; {@code day} is the day it occurred. */
    private void check(ChildCase c, CaseStep step, LocalDate day, Violations problems) {
        switch (step) {
            case CaseStep.AssessInitial s -> rules.requiredCode(problems, "riskLevel", "risk-levels", s.riskLevel());
            case CaseStep.AssessDetailed s -> rules.optionalCode(problems, "riskLevel", "risk-levels", s.riskLevel());
            case CaseStep.Separate s -> {
                LocalDate starts = separationStart(s, day);
                if (starts.isAfter(LocalDate.now(clock))) {
                    problems.add("separation.startsOn", "must not be in the future");
                }
                LocalDate ends = s.separation().endsOn();
                if (ends.isBefore(starts) || ends.isAfter(starts.plusDays(MAX_SEPARATION_DAYS))) {
                    problems.add("separation.endsOn", "must lie within " + MAX_SEPARATION_DAYS
                            + " days of the start; extend the separation with a reason to go further");
                }
            }
            case CaseStep.ExtendSeparation s -> {
                if (!s.endsOn().isAfter(c.separationEndsOn())) {
                    problems.add("endsOn", "must be after the current end, " + c.separationEndsOn());
                }
            }
            case CaseStep.EndSeparation s -> {
                if (day.isBefore(c.separationStartsOn())) {
                    problems.add("occurredAt", "must not be before the separation started");
                }
            }
            case CaseStep.Review s -> {
                rules.requiredCode(problems, "reviewOutcome", "case-review-outcomes", s.reviewOutcome());
                rules.optionalCode(problems, "riskLevel", "risk-levels", s.riskLevel());
            }
            case CaseStep.Close s -> {
                rules.requiredCode(problems, "closureReason", "case-closure-reasons", s.closureReason());
                checkHandlingOutcome(c, s.handlingOutcome(), true, problems);
            }
            case CaseStep.CloseUnsubstantiated s -> checkHandlingOutcome(c, s.handlingOutcome(), false, problems);
            case CaseStep.Transfer s -> {
                if (transferTarget(c, s).isEmpty()) {
                    problems.add("toCommuneCode", "must be the code of another commune in force today");
                }
            }
            default -> {
                // The other steps need nothing beyond what their record requires.
            }
        }
    }

    /** The step's change to the case, once {@link #check} found nothing wrong; the move to the next state follows. */
    void apply(ChildCase c, CaseStep step, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        switch (step) {
            case CaseStep.AssessInitial s -> c.assessInitially(s.riskLevel(), s.emergency());
            case CaseStep.ProtectEmergency s -> c.protect(at);
            case CaseStep.Separate s -> c.separate(separationStart(s, day), s.separation().endsOn());
            case CaseStep.ExtendSeparation s -> c.extendSeparation(s.endsOn(), Texts.clean(s.reason()));
            case CaseStep.EndSeparation s -> c.endSeparation(day);
            case CaseStep.AssessDetailed s -> c.reassessRisk(s.riskLevel());
            case CaseStep.SubmitPlan s -> c.submitPlan(at);
            case CaseStep.ApprovePlan s -> c.decidePlan(at, true);
            case CaseStep.ReturnPlan s -> c.decidePlan(at, false);
            case CaseStep.Review s -> c.review(s.reviewOutcome(), s.riskLevel());
            case CaseStep.Close s -> c.close(s.closureReason(), s.handlingOutcome(), at);
            case CaseStep.CloseUnsubstantiated s -> c.close(null, s.handlingOutcome(), at);
            case CaseStep.Assign s -> c.assign(Texts.clean(s.officer()));
            case CaseStep.Transfer s -> {
                UnitDirectory.UnitSummary to = transferTarget(c, s)
                        .orElseThrow(() -> new IllegalStateException("A transfer reached apply without its check"));
                c.proposeTransfer(to.code(), to.path());
            }
            case CaseStep.AcceptTransfer s -> {
                String childPath = children.findById(c.childId()).unitPath();
                c.completeTransfer(childPath.startsWith(c.transferToPath() + ".") ? childPath : c.transferToPath());
            }
            case CaseStep.DeclineTransfer s -> c.cancelTransfer();
            case CaseStep.Escalate s -> c.escalate(true);
            case CaseStep.ReturnEscalation s -> c.escalate(false);
            // The timeline keeps what these steps record; the case itself changes only its state.
            case CaseStep.HoldConference s -> { }
            case CaseStep.StartImplementation s -> { }
            case CaseStep.Replan s -> { }
        }
    }

    /** A separation starts on the day the decision gives, or on the day the step occurred. */
    private static LocalDate separationStart(CaseStep.Separate s, LocalDate day) {
        return s.separation().startsOn() != null ? s.separation().startsOn() : day;
    }

    /** The commune a transfer names, when it is another commune in force today. */
    private Optional<UnitDirectory.UnitSummary> transferTarget(ChildCase c, CaseStep.Transfer s) {
        return units.find(s.toCommuneCode())
                .filter(u -> u.level() == UnitLevel.COMMUNE && u.isValidOn(LocalDate.now(clock)) && !u.code().equals(c.communeCode()));
    }

    /** An abuse case is closed with its handling outcome; other cases have none. */
    private void checkHandlingOutcome(ChildCase c, String handlingOutcome, boolean required, Violations problems) {
        if (c.type() != CaseType.ABUSE) {
            if (handlingOutcome != null) {
                problems.add("handlingOutcome", "applies to abuse cases only");
            }
            return;
        }
        rules.optionalCode(problems, "handlingOutcome", "abuse-handling-outcomes", handlingOutcome);
        if (required && handlingOutcome == null && c.handlingOutcome() == null) {
            problems.add("handlingOutcome", "an abuse case is closed with its handling outcome");
        }
    }

    /** The step's own fields, for the timeline. */
    Map<String, Object> details(CaseStep step) {
        ObjectNode given = mapper.valueToTree(step);
        given.remove(List.of("action", "occurredAt", "note"));
        Map<String, Object> data = new LinkedHashMap<>();
        given.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                data.put(e.getKey(), e.getValue());
            }
        });
        return data.isEmpty() ? null : data;
    }
}
