package vn.baovetreem.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.Edits;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.common.persistence.TimeOrderedIds;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.indicators.IndicatorCatalogue;
import vn.baovetreem.plans.PlanRepository.ReportedValue;
import vn.baovetreem.plans.PlanRequests.Filter;
import vn.baovetreem.plans.PlanRequests.ManualValue;
import vn.baovetreem.plans.PlanRequests.Measure;
import vn.baovetreem.plans.PlanRequests.MeasureKind;
import vn.baovetreem.plans.PlanRequests.NewPlan;
import vn.baovetreem.plans.PlanRequests.PlanDetails;
import vn.baovetreem.plans.PlanRequests.PlanStatus;
import vn.baovetreem.plans.PlanRequests.TargetDetails;
import vn.baovetreem.plans.PlanRequests.TargetUnit;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Commune plans and their targets. Commune users write their commune's plan; district users set
 * targets on the plans of communes below them, which the commune can neither change nor delete;
 * villages read their commune's plan.
 */
@ApplicationScoped
public class PlanService {

    static final String RECORD_TYPE = "plan";
    private static final String LIST = "plans";

    private final PlanRepository plans;
    private final IndicatorCatalogue catalogue;
    private final CodeListCatalog codes;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Edits edits;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final ObjectMapper mapper;
    private final Clock clock;

    PlanService(PlanRepository plans, IndicatorCatalogue catalogue, CodeListCatalog codes, UnitDirectory units, AccessPolicy access,
                AuditTrail audit, Edits edits, RequestValidator validator, PagingConfig paging, ObjectMapper mapper, Clock clock) {
        this.plans = plans;
        this.catalogue = catalogue;
        this.codes = codes;
        this.units = units;
        this.access = access;
        this.audit = audit;
        this.edits = edits;
        this.validator = validator;
        this.paging = paging;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Schema {@code Plan}. */
    public record PlanView(UUID id, String communeCode, String communeName, int year, String documentNumber, String title,
                           LocalDate adoptedOn, PlanStatus status, String note, Instant createdAt, String createdBy,
                           Instant updatedAt) {
    }

    /** Schema {@code TargetValue}. */
    public record ValueView(UUID id, LocalDate reportedOn, BigDecimal value, String evidence, String reporter, Instant recordedAt,
                            String recordedBy) {

        static ValueView of(ReportedValue v) {
            return new ValueView(v.id(), v.reportedOn(), amount(v.value()), v.evidence(), v.reporter(), v.recordedAt(), v.recordedBy());
        }
    }

    /** Schema {@code Target}. */
    public record TargetView(UUID id, UUID planId, int position, String description, Measure measure, BigDecimal targetValue,
                             TargetUnit unit, PlanRequests.Comparison comparison, boolean setByDistrict, List<ValueView> values,
                             Instant createdAt, String createdBy, Instant updatedAt) {
    }

    @Transactional
    public Versioned<PlanView> create(NewPlan request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_PLANS);
        validator.validate(request);
        UnitDirectory.UnitSummary commune = units.find(request.communeCode())
                .filter(u -> u.level() == UnitLevel.COMMUNE && user.scope().contains(u.path())
                        && (u.isValidOn(LocalDate.of(request.year(), 1, 1)) || u.isValidOn(LocalDate.of(request.year(), 12, 31))))
                .orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "communeCode",
                        "communeCode must be a commune in your area in force during the plan's year."));
        plans.findByCommuneAndYear(commune.code(), request.year()).ifPresent(existing -> {
            throw new ApiException.Conflict(ProblemCode.PLAN_EXISTS, "The commune has a plan for " + request.year() + " already.",
                    existing.id().toString());
        });
        Plan plan = Plan.draft(commune.code(), commune.path(), request.year(), user.username(), clock.instant());
        plan.describe(clean(new PlanDetails(request.documentNumber(), request.title(), request.adoptedOn(), PlanStatus.DRAFT,
                request.note())), clock.instant());
        plans.persistAndFlush(plan);
        PlanView after = view(plan);
        audit.record("CREATE", RECORD_TYPE, plan.id().toString(), plan.unitPath(), null, after);
        return new Versioned<>(after, plan.version());
    }

    @Transactional
    public Versioned<PlanView> get(UUID id) {
        Plan plan = readable(id);
        return new Versioned<>(view(plan), plan.version());
    }

    /** Merge patch of the number, title, adoption date, status (forward only) and note. */
    @Transactional
    public Versioned<PlanView> patch(UUID id, String ifMatch, JsonNode patch) throws JsonProcessingException {
        CurrentUser.Resolved user = access.check(Operation.WRITE_PLANS);
        Plan plan = plans.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, plan.version());
        PlanDetails details = edits.patched(plan.details(), patch, PlanDetails.class);
        if (details.status().ordinal() < plan.status().ordinal()) {
            throw ApiException.Conflict.invalidTransition(plan.status().name(), details.status(),
                    List.of(PlanStatus.values()).subList(plan.status().ordinal(), PlanStatus.values().length));
        }
        if (details.status() != PlanStatus.DRAFT && details.adoptedOn() == null) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "adoptedOn", "An adopted plan has the day it was adopted.");
        }
        return edits.update(RECORD_TYPE, plan, this::view, p -> p.describe(clean(details), clock.instant()));
    }

    /** Query of the list as the resource parsed it. */
    public record ListQuery(String unitCode, Integer year, PlanStatus status) {
    }

    @Transactional
    public Page<PlanView> list(ListQuery q, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_PLANS);
        String fingerprint = q.toString();
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, LIST, fingerprint), paging);
        List<UUID> ids = plans.pageOfIds(new PlanRepository.Filter(units.subtreesOfParameter(q.unitCode()), q.year(), q.status()),
                user.scope(), page.keyset(Integer::valueOf), page.size() + 1);
        Page<Plan> rows = Page.fromOverfetch(plans.findAllInOrder(ids), page.size(),
                last -> PageToken.encode(LIST, fingerprint, PageRequest.Keyset.of(last.year(), last.id())));
        return new Page<>(rows.items().stream().map(this::view).toList(), rows.nextPageToken());
    }

    // --- Targets ---

    @Transactional
    public List<TargetView> targets(UUID planId) {
        Plan plan = readable(planId);
        return targetViews(plans.targets(plan.id()));
    }

    @Transactional
    public Versioned<TargetView> target(UUID planId, UUID targetId) {
        Plan plan = readable(planId);
        PlanTarget target = plans.findTarget(plan.id(), targetId).orElseThrow(() -> targetNotFound(targetId));
        return new Versioned<>(targetViews(List.of(target)).getFirst(), target.version());
    }

    /** A commune user adds a target to their commune's plan, a district user to the plan of a commune below. */
    @Transactional
    public Versioned<TargetView> addTarget(UUID planId, TargetDetails request) {
        Actor actor = actor();
        validator.validate(request);
        Plan plan = plans.lockInScope(planId, actor.user().scope()).orElseThrow(() -> notFound(planId));
        requireOpen(plan);
        TargetDetails details = checkTarget(request);
        PlanTarget target = PlanTarget.of(plan.id(), actor.district(), actor.user().username(), clock.instant());
        target.describe(details, details.position() != null ? details.position() : plans.nextPosition(plan.id()), clock.instant());
        plans.persistTarget(target);
        TargetView after = targetViews(List.of(target)).getFirst();
        audit.record("ADD_TARGET", RECORD_TYPE, plan.id().toString(), plan.unitPath(), null, after);
        return new Versioned<>(after, target.version());
    }

    @Transactional
    public Versioned<TargetView> patchTarget(UUID planId, UUID targetId, String ifMatch, JsonNode patch) throws JsonProcessingException {
        Owned owned = owned(planId, targetId, ifMatch);
        Plan plan = owned.plan();
        PlanTarget target = owned.target();
        TargetDetails checked = checkTarget(edits.patched(target.details(), patch, TargetDetails.class));
        return edits.update(new Edits.AuditedAs("UPDATE_TARGET", RECORD_TYPE, plan.id().toString(), plan.unitPath()), target,
                t -> targetViews(List.of(t)).getFirst(), t -> t.describe(checked, checked.position(), clock.instant()));
    }

    /** Removes a target from the plan (the row stays for reports that cite it). */
    @Transactional
    public void deleteTarget(UUID planId, UUID targetId, String ifMatch) {
        Owned owned = owned(planId, targetId, ifMatch);
        Plan plan = owned.plan();
        PlanTarget target = owned.target();
        TargetView before = targetViews(List.of(target)).getFirst();
        target.delete(clock.instant());
        plans.flush();
        audit.record("DELETE_TARGET", RECORD_TYPE, plan.id().toString(), plan.unitPath(), before, null);
    }

    private record Owned(Plan plan, PlanTarget target) {
    }

    /** A target of an open plan locked for a change by the level that set it, at the version the caller read. */
    private Owned owned(UUID planId, UUID targetId, String ifMatch) {
        Actor actor = actor();
        Plan plan = plans.lockInScope(planId, actor.user().scope()).orElseThrow(() -> notFound(planId));
        PlanTarget target = plans.lockTarget(plan.id(), targetId).orElseThrow(() -> targetNotFound(targetId));
        ETags.requireMatch(ifMatch, target.version());
        requireOpen(plan);
        actor.requireOwner(target);
        return new Owned(plan, target);
    }

    /** Records a value for a manual target: the commune reports, with the evidence behind it. */
    @Transactional
    public ValueView reportValue(UUID planId, UUID targetId, ManualValue request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_PLANS);
        validator.validate(request);
        Plan plan = plans.lockInScope(planId, user.scope()).orElseThrow(() -> notFound(planId));
        PlanTarget target = plans.lockTarget(plan.id(), targetId).orElseThrow(() -> targetNotFound(targetId));
        Violations problems = new Violations();
        if (target.measureKind() != MeasureKind.MANUAL) {
            throw new ApiException.Conflict(ProblemCode.NOT_A_MANUAL_TARGET, "The target is measured by the indicator "
                    + target.indicatorKey() + "; values are computed, not reported.");
        }
        if (request.reportedOn().isAfter(LocalDate.now(clock))) {
            problems.add("reportedOn", "must not be in the future");
        }
        if (target.unit() == TargetUnit.YES_NO && request.value().signum() != 0 && request.value().compareTo(BigDecimal.ONE) != 0) {
            problems.add("value", "a yes/no target takes 1 (yes) or 0 (no)");
        }
        problems.failIfAny("The target has invalid values.");
        ReportedValue value = new ReportedValue(TimeOrderedIds.next(), target.id(), request.reportedOn(), request.value(),
                Texts.clean(request.evidence()), Texts.clean(request.reporter()), clock.instant(), user.username());
        plans.addValue(value);
        ValueView view = ValueView.of(value);
        audit.record("REPORT_TARGET_VALUE", RECORD_TYPE, plan.id().toString(), plan.unitPath(), null, view);
        return view;
    }

    /** The plan, when the caller may read it (a village user reads the plan of their commune). */
    Plan readable(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.READ_PLANS);
        return plans.findReachable(id, user.scope()).orElseThrow(() -> notFound(id));
    }

    PlanView view(Plan plan) {
        UnitDirectory.UnitSummary commune = units.find(plan.communeCode()).orElse(null);
        return new PlanView(plan.id(), plan.communeCode(), commune == null ? null : commune.name(), plan.year(), plan.documentNumber(),
                plan.title(), plan.adoptedOn(), plan.status(), plan.note(), plan.createdAt(), plan.createdBy(), plan.updatedAt());
    }

    private List<TargetView> targetViews(List<PlanTarget> targets) {
        Map<UUID, List<ReportedValue>> values = plans.values(targets.stream().map(PlanTarget::id).toList(), null);
        return targets.stream().map(t -> new TargetView(t.id(), t.planId(), t.position(), t.description(), t.measure(),
                amount(t.targetValue()), t.unit(), t.comparison(), t.setByDistrict(),
                t.measureKind() == MeasureKind.MANUAL ? values.getOrDefault(t.id(), List.of()).stream().map(ValueView::of).toList() : null,
                t.createdAt(), t.createdBy(), t.updatedAt())).toList();
    }

    /** Who acts on a target: the commune (its own targets) or the district above (the targets it set). */
    private record Actor(CurrentUser.Resolved user, boolean district) {

        void requireOwner(PlanTarget target) {
            if (target.setByDistrict() != district) {
                throw new ApiException.Forbidden(target.setByDistrict() ? ProblemCode.TARGET_SET_BY_DISTRICT : ProblemCode.TARGET_SET_BY_COMMUNE,
                        target.setByDistrict() ? "The district set this target; only district users change or remove it."
                                : "The commune set this target; only the commune changes or removes it.");
            }
        }
    }

    private Actor actor() {
        CurrentUser.Resolved user = access.check(Operation.READ_PLANS);
        if (access.allows(Operation.WRITE_PLANS)) {
            return new Actor(user, false);
        }
        if (access.allows(Operation.SET_COMMUNE_TARGETS)) {
            return new Actor(user, true);
        }
        throw new ApiException.Forbidden(ProblemCode.ROLE_NOT_ALLOWED, "Your role does not allow the operation " + Operation.WRITE_PLANS + ".");
    }

    /**
     * An indicator measure names a computable indicator of the catalogue whose kind fits the unit
     * (a percentage for PERCENT, a count for COUNT or YES_NO), and a filter names one of its
     * disaggregations and a category of it; a manual measure names neither.
     */
    private TargetDetails checkTarget(TargetDetails d) {
        Violations problems = new Violations();
        Measure m = d.measure();
        if (m.kind() == MeasureKind.MANUAL) {
            if (m.indicatorKey() != null || m.filter() != null) {
                problems.add("measure", "a manual measure names no indicator and no filter");
            }
        } else {
            IndicatorCatalogue.Indicator indicator = m.indicatorKey() == null ? null
                    : catalogue.find(m.indicatorKey()).filter(IndicatorCatalogue.Indicator::computable).orElse(null);
            if (indicator == null) {
                problems.add("measure.indicatorKey", "must be the key of an indicator this service computes (see /indicators)");
            } else {
                Set<TargetUnit> fits = switch (indicator.kind()) {
                    case PERCENT -> Set.of(TargetUnit.PERCENT);
                    case COUNT -> Set.of(TargetUnit.COUNT, TargetUnit.YES_NO);
                    case RATE_PER_100000 -> Set.of();
                };
                if (!fits.contains(d.unit())) {
                    problems.add("unit", "does not fit the indicator, whose values are " + indicator.kind());
                }
                if (m.filter() != null) {
                    checkFilter(indicator, m.filter(), problems);
                }
            }
        }
        if (d.unit() == TargetUnit.PERCENT && (d.targetValue().signum() < 0 || d.targetValue().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add("targetValue", "a percentage lies between 0 and 100");
        }
        if (d.unit() == TargetUnit.YES_NO && d.targetValue().signum() != 0 && d.targetValue().compareTo(BigDecimal.ONE) != 0) {
            problems.add("targetValue", "a yes/no target is 1 (yes) or 0 (no)");
        }
        problems.failIfAny("The target has invalid values.");
        return new TargetDetails(Texts.clean(d.description()), m, d.targetValue(), d.unit(), d.comparison(), d.position());
    }

    private void checkFilter(IndicatorCatalogue.Indicator indicator, Filter filter, Violations problems) {
        String field = "measure.filter.category";
        if (!indicator.disaggregations().contains(filter.disaggregation())) {
            problems.add("measure.filter.disaggregation", "must be one of " + indicator.disaggregations());
            return;
        }
        if (filter.disaggregation().equals("AGE_BAND")) {
            if (indicator.ageBands().stream().noneMatch(b -> b.code().equals(filter.category()))) {
                problems.add(field, "must be one of the indicator's age bands");
            }
            return;
        }
        catalogue.disaggregations().stream().filter(x -> x.code().equals(filter.disaggregation())).findFirst().ifPresent(x -> {
            if (x.codeList() != null) {
                codes.checkCode(problems, field, x.codeList(), filter.category());
            } else if (x.categories() != null && !x.categories().contains(filter.category())) {
                problems.add(field, "must be one of " + x.categories());
            }
        });
    }

    /** An amount as written, whatever scale the database keeps it in: 20000000, not 2.0E+7 or 20000000.00. */
    static BigDecimal amount(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    private static void requireOpen(Plan plan) {
        if (plan.status() == PlanStatus.CLOSED) {
            throw new ApiException.Conflict(ProblemCode.PLAN_CLOSED, "The plan is closed; its targets no longer change.");
        }
    }

    private static PlanDetails clean(PlanDetails d) {
        return new PlanDetails(Texts.clean(d.documentNumber()), Texts.clean(d.title()), d.adoptedOn(), d.status(), Texts.clean(d.note()));
    }

    private static ApiException notFound(UUID id) {
        return new ApiException.NotFound("Plan", id.toString());
    }

    private static ApiException targetNotFound(UUID id) {
        return new ApiException.NotFound("Target", id.toString());
    }
}
