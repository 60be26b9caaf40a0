package vn.baovetreem.reports;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

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

    @Transactional
    void onStart(@Observes StartupEvent start) {
        List<PeriodicReport> missing = reports.submittedWithoutVersion();
        for (PeriodicReport report : missing) {
            Instant submitted = report.firstSubmittedAt() != null ? report.firstSubmittedAt() : report.updatedAt();
            service.freeze(report, periods.of(report.year(), report.kind()), 1, submitted, report.createdBy());
            if (report.status() == PeriodicReport.Status.ACCEPTED) {
                reports.addReview(report.id(), 1, new ReportRepository.Review(PeriodicReport.Status.ACCEPTED, null,
                        report.updatedAt(), REVIEWER));
            }
        }
        if (!missing.isEmpty()) {
            LOG.infof("Froze the first version of %d reports written by SQL", missing.size());
        }
    }
}
