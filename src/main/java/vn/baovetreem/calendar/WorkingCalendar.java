package vn.baovetreem.calendar;

import vn.baovetreem.common.persistence.RecordLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Working days for deadlines, and the yearly calendars administrators keep. A year without a
 * calendar counts Monday to Friday.
 */
@ApplicationScoped
public class WorkingCalendar implements WorkingDayCount {

    /** What a calendar day changes. */
    public enum Kind { HOLIDAY, WORKING_WEEKEND }

    /** Schema {@code CalendarDay}. */
    public record Day(@NotNull LocalDate date, @NotNull Kind kind, @NotBlank @Size(max = 200) String name, Boolean confirmed) {
    }

    /** Schema {@code CalendarYear}. */
    public record Year(int year, List<Day> days) {
    }

    /** Fired, inside the transaction, when the exceptions of a year were replaced. */
    public record Changed(int year) {
    }

    /** Schema {@code CalendarYearUpdate}. */
    public record YearUpdate(@NotNull @Size(max = 60) List<@Valid @NotNull Day> days) {
    }

    private final EntityManager em;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final Clock clock;
    private final Event<Changed> changed;

    WorkingCalendar(EntityManager em, AccessPolicy access, AuditTrail audit, RequestValidator validator, Clock clock,
                    Event<Changed> changed) {
        this.changed = changed;
        this.em = em;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public Versioned<Year> get(int year) {
        access.check(Operation.READ_CODE_LISTS);
        long version = version(year).orElseThrow(() -> new ApiException.NotFound("Calendar", String.valueOf(year)));
        return new Versioned<>(new Year(year, days(year)), version);
    }

    /**
     * Replaces the exceptions of {@code year}: with {@code If-Match} for a year that has a calendar,
     * without it for a new one.
     */
    @Transactional
    public Versioned<Year> replace(int year, String ifMatch, YearUpdate request) {
        CurrentUser.Resolved user = access.check(Operation.MANAGE_REFERENCE_DATA);
        validator.validate(request);
        RecordLocks.lock(em, "calendar", String.valueOf(year));
        Optional<Long> current = version(year);
        if (current.isPresent()) {
            ETags.requireMatch(ifMatch, current.get());
        } else if (ifMatch != null) {
            throw new ApiException.PreconditionFailed("There is no calendar for " + year + " yet; create it without If-Match.");
        }
        List<Violation> problems = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < request.days().size(); i++) {
            Day day = request.days().get(i);
            String field = "days[" + i + "].date";
            boolean weekend = day.date().getDayOfWeek() == DayOfWeek.SATURDAY || day.date().getDayOfWeek() == DayOfWeek.SUNDAY;
            if (day.date().getYear() != year) {
                problems.add(new Violation(field, "must fall in " + year));
            } else if (!seen.add(day.date())) {
                problems.add(new Violation(field, "is listed twice"));
            } else if (day.kind() == Kind.HOLIDAY && weekend) {
                problems.add(new Violation(field, "is a weekend day already; give the compensatory day off instead"));
            } else if (day.kind() == Kind.WORKING_WEEKEND && !weekend) {
                problems.add(new Violation(field, "a working weekend day must be a Saturday or Sunday"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException.BadRequest("VALIDATION_FAILED", "The calendar has invalid days.", problems);
        }
        Year before = current.isPresent() ? new Year(year, days(year)) : null;
        em.createNativeQuery("delete from calendar_day where extract(year from day) = ?1").setParameter(1, year).executeUpdate();
        for (Day day : request.days()) {
            em.createNativeQuery("insert into calendar_day (day, kind, name, confirmed) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, day.date()).setParameter(2, day.kind().name()).setParameter(3, Texts.clean(day.name()))
                    .setParameter(4, day.confirmed() == null || day.confirmed())
                    .executeUpdate();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        em.createNativeQuery("""
                        insert into calendar_year (year, version, updated_at, updated_by) values (?1, 0, ?2, ?3)
                        on conflict (year) do update set version = calendar_year.version + 1, updated_at = ?2, updated_by = ?3""")
                .setParameter(1, year).setParameter(2, now).setParameter(3, user.username())
                .executeUpdate();
        Year after = new Year(year, days(year));
        audit.record(before == null ? "CREATE" : "UPDATE", "calendar", String.valueOf(year), null, before, after);
        changed.fire(new Changed(year));
        return new Versioned<>(after, version(year).orElseThrow());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return new WorkingDays(exceptions(start, WorkingDays.horizon(start, n))).addWorkingDays(start, n);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingDays forStarts(LocalDate first, LocalDate last, int n) {
        return new WorkingDays(exceptions(first, WorkingDays.horizon(last, n)));
    }

    private Map<LocalDate, Kind> exceptions(LocalDate from, LocalDate to) {
        Map<LocalDate, Kind> days = new HashMap<>();
        Row.all(em.createNativeQuery("select day, kind from calendar_day where day between ?1 and ?2", Tuple.class)
                        .setParameter(1, from).setParameter(2, to))
                .forEach(r -> days.put(r.date("day"), r.enumValue("kind", Kind.class)));
        return days;
    }

    private List<Day> days(int year) {
        return Row.all(em.createNativeQuery(
                        "select day, kind, name, confirmed from calendar_day where extract(year from day) = ?1 order by day", Tuple.class)
                        .setParameter(1, year))
                .stream().map(r -> new Day(r.date("day"), r.enumValue("kind", Kind.class), r.text("name"), r.bool("confirmed"))).toList();
    }

    @SuppressWarnings("unchecked")
    private Optional<Long> version(int year) {
        List<Number> rows = em.createNativeQuery("select version from calendar_year where year = ?1").setParameter(1, year).getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }
}
