package vn.baovetreem.cases;

/** Where a case stands in the Decree 56 process; it changes only through {@link CaseAction}s. */
public enum CaseState {
    RECEIVED,
    ASSESSED,
    EMERGENCY_PROTECTION,
    DETAILED_ASSESSMENT,
    PLANNING,
    PLAN_SUBMITTED,
    PLAN_APPROVED,
    IN_PROGRESS,
    REVIEWED,
    CLOSED,
    CLOSED_UNSUBSTANTIATED;

    public boolean isClosed() {
        return this == CLOSED || this == CLOSED_UNSUBSTANTIATED;
    }
}
