package vn.baovetreem.reports;

import vn.baovetreem.reports.PeriodicReport.Status;
import vn.baovetreem.security.Operation;

import java.util.EnumSet;
import java.util.Set;

import static vn.baovetreem.reports.PeriodicReport.Status.ACCEPTED;
import static vn.baovetreem.reports.PeriodicReport.Status.DRAFT;
import static vn.baovetreem.reports.PeriodicReport.Status.RETURNED;
import static vn.baovetreem.reports.PeriodicReport.Status.SUBMITTED;

/**
 * The whole workflow of a periodic report: the commune submits (a returned report is resubmitted
 * as a new version), the district above accepts or returns it with comments.
 */
public enum ReportAction {
    SUBMIT(Operation.DRAFT_AND_SUBMIT_REPORTS, SUBMITTED, DRAFT, RETURNED),
    ACCEPT(Operation.REVIEW_REPORTS, ACCEPTED, SUBMITTED),
    RETURN(Operation.REVIEW_REPORTS, RETURNED, SUBMITTED);

    private final Operation operation;
    private final Status target;
    private final Set<Status> from;

    ReportAction(Operation operation, Status target, Status first, Status... rest) {
        this.operation = operation;
        this.target = target;
        this.from = EnumSet.of(first, rest);
    }

    public Operation operation() {
        return operation;
    }

    public Status target() {
        return target;
    }

    public boolean appliesTo(Status status) {
        return from.contains(status);
    }
}
