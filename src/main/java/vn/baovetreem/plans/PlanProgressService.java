package vn.baovetreem.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.indicators.IndicatorService;
import vn.baovetreem.indicators.Period;
import vn.baovetreem.plans.PlanRepository.ReportedValue;
import vn.baovetreem.plans.PlanRequests.Comparison;
import vn.baovetreem.plans.PlanRequests.Filter;
import vn.baovetreem.plans.PlanRequests.Measure;
import vn.baovetreem.plans.PlanRequests.MeasureKind;
import vn.baovetreem.plans.PlanRequests.PlanStatus;
import vn.baovetreem.plans.PlanRequests.TargetUnit;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where each target of a plan stands: its value computed from live data (the indicator for the
 * plan's commune over the period) or the latest value reported for it, against the target.
 */
@ApplicationScoped
public class PlanProgressService {

    /** The most plans the side-by-side view of a district returns. */
    static final int MAX_PLANS = 500;

    private final PlanRepository plans;
    private final PlanService planService;
    private final IndicatorService indicators;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final Clock clock;

    PlanProgressService(PlanRepository plans, PlanService planService, IndicatorService indicators, UnitDirectory units,
                        AccessPolicy access, Clock clock) {
        this.plans = plans;
        this.planService = planService;
        this.indicators = indicators;
        this.units = units;
        this.access = access;
        this.clock = clock;
    }

    public enum Status { MET, ON_TRACK, AT_RISK, NOT_MET, NO_DATA }

    /** Schema {@code TargetProgress}. */
    public record TargetProgress(UUID targetId, int position, String description, Measure measure, BigDecimal targetValue,
                                 TargetUnit unit, Comparison comparison, boolean setByDistrict, BigDecimal value, Long numerator,
                                 Long denominator, LocalDate reportedOn, Status status) {
    }

    /** Schema {@code PlanProgress}. */
    public record Progress(PlanService.PlanView plan, LocalDate from, LocalDate to, List<TargetProgress> targets) {
    }

    /** The progress of one plan up to {@code asOf} (default today, within the plan's year), or over {@code period}. */
    @Transactional
    public Progress progress(UUID planId, LocalDate asOf, String period) {
        Plan plan = planService.readable(planId);
        return of(plan, window(plan.year(), asOf, period));
    }

    /** Schema {@code PlanProgressList}: the plans of a year of every commune under a unit, side by side. */
    public record ProgressList(int year, List<Progress> items) {
    }

    @Transactional
    public ProgressList progressBelow(String unitCode, int year, LocalDate asOf) {
        CurrentUser.Resolved user = access.check(Operation.READ_PLANS);
        if (unitCode == null) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "unit", "unit is required.");
        }
        Period window = window(year, asOf, null);
        List<Progress> items = plans.plansOfYear(units.subtreesOfParameter(unitCode), user.scope(), year, MAX_PLANS).stream()
                .map(p -> of(p, window)).toList();
        return new ProgressList(year, items);
    }

    /** The progress of a commune's plan for {@code year} over {@code window}, when it has one: a report's snapshot. */
    public Optional<Progress> ofCommune(String communeCode, int year, Period window) {
        return plans.findByCommuneAndYear(communeCode, year).map(p -> of(p, window));
    }

    /** The progress of {@code plan} over {@code window}; the caller has already been allowed to read the plan. */
    Progress of(Plan plan, Period window) {
        List<PlanTarget> targets = plans.targets(plan.id());
        Set<String> keys = new LinkedHashSet<>();
        Set<String> by = new LinkedHashSet<>();
        targets.stream().filter(t -> t.measureKind() == MeasureKind.INDICATOR).forEach(t -> {
            keys.add(t.indicatorKey());
            if (t.measure().filter() != null) {
                by.add(t.measure().filter().disaggregation());
            }
        });
        IndicatorService.Values values = keys.isEmpty() ? null : indicators.valuesOnBehalf(
                new IndicatorService.Query(plan.communeCode(), window, List.copyOf(keys), List.copyOf(by), null));
        Map<UUID, List<ReportedValue>> reported = plans.values(targets.stream().map(PlanTarget::id).toList(), window.to());
        boolean over = plan.status() == PlanStatus.CLOSED || !window.to().isBefore(LocalDate.of(plan.year(), 12, 31));
        double elapsed = (double) (ChronoUnit.DAYS.between(LocalDate.of(plan.year(), 1, 1), window.to()) + 1)
                / LocalDate.of(plan.year(), 1, 1).lengthOfYear();
        List<TargetProgress> rows = targets.stream().map(t -> {
            Measured m = t.measureKind() == MeasureKind.INDICATOR ? measured(t, plan.communeCode(), values)
                    : reported.getOrDefault(t.id(), List.of()).stream().findFirst()
                            .map(v -> new Measured(v.value(), null, null, v.reportedOn())).orElse(Measured.NONE);
            return new TargetProgress(t.id(), t.position(), t.description(), t.measure(), PlanService.amount(t.targetValue()), t.unit(),
                    t.comparison(), t.setByDistrict(), PlanService.amount(m.value()), m.numerator(), m.denominator(), m.reportedOn(),
                    status(t, m.value(), over, elapsed));
        }).toList();
        return new Progress(planService.view(plan), window.from(), window.to(), rows);
    }

    /** The period a plan's progress is measured over: the year up to {@code asOf}, or a named period inside the year. */
    Period window(int year, LocalDate asOf, String period) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        if (period != null) {
            if (asOf != null) {
                throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "period", "Give either asOf or period, not both.");
            }
            Period named = Period.named(period);
            if (named.from().isBefore(start) || named.to().isAfter(end)) {
                throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "period", "period must lie in the plan's year " + year + ".");
            }
            return named;
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        if (day.isBefore(start)) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "asOf", "asOf must not be before the plan's year " + year + ".");
        }
        return Period.between(start, day.isAfter(end) ? end : day);
    }

    private record Measured(BigDecimal value, Long numerator, Long denominator, LocalDate reportedOn) {
        static final Measured NONE = new Measured(null, null, null, null);
    }

    /** The commune's row of the target's indicator (in its filter's category): a percentage's value, a count's numerator. */
    private static Measured measured(PlanTarget t, String communeCode, IndicatorService.Values values) {
        Filter filter = t.measure().filter();
        IndicatorService.Value row = values.indicators().stream().filter(r -> r.key().equals(t.indicatorKey()))
                .flatMap(r -> r.values() == null ? Stream.empty() : r.values().stream())
                .filter(v -> v.unitCode().equals(communeCode)
                        && Objects.equals(v.disaggregation(), filter == null ? null : filter.disaggregation())
                        && Objects.equals(v.category(), filter == null ? null : filter.category()))
                .findFirst().orElse(null);
        if (row == null) {
            // No entity in the filter's category: nothing counted.
            return t.unit() == TargetUnit.PERCENT ? Measured.NONE : new Measured(BigDecimal.ZERO, 0L, null, null);
        }
        BigDecimal value = switch (t.unit()) {
            case PERCENT -> row.value();
            case YES_NO -> row.numerator() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            default -> BigDecimal.valueOf(row.numerator());
        };
        return new Measured(value, row.numerator(), row.denominator(), null);
    }

    /**
     * Met when the comparison holds. Otherwise: not met once the year is over (or the plan closed),
     * or once a count has passed an upper limit (counts only grow); on track while a count or sum
     * is at least its share of the target for the part of the year gone; at risk else.
     */
    static Status status(PlanTarget t, BigDecimal value, boolean over, double elapsed) {
        if (value == null) {
            return Status.NO_DATA;
        }
        int cmp = value.compareTo(t.targetValue());
        boolean cumulative = t.unit() == TargetUnit.COUNT || t.unit() == TargetUnit.VND;
        return switch (t.comparison()) {
            case AT_LEAST -> {
                if (cmp >= 0) {
                    yield Status.MET;
                }
                if (over) {
                    yield Status.NOT_MET;
                }
                BigDecimal expected = t.targetValue().multiply(BigDecimal.valueOf(elapsed)).setScale(2, RoundingMode.HALF_UP);
                yield cumulative && value.compareTo(expected) >= 0 ? Status.ON_TRACK : Status.AT_RISK;
            }
            case AT_MOST -> {
                if (cmp <= 0) {
                    yield over ? Status.MET : Status.ON_TRACK;
                }
                yield over || cumulative ? Status.NOT_MET : Status.AT_RISK;
            }
            case EQUAL -> cmp == 0 ? Status.MET : over ? Status.NOT_MET : Status.AT_RISK;
        };
    }
}
