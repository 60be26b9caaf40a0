package vn.baovetreem.prevention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.Edits;
import vn.baovetreem.children.Child;
import vn.baovetreem.children.ChildRef;
import vn.baovetreem.children.ChildRepository;
import vn.baovetreem.children.ChildStatus;
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
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.prevention.HouseholdRepository.AssessmentRow;
import vn.baovetreem.prevention.HouseholdRequests.Assessment;
import vn.baovetreem.prevention.HouseholdRequests.HouseholdDetails;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Scope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Households with children and their yearly safe-home assessments. Village users keep the
 * households of their village, commune users those of their subtree, district users read. An
 * assessment records only which criteria were found met; whether the home is safe is computed
 * (QĐ 548: enough criteria, every mandatory one, no child of the household injured at home that
 * year) each time it is read, so an injury reported later changes the result of its year.
 */
@ApplicationScoped
public class HouseholdService {

    static final String RECORD_TYPE = "household";
    private static final String LIST = "households";

    private final HouseholdRepository households;
    private final SafeHomeChecklist checklist;
    private final ChildRepository children;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Edits edits;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final ObjectMapper mapper;
    private final Clock clock;

    HouseholdService(HouseholdRepository households, SafeHomeChecklist checklist, ChildRepository children, UnitDirectory units,
                     AccessPolicy access, AuditTrail audit, Edits edits, RequestValidator validator, PagingConfig paging, ObjectMapper mapper,
                     Clock clock) {
        this.households = households;
        this.checklist = checklist;
        this.children = children;
        this.units = units;
        this.access = access;
        this.audit = audit;
        this.edits = edits;
        this.validator = validator;
        this.paging = paging;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Schema {@code SafeHomeResult}: computed, never entered. */
    public record Result(boolean safe, int criteriaMet, int minimumMet, List<String> mandatoryMissing, int injuriesAtHome,
                         boolean provisional) {
    }

    /** Schema {@code SafeHomeAssessment}. */
    public record AssessmentView(UUID householdId, int year, String checklistVersion, LocalDate assessedOn, String assessor,
                                 List<String> criteriaMet, String note, Result result, Instant recordedAt, String recordedBy) {

        static AssessmentView of(AssessmentRow r) {
            return new AssessmentView(r.householdId(), r.year(), r.checklistVersion(), r.assessedOn(), r.assessor(), r.criteriaMet(),
                    r.note(), new Result(r.safe(), r.metCount(), r.minimumMet(), r.mandatoryMissing(), r.injuriesAtHome(),
                    r.provisional()), r.recordedAt(), r.recordedBy());
        }
    }

    /** Schema {@code Household}. */
    public record HouseholdView(UUID id, String villageCode, String villageName, String headName, String address, String note,
                                List<ChildRef> children, AssessmentView latestAssessment, Instant createdAt, String createdBy,
                                Instant updatedAt) {
    }

    @Transactional
    public Versioned<HouseholdView> create(HouseholdDetails request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_PREVENTION);
        validator.validate(request);
        Checked checked = check(request, null, user.scope());
        Household household = Household.register(user.username(), clock.instant());
        household.describe(checked.details(), checked.unitPath(), clock.instant());
        households.persistAndFlush(household);
        households.replaceMembers(household.id(), checked.details().childIds());
        HouseholdView after = views(List.of(household)).getFirst();
        audit.record("CREATE", RECORD_TYPE, household.id().toString(), household.unitPath(), null, after);
        return new Versioned<>(after, household.version());
    }

    @Transactional
    public Versioned<HouseholdView> get(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.READ_PREVENTION);
        Household household = households.findInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        return new Versioned<>(views(List.of(household)).getFirst(), household.version());
    }

    /** Merge patch of the village, head, address, note and the children living there. */
    @Transactional
    public Versioned<HouseholdView> patch(UUID id, String ifMatch, JsonNode patch) throws JsonProcessingException {
        CurrentUser.Resolved user = access.check(Operation.WRITE_PREVENTION);
        Household household = households.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, household.version());
        HouseholdView before = views(List.of(household)).getFirst();
        HouseholdDetails current = new HouseholdDetails(household.villageCode(), household.headName(), household.address(),
                household.note(), before.children().stream().map(ChildRef::id).toList());
        HouseholdDetails details = edits.patched(current, patch, HouseholdDetails.class);
        Checked checked = check(details, id, user.scope());
        household.describe(checked.details(), checked.unitPath(), clock.instant());
        households.replaceMembers(id, checked.details().childIds());
        households.flush();
        HouseholdView after = views(List.of(household)).getFirst();
        audit.record("UPDATE", RECORD_TYPE, id.toString(), household.unitPath(), before, after);
        return new Versioned<>(after, household.version());
    }

    /** Query of the register as the resource parsed it. */
    public record ListQuery(String unitCode, String villageCode, UUID childId, Integer year, Boolean safe, Integer notAssessedIn) {
    }

    @Transactional
    public Page<HouseholdView> list(ListQuery q, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_PREVENTION);
        if (q.safe() != null && q.year() == null) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "safe", "safe is given together with year.");
        }
        String fingerprint = q.toString();
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, LIST, fingerprint), paging);
        HouseholdRepository.Filter filter = new HouseholdRepository.Filter(units.subtreesOfParameter(q.unitCode()), q.villageCode(),
                q.childId(), q.year(), q.safe(), q.notAssessedIn());
        List<UUID> ids = households.pageOfIds(filter, user.scope(), zone(), page.keyset(key -> key), page.size() + 1);
        Page<Household> rows = Page.fromOverfetch(households.findAllInOrder(ids), page.size(),
                last -> PageToken.encode(LIST, fingerprint, PageRequest.Keyset.of(last.villageCode(), last.id())));
        return new Page<>(views(rows.items()), rows.nextPageToken());
    }

    /** Every assessment of a household, latest year first. */
    @Transactional
    public List<AssessmentView> assessments(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.READ_PREVENTION);
        households.findInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        return households.assessments(id, zone()).stream().map(AssessmentView::of).toList();
    }

    @Transactional
    public Versioned<AssessmentView> assessment(UUID id, int year) {
        CurrentUser.Resolved user = access.check(Operation.READ_PREVENTION);
        households.findInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        AssessmentRow row = households.assessment(id, year, zone())
                .orElseThrow(() -> new ApiException.NotFound("Safe-home assessment", id + "/" + year));
        return new Versioned<>(AssessmentView.of(row), row.version());
    }

    /** What {@link #assess} did: whether it created the year's assessment or replaced it. */
    public record Assessed(Versioned<AssessmentView> assessment, boolean created) {
    }

    /**
     * Records the year's assessment against the current checklist, or replaces it ({@code If-Match}
     * then required): the day (in that year, not in the future), the assessor and the criteria met.
     */
    @Transactional
    public Assessed assess(UUID id, int year, String ifMatch, Assessment request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_PREVENTION);
        validator.validate(request);
        Household household = households.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        SafeHomeChecklist.Checklist current = checklist.current();
        Violations problems = new Violations();
        if (request.assessedOn().getYear() != year || request.assessedOn().isAfter(LocalDate.now(clock))) {
            problems.add("assessedOn", "must be a day of " + year + ", not in the future");
        }
        Map<String, SafeHomeChecklist.Criterion> known = current.byCode();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.criteriaMet().size(); i++) {
            String code = request.criteriaMet().get(i);
            if (!known.containsKey(code)) {
                problems.add("criteriaMet[" + i + "]", "is not a criterion of checklist " + current.version());
            } else if (!seen.add(code)) {
                problems.add("criteriaMet[" + i + "]", "is listed twice");
            }
        }
        problems.failIfAny("The assessment has invalid values.");
        Assessment clean = new Assessment(request.assessedOn(), Texts.clean(request.assessor()),
                current.criteria().stream().map(SafeHomeChecklist.Criterion::code).filter(seen::contains).toList(),
                Texts.clean(request.note()));
        AssessmentView before = households.assessment(id, year, zone()).map(existing -> {
            ETags.requireMatch(ifMatch, existing.version());
            return AssessmentView.of(existing);
        }).orElse(null);
        if (before == null) {
            households.insertAssessment(id, year, current.version(), clean, user.username(), clock.instant());
        } else {
            households.replaceAssessment(id, year, current.version(), clean, user.username(), clock.instant());
        }
        AssessmentRow after = households.assessment(id, year, zone()).orElseThrow();
        audit.record("ASSESS", RECORD_TYPE, id.toString(), household.unitPath(), before, AssessmentView.of(after));
        return new Assessed(new Versioned<>(AssessmentView.of(after), after.version()), before == null);
    }

    /** Views with children and the latest assessment, in a constant number of queries. */
    List<HouseholdView> views(List<Household> page) {
        List<UUID> ids = page.stream().map(Household::id).toList();
        Map<UUID, List<UUID>> members = households.members(ids);
        Map<UUID, AssessmentRow> latest = households.latestAssessments(ids, zone());
        List<Child> kids = children.findAllInOrder(members.values().stream().flatMap(List::stream).toList());
        Map<UUID, Child> byId = new HashMap<>();
        kids.forEach(k -> byId.put(k.id(), k));
        Set<String> villageCodes = new HashSet<>(page.stream().map(Household::villageCode).toList());
        kids.forEach(k -> villageCodes.add(k.villageCode()));
        Map<String, UnitDirectory.UnitSummary> villages = units.findAll(villageCodes);
        return page.stream().map(h -> {
            List<ChildRef> refs = members.getOrDefault(h.id(), List.of()).stream().map(byId::get)
                    .map(k -> ChildRef.of(k, villages.get(k.villageCode()))).toList();
            UnitDirectory.UnitSummary village = villages.get(h.villageCode());
            AssessmentRow last = latest.get(h.id());
            return new HouseholdView(h.id(), h.villageCode(), village == null ? null : village.name(), h.headName(), h.address(),
                    h.note(), refs, last == null ? null : AssessmentView.of(last), h.createdAt(), h.createdBy(), h.updatedAt());
        }).toList();
    }

    private record Checked(HouseholdDetails details, String unitPath) {
    }

    /**
     * A village in force today in the caller's area, and children of that village in the caller's
     * area, each listed once and not living in another household.
     */
    private Checked check(HouseholdDetails d, UUID self, Scope scope) {
        Violations problems = new Violations();
        String unitPath = units.villageInForce(d.villageCode(), LocalDate.now(clock)).filter(u -> scope.contains(u.path()))
                .map(UnitDirectory.UnitSummary::path).orElse(null);
        if (unitPath == null) {
            problems.add("villageCode", "must be the code of a village in force today in your area");
        }
        if (d.childIds().isEmpty()) {
            problems.add("childIds", "a household here has at least one child");
        }
        List<Child> found = children.findAllInOrder(d.childIds());
        Map<UUID, UUID> elsewhere = households.householdsOf(d.childIds());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < d.childIds().size(); i++) {
            String field = "childIds[" + i + "]";
            Child child = found.get(i);
            UUID other = elsewhere.get(d.childIds().get(i));
            if (child == null || !scope.contains(child.unitPath())) {
                problems.add(field, "is not a child in your area");
            } else if (child.status() == ChildStatus.MERGED) {
                problems.add(field, "was merged into another record; use that one");
            } else if (!child.villageCode().equals(d.villageCode())) {
                problems.add(field, "lives in another village according to the child's record");
            } else if (!seen.add(child.id())) {
                problems.add(field, "is listed twice");
            } else if (other != null && !other.equals(self)) {
                problems.add(field, "lives in household " + other + " already; change that household first");
            }
        }
        problems.failIfAny("The household has invalid values.");
        return new Checked(new HouseholdDetails(d.villageCode(), Texts.clean(d.headName()), Texts.clean(d.address()),
                Texts.clean(d.note()), List.copyOf(d.childIds())), unitPath);
    }

    private static ApiException notFound(UUID id) {
        return new ApiException.NotFound("Household", id.toString());
    }

    private String zone() {
        return clock.getZone().getId();
    }
}
