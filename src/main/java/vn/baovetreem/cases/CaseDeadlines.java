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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

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
    /** Cases whose deadlines are computed and written together. */
    static final int BATCH = 500;
    private static final UUID FIRST = new UUID(0, 0);

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

    /**
     * Everything of a case that {@link #compute} reads, and whether the case is open: taken before
     * a change, it tells whether the change can have moved the case's deadlines.
     */
    record Basis(boolean open, boolean emergency, Instant receivedAt, Instant emergencyProtectedAt, Instant firstSubmittedAt,
                 Instant submittedAt, Instant planDecidedAt, LocalDate separationStartsOn, LocalDate separationEndsOn,
                 LocalDate separationEndedOn) {

        static Basis of(ChildCase c) {
            return new Basis(!c.status().isClosed(), c.emergency(), c.receivedAt(), c.emergencyProtectedAt(), c.firstSubmittedAt(),
                    c.submittedAt(), c.planDecidedAt(), c.separationStartsOn(), c.separationEndsOn(), c.separationEndedOn());
        }
    }

    List<Deadline> compute(ChildCase c) {
        return compute(c, calendar);
    }

    private List<Deadline> compute(ChildCase c, WorkingDayCount calendar) {
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

    /**
     * Stores the deadlines of {@code c} after a change and answers them. {@code before} is the case's
     * {@link Basis} before the change (null for a new case) and {@code stored} its deadlines then.
     * A change that left the basis of an open case as it was keeps its stored deadlines without
     * reading the calendar: an open case's deadlines already follow every change of the calendar
     * ({@link #onCalendarChange}), a closed one's need not have.
     */
    List<Deadline> refresh(ChildCase c, Basis before, List<Deadline> stored) {
        if (before != null && before.open() && before.equals(Basis.of(c)) && !stored.isEmpty()) {
            return stored;
        }
        List<Deadline> computed = compute(c);
        cases.replaceDeadlines(Map.of(c.id(), computed), Map.of(c.id(), stored));
        return CaseRepository.asRead(computed);
    }

    /**
     * Computes and stores the deadlines of {@code batch}, reading the calendar once and writing
     * them in two statements; answers the cases' ids.
     */
    private List<UUID> refresh(List<ChildCase> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<LocalDate> starts = batch.stream()
                .flatMap(c -> Stream.of(c.receivedAt(), c.submittedAt())).filter(Objects::nonNull).map(this::day).sorted().toList();
        WorkingDayCount days = calendar.forStarts(starts.getFirst(), starts.getLast(),
                Math.max(PLAN_WORKING_DAYS, APPROVAL_WORKING_DAYS));
        Map<UUID, List<Deadline>> byCase = new LinkedHashMap<>();
        batch.forEach(c -> byCase.put(c.id(), compute(c, days)));
        cases.replaceDeadlines(byCase, cases.deadlines(byCase.keySet()));
        return List.copyOf(byCase.keySet());
    }

    /**
     * A changed calendar moves the deadlines of every open case, in the transaction that changed
     * it, a batch at a time: a province's open cases never go into one statement or one session.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onCalendarChange(@Observes WorkingCalendar.Changed change) {
        UUID after = FIRST;
        List<UUID> done;
        do {
            List<ChildCase> batch = cases.openAfter(after, BATCH);
            done = refresh(batch);
            batch.forEach(cases.getEntityManager()::detach);
            after = done.isEmpty() ? after : done.getLast();
        } while (done.size() == BATCH);
    }

    /**
     * Cases written by SQL (demo data, a restore) get their deadlines when the service starts, a
     * batch per transaction so that a province's cases fit in the transaction timeout. Instances
     * starting together take turns on each batch: what one computed, the other finds done.
     */
    void onStart(@Observes StartupEvent start) {
        int computed = 0;
        UUID after = FIRST;
        List<UUID> done;
        do {
            UUID from = after;
            done = QuarkusTransaction.requiringNew().call(() -> {
                RecordLocks.lock(cases.getEntityManager(), "startup", "case-deadlines");
                return refresh(cases.withoutDeadlines(from, BATCH));
            });
            computed += done.size();
            after = done.isEmpty() ? after : done.getLast();
        } while (done.size() == BATCH);
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
