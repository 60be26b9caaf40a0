package vn.baovetreem.interventions;

/** Where a support stands. Only {@link #ONGOING} and {@link #COMPLETED} supports count as received. */
public enum InterventionStatus {
    PLANNED, ONGOING, COMPLETED, CANCELLED;

    boolean received() {
        return this == ONGOING || this == COMPLETED;
    }
}
