package vn.baovetreem.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
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

    private final CalendarRepository calendars;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final Clock clock;
    private final Event<Changed> changed;

    WorkingCalendar(CalendarRepository calendars, AccessPolicy access, AuditTrail audit, RequestValidator validator, Clock clock,
                    Event<Changed> changed) {
        this.changed = changed;
        this.calendars = calendars;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public Versioned<Year> get(int year) {
        access.check(Operation.READ_CODE_LISTS);
        long version = calendars.version(year).orElseThrow(() -> new ApiException.NotFound("Calendar", String.valueOf(year)));
        return new Versioned<>(new Year(year, calendars.days(year)), version);
    }

    /**
     * Replaces the exceptions of {@code year}: with {@code If-Match} for a year that has a calendar,
     * without it for a new one.
     */
    @Transactional
    public Versioned<Year> replace(int year, String ifMatch, YearUpdate request) {
        CurrentUser.Resolved user = access.check(Operation.MANAGE_REFERENCE_DATA);
        validator.validate(request);
        calendars.lock(year);
        Optional<Long> current = calendars.version(year);
        if (current.isPresent()) {
            ETags.requireMatch(ifMatch, current.get());
        } else if (ifMatch != null) {
            throw new ApiException.PreconditionFailed("There is no calendar for " + year + " yet; create it without If-Match.");
        }
        Violations problems = new Violations();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < request.days().size(); i++) {
            Day day = request.days().get(i);
            String field = "days[" + i + "].date";
            boolean weekend = day.date().getDayOfWeek() == DayOfWeek.SATURDAY || day.date().getDayOfWeek() == DayOfWeek.SUNDAY;
            if (day.date().getYear() != year) {
                problems.add(field, "must fall in " + year);
            } else if (!seen.add(day.date())) {
                problems.add(field, "is listed twice");
            } else if (day.kind() == Kind.HOLIDAY && weekend) {
                problems.add(field, "is a weekend day already; give the compensatory day off instead");
            } else if (day.kind() == Kind.WORKING_WEEKEND && !weekend) {
                problems.add(field, "a working weekend day must be a Saturday or Sunday");
            }
        }
        problems.failIfAny("The calendar has invalid days.");
        Year before = current.isPresent() ? new Year(year, calendars.days(year)) : null;
        calendars.replace(year, request.days().stream()
                .map(d -> new Day(d.date(), d.kind(), Texts.clean(d.name()), d.confirmed() == null || d.confirmed())).toList(),
                clock.instant(), user.username());
        Year after = new Year(year, calendars.days(year));
        audit.record(before == null ? "CREATE" : "UPDATE", "calendar", String.valueOf(year), null, before, after);
        changed.fire(new Changed(year));
        return new Versioned<>(after, calendars.version(year).orElseThrow());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return new WorkingDays(calendars.exceptions(start, WorkingDays.horizon(start, n))).addWorkingDays(start, n);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingDays forStarts(LocalDate first, LocalDate last, int n) {
        return new WorkingDays(calendars.exceptions(first, WorkingDays.horizon(last, n)));
    }
}
