package vn.baovetreem.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.baovetreem.common.persistence.RecordLocks;

import java.time.Instant;
import java.util.Optional;

/**
 * Reports written by SQL as submitted or accepted but without a version (demo data, reports
 * carried over from another system) get their first version when the service starts: the
 * narrative and a snapshot of the period's figures, frozen then like any submission. An accepted
 * one also gets the district's acceptance, recorded at the report's last change.
 */
@ApplicationScoped
class ReportSnapshots {

    private static final Logger LOG = Logger.getLogger(ReportSnapshots.class);
    static final String REVIEWER = "recorded-by-sql";

    private final ReportRepository reports;
    private final ReportingPeriods periods;
    private final ReportService service;

    ReportSnapshots(ReportRepository reports, ReportingPeriods periods, ReportService service) {
        this.reports = reports;
        this.periods = periods;
        this.service = service;
    }

    /**
     * One report per transaction, since freezing one computes its indicators. Instances starting
     * together take turns on each: what one froze, the other finds done.
     */
    void onStart(@Observes StartupEvent start) {
        int frozen = 0;
        while (QuarkusTransaction.requiringNew().call(this::freezeNext)) {
            frozen++;
        }
        if (frozen > 0) {
            LOG.infof("Froze the first version of %d reports written by SQL", frozen);
        }
    }

    /** Freezes the first submitted report that has no version yet; false when there is none. */
    private boolean freezeNext() {
        RecordLocks.lock(reports.getEntityManager(), "startup", "report-snapshots");
        Optional<PeriodicReport> next = reports.submittedWithoutVersion().stream().findFirst();
        if (next.isEmpty()) {
            return false;
        }
        PeriodicReport report = next.get();
        Instant submitted = report.firstSubmittedAt() != null ? report.firstSubmittedAt() : report.updatedAt();
        service.freeze(report, periods.of(report.year(), report.kind()), 1, submitted, report.createdBy());
        if (report.status() == PeriodicReport.Status.ACCEPTED) {
            reports.addReview(report.id(), 1, new ReportRepository.Review(PeriodicReport.Status.ACCEPTED, null,
                    report.updatedAt(), REVIEWER));
        }
        return true;
    }
}
