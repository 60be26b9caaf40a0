package vn.baovetreem.cases;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import static vn.baovetreem.cases.CaseState.ASSESSED;
import static vn.baovetreem.cases.CaseState.CLOSED;
import static vn.baovetreem.cases.CaseState.CLOSED_UNSUBSTANTIATED;
import static vn.baovetreem.cases.CaseState.DETAILED_ASSESSMENT;
import static vn.baovetreem.cases.CaseState.EMERGENCY_PROTECTION;
import static vn.baovetreem.cases.CaseState.IN_PROGRESS;
import static vn.baovetreem.cases.CaseState.PLANNING;
import static vn.baovetreem.cases.CaseState.PLAN_APPROVED;
import static vn.baovetreem.cases.CaseState.PLAN_SUBMITTED;
import static vn.baovetreem.cases.CaseState.RECEIVED;
import static vn.baovetreem.cases.CaseState.REVIEWED;

/**
 * The transitions of a case (Decree 56/2017 Arts. 26–32): from which states each may be taken, the
 * state it leads to (none when the state stays), who takes it and what else must hold. This table
 * is the whole workflow; {@link #allowed} is what a 409 lists.
 */
public enum CaseAction {
    ASSESS_INITIAL(Actor.HANDLER, ASSESSED, c -> true, RECEIVED),
    PROTECT_EMERGENCY(Actor.HANDLER, EMERGENCY_PROTECTION, c -> c.emergency() && c.emergencyProtectedAt() == null, RECEIVED, ASSESSED),
    SEPARATE(Actor.HANDLER, null, c -> !c.separationActive(), ASSESSED, EMERGENCY_PROTECTION, DETAILED_ASSESSMENT, PLANNING,
            PLAN_SUBMITTED, PLAN_APPROVED, IN_PROGRESS, REVIEWED),
    EXTEND_SEPARATION(Actor.HANDLER, null, ChildCase::separationActive, open()),
    END_SEPARATION(Actor.HANDLER, null, ChildCase::separationActive, open()),
    ASSESS_DETAILED(Actor.HANDLER, DETAILED_ASSESSMENT, c -> true, ASSESSED, EMERGENCY_PROTECTION),
    HOLD_CONFERENCE(Actor.HANDLER, PLANNING, c -> true, DETAILED_ASSESSMENT),
    SUBMIT_PLAN(Actor.HANDLER, PLAN_SUBMITTED, ChildCase::hasUnsubmittedPlan, PLANNING),
    APPROVE_PLAN(Actor.HANDLER, PLAN_APPROVED, c -> true, PLAN_SUBMITTED),
    RETURN_PLAN(Actor.HANDLER, PLANNING, c -> true, PLAN_SUBMITTED),
    START_IMPLEMENTATION(Actor.HANDLER, IN_PROGRESS, c -> true, PLAN_APPROVED),
    REVIEW(Actor.HANDLER, REVIEWED, c -> true, IN_PROGRESS),
    CLOSE(Actor.HANDLER, CLOSED, c -> !c.separationActive(), REVIEWED),
    REPLAN(Actor.HANDLER, PLANNING, c -> true, REVIEWED),
    CLOSE_UNSUBSTANTIATED(Actor.HANDLER, CLOSED_UNSUBSTANTIATED, c -> !c.separationActive(), RECEIVED, ASSESSED),
    ASSIGN(Actor.HANDLER, null, c -> true, open()),
    TRANSFER(Actor.HANDLER, null, c -> !c.separationActive(), open()),
    ACCEPT_TRANSFER(Actor.RECEIVER, null, c -> true, open()),
    DECLINE_TRANSFER(Actor.RECEIVER, null, c -> true, open()),
    ESCALATE(Actor.HANDLER, null, c -> !c.escalated(), open()),
    RETURN_ESCALATION(Actor.SUPERVISOR, null, ChildCase::escalated, open());

    /** Who may act on a case. */
    public enum Actor {
        /** A commune user of the commune that handles the case. */
        HANDLER,
        /** A commune user of the commune a pending transfer would move the case to. */
        RECEIVER,
        /** A district user above the case. */
        SUPERVISOR
    }

    private final Actor actor;
    private final CaseState target;
    private final Predicate<ChildCase> condition;
    private final Set<CaseState> from;

    CaseAction(Actor actor, CaseState target, Predicate<ChildCase> condition, CaseState first, CaseState... rest) {
        this.actor = actor;
        this.target = target;
        this.condition = condition;
        this.from = EnumSet.of(first, rest);
    }

    CaseAction(Actor actor, CaseState target, Predicate<ChildCase> condition, Set<CaseState> from) {
        this.actor = actor;
        this.target = target;
        this.condition = condition;
        this.from = from;
    }

    public Actor actor() {
        return actor;
    }

    /** The state after the action; the current one when the action leaves it unchanged. */
    public CaseState targetFrom(CaseState current) {
        return target != null ? target : current;
    }

    /**
     * Whether {@code actor} may take this action on {@code c} now. While a transfer is pending only
     * the receiving commune acts (accept or decline); the receiving commune does nothing else.
     */
    boolean permits(ChildCase c, Actor as) {
        if (as != actor || !from.contains(c.status()) || !condition.test(c)) {
            return false;
        }
        return (actor == Actor.RECEIVER) == c.transferPending();
    }

    /** The actions {@code actors} may take on {@code c} now, in table order. */
    static Set<CaseAction> allowed(ChildCase c, Set<Actor> actors) {
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : values()) {
            if (actors.stream().anyMatch(a -> action.permits(c, a))) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    private static Set<CaseState> open() {
        Set<CaseState> open = EnumSet.allOf(CaseState.class);
        open.removeIf(CaseState::isClosed);
        return open;
    }
}
