package vn.baovetreem.reports;

import vn.baovetreem.common.persistence.RecordLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting periods of a year: the 6-month report (due 10 May, data to 30 April) and the
 * annual report (due 10 November, data to 31 October) unless an admin configured the year
 * otherwise. A period is named like an indicator period: {@code 2024-H1} for the 6-month report,
 * {@code 2024} for the annual one.
 */
@ApplicationScoped
public class ReportingPeriods {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})(-H1)?");

    public enum Kind { SIX_MONTH, ANNUAL }

    /** Schema {@code ReportingPeriod}: the data from {@code startsOn} to {@code cutOff}, due on {@code dueOn}. */
    public record ReportingPeriod(int year, Kind kind, String label, LocalDate startsOn, LocalDate cutOff, LocalDate dueOn,
                                  boolean configured) {
    }

    /** Schema {@code ReportingPeriodList}. */
    public record YearView(int year, List<ReportingPeriod> items) {
    }

    public record PeriodInput(@NotNull Kind kind, @NotNull LocalDate startsOn, @NotNull LocalDate cutOff, @NotNull LocalDate dueOn) {
    }

    /** Schema {@code ReportingPeriodsInput}: the periods an admin sets for a year; a kind left out keeps its default. */
    public record YearInput(@NotNull @Size(min = 1, max = 2) List<@Valid @NotNull PeriodInput> items) {
    }

    private final EntityManager em;
    private final ReportRepository reports;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final Clock clock;

    ReportingPeriods(EntityManager em, ReportRepository reports, AccessPolicy access, AuditTrail audit, RequestValidator validator, Clock clock) {
        this.em = em;
        this.reports = reports;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public YearView read(int year) {
        access.check(Operation.READ_CODE_LISTS);
        return new YearView(year, List.copyOf(of(year).values()));
    }

    /** Replaces the configured periods of a year (admin). */
    @Transactional
    public YearView replace(int year, YearInput input) {
        CurrentUser.Resolved user = access.check(Operation.MANAGE_REFERENCE_DATA);
        validator.validate(input);
        Violations problems = new Violations();
        Set<Kind> seen = new HashSet<>();
        for (int i = 0; i < input.items().size(); i++) {
            PeriodInput p = input.items().get(i);
            String at = "items[" + i + "]";
            if (!seen.add(p.kind())) {
                problems.add(at + ".kind", "is listed twice");
            }
            if (p.startsOn().getYear() != year || p.cutOff().getYear() != year) {
                problems.add(at + ".cutOff", "the data of a period lie in its year");
            }
            if (p.cutOff().isBefore(p.startsOn())) {
                problems.add(at + ".cutOff", "must not be before startsOn");
            }
            if (!p.dueOn().isAfter(p.cutOff()) || p.dueOn().isAfter(LocalDate.of(year + 1, 3, 31))) {
                problems.add(at + ".dueOn", "must be after the cut-off and no later than 31 March of the next year");
            }
        }
        problems.failIfAny("The reporting periods have invalid values.");
        RecordLocks.lock(em, "reporting-periods", String.valueOf(year));
        YearView before = new YearView(year, List.copyOf(of(year).values()));
        reports.replacePeriods(year, input.items().stream().map(p -> new ReportingPeriod(year, p.kind(), label(year, p.kind()),
                p.startsOn(), p.cutOff(), p.dueOn(), true)).toList(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                user.username());
        YearView after = new YearView(year, List.copyOf(of(year).values()));
        audit.record("UPDATE", "reporting-periods", String.valueOf(year), null, before, after);
        return after;
    }

    /** The period a label names ({@code 2024-H1} or {@code 2024}), or 400. */
    ReportingPeriod named(String label) {
        Matcher m = label == null ? null : LABEL.matcher(label);
        if (m == null || !m.matches()) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "period",
                    "period is 2024-H1 (the 6-month report) or 2024 (the annual report).");
        }
        return of(Integer.parseInt(m.group(1))).get(m.group(2) == null ? Kind.ANNUAL : Kind.SIX_MONTH);
    }

    ReportingPeriod of(int year, Kind kind) {
        return of(year).get(kind);
    }

    /** Both periods of a year, configured or by default. */
    private Map<Kind, ReportingPeriod> of(int year) {
        Map<Kind, ReportingPeriod> periods = new EnumMap<>(Kind.class);
        periods.put(Kind.SIX_MONTH, new ReportingPeriod(year, Kind.SIX_MONTH, label(year, Kind.SIX_MONTH), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 4, 30), LocalDate.of(year, 5, 10), false));
        periods.put(Kind.ANNUAL, new ReportingPeriod(year, Kind.ANNUAL, label(year, Kind.ANNUAL), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 10), false));
        reports.configuredPeriods(year).forEach(p -> periods.put(p.kind(), p));
        return periods;
    }

    static String label(int year, Kind kind) {
        return kind == Kind.SIX_MONTH ? year + "-H1" : String.valueOf(year);
    }
}
