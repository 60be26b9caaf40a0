package vn.baovetreem.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import vn.baovetreem.calendar.WorkingCalendar;
import vn.baovetreem.calendar.WorkingDayCount;
import vn.baovetreem.common.persistence.RecordLocks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The deadlines of Decree 56/2017, computed from a case and the working-day calendar and stored
 * with the case so that lists can filter on them:
 * <ul>
 *   <li>{@code EMERGENCY_PROTECTION}: 12 hours after receipt, when the child is in danger (Art. 26(3));</li>
 *   <li>{@code PLAN_DRAFTED}: the end of the 5th working day after receipt (Art. 28(1));</li>
 *   <li>{@code PLAN_APPROVAL}: the end of the 2nd working day after the latest submission (Art. 28(4)),
 *       met by the decision to approve or return it;</li>
 *   <li>{@code SEPARATION_ENDED}: the end of the day a temporary separation is due to end (Art. 32).</li>
 * </ul>
 * A working day "ends" at midnight in the service's time zone.
 */
@ApplicationScoped
public class CaseDeadlines {

    private static final Logger LOG = Logger.getLogger(CaseDeadlines.class);
    static final Duration EMERGENCY = Duration.ofHours(12);
    static final int PLAN_WORKING_DAYS = 5;
    static final int APPROVAL_WORKING_DAYS = 2;
    /** Cases whose deadlines are computed per transaction at start. */
    private static final int STARTUP_BATCH = 200;

    public enum Step { EMERGENCY_PROTECTION, PLAN_DRAFTED, PLAN_APPROVAL, SEPARATION_ENDED }

    /** A deadline as stored: the step, when it is due and when it was met. */
    record Deadline(Step step, Instant dueAt, Instant metAt) {
    }

    private final WorkingDayCount calendar;
    private final CaseRepository cases;
    private final Clock clock;

    CaseDeadlines(WorkingDayCount calendar, CaseRepository cases, Clock clock) {
        this.calendar = calendar;
        this.cases = cases;
        this.clock = clock;
    }

    List<Deadline> compute(ChildCase c) {
        List<Deadline> deadlines = new ArrayList<>();
        if (c.emergency()) {
            deadlines.add(new Deadline(Step.EMERGENCY_PROTECTION, c.receivedAt().plus(EMERGENCY), c.emergencyProtectedAt()));
        }
        deadlines.add(new Deadline(Step.PLAN_DRAFTED, endOf(calendar.addWorkingDays(day(c.receivedAt()), PLAN_WORKING_DAYS)),
                c.firstSubmittedAt()));
        if (c.submittedAt() != null) {
            deadlines.add(new Deadline(Step.PLAN_APPROVAL, endOf(calendar.addWorkingDays(day(c.submittedAt()), APPROVAL_WORKING_DAYS)),
                    c.planDecidedAt()));
        }
        if (c.separationStartsOn() != null) {
            deadlines.add(new Deadline(Step.SEPARATION_ENDED, endOf(c.separationEndsOn()),
                    c.separationEndedOn() == null ? null : c.separationEndedOn().atStartOfDay(clock.getZone()).toInstant()));
        }
        return deadlines;
    }

    /** Computes and stores the deadlines of {@code c}. */
    void refresh(ChildCase c) {
        cases.replaceDeadlines(c.id(), compute(c));
    }

    /** A changed calendar moves the deadlines of every open case. */
    @Transactional
    void onCalendarChange(@Observes WorkingCalendar.Changed change) {
        cases.open().forEach(this::refresh);
    }

    /**
     * Cases written by SQL (demo data, a restore) get their deadlines when the service starts, a
     * batch per transaction so that a province's cases fit in the transaction timeout. Instances
     * starting together take turns on each batch: what one computed, the other finds done.
     */
    void onStart(@Observes StartupEvent start) {
        int computed = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> {
                RecordLocks.lock(cases.getEntityManager(), "startup", "case-deadlines");
                List<ChildCase> missing = cases.withoutDeadlines(from, STARTUP_BATCH);
                missing.forEach(this::refresh);
                return missing.stream().map(ChildCase::id).toList();
            });
            computed += batch.size();
            if (batch.size() < STARTUP_BATCH) {
                break;
            }
            after = batch.getLast();
        }
        if (computed > 0) {
            LOG.infof("Computed the deadlines of %d cases", computed);
        }
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }
}
