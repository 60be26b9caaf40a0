package vn.baovetreem.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.Edits;
import vn.baovetreem.cases.CaseAction.Actor;
import vn.baovetreem.cases.CaseRequests.CaseReport;
import vn.baovetreem.cases.CaseRequests.NewNote;
import vn.baovetreem.cases.CaseRequests.PlanDraft;
import vn.baovetreem.cases.CaseRequests.PlanItem;
import vn.baovetreem.cases.CaseRequests.Subject;
import vn.baovetreem.cases.CaseViews.CaseView;
import vn.baovetreem.cases.CaseViews.EventView;
import vn.baovetreem.cases.CaseViews.PlanView;
import vn.baovetreem.children.Child;
import vn.baovetreem.children.ChildRepository;
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
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Use cases of cases: report, read (cut to the caller's {@link Disclosure}), correct the report,
 * move through the workflow ({@link CaseAction}), draft plan versions, add notes and read the
 * timeline. Every change appends to the timeline, refreshes the deadlines and is audited.
 */
@ApplicationScoped
public class CaseService {

    static final String RECORD_TYPE = "case";
    private static final String LIST = "cases";
    /** The audit trail keeps a case's whole state, offering no action. */
    private static final CaseViews.Reader AUDIT = new CaseViews.Reader(Disclosure.FULL, Set.of());

    private final CaseRepository cases;
    private final ChildRepository children;
    private final CaseRules rules;
    private final CaseSteps steps;
    private final CaseViews views;
    private final CaseDeadlines deadlines;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Edits edits;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final ObjectMapper mapper;
    private final Clock clock;

    CaseService(CaseRepository cases, ChildRepository children, CaseRules rules, CaseSteps steps, CaseViews views, CaseDeadlines deadlines,
                UnitDirectory units, AccessPolicy access, AuditTrail audit, Edits edits, RequestValidator validator,
                PagingConfig paging, ObjectMapper mapper, Clock clock) {
        this.cases = cases;
        this.children = children;
        this.rules = rules;
        this.steps = steps;
        this.views = views;
        this.deadlines = deadlines;
        this.units = units;
        this.access = access;
        this.audit = audit;
        this.edits = edits;
        this.validator = validator;
        this.paging = paging;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Records a report about a child of the caller's area; it gets the next number of the child's commune. */
    @Transactional
    public Versioned<CaseView> create(Subject subject, CaseReport report) {
        CurrentUser.Resolved user = access.check(Operation.REPORT_CASE);
        validator.validate(subject);
        validator.validate(report);
        Child child = children.referencedInScope(subject.childId(), user.scope(), "childId");
        CaseReport clean = rules.check(subject.type(), report, child);
        String communeCode = parentCode(child.unitPath());
        int year = LocalDate.ofInstant(clean.receivedAt(), clock.getZone()).getYear();
        String number = "%d-%s-%04d".formatted(year, communeCode, cases.nextNumber(communeCode, year));
        ChildCase c = ChildCase.open(number, child.id(), subject.type(), communeCode, child.unitPath(), user.username(), clock.instant());
        c.describe(clean, clock.instant());
        cases.persistAndFlush(c);
        append(c, CaseEventKind.REPORTED, null, null, CaseState.RECEIVED, clean.receivedAt(), null,
                Map.of("type", subject.type(), "sourceChannel", clean.sourceChannel()), user);
        return recorded("CREATE", c, null, views.after(views.load(c), c, deadlines.refresh(c, null, List.of())), user);
    }

    /** The case as the caller may see it; full reads are audited. */
    @Transactional
    public Versioned<CaseView> get(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.READ_CASES);
        ChildCase c = cases.findInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        auditRead(c, user, null);
        return versioned(c, user);
    }

    /** JSON Merge Patch of the report's descriptive fields, by the commune that handles the case. */
    @Transactional
    public Versioned<CaseView> patch(UUID id, String ifMatch, JsonNode patch) throws JsonProcessingException {
        CurrentUser.Resolved user = access.check(Operation.MANAGE_CASES);
        ChildCase c = lockForChange(id, ifMatch, user);
        requireHandler(c, user);
        ObjectNode current = mapper.valueToTree(c.report());
        CaseReport clean = rules.check(c.type(), edits.patched(c.report(), patch, CaseReport.class), children.findById(c.childId()));
        Before before = before(c);
        c.describe(clean, clock.instant());
        cases.flush();
        List<String> changed = changedFields(current, mapper.valueToTree(clean));
        if (!changed.isEmpty()) {
            append(c, CaseEventKind.UPDATED, null, c.status(), c.status(), clock.instant(), null, Map.of("fields", changed), user);
        }
        return recorded("UPDATE", c, before, user);
    }

    /**
     * Takes one step of the workflow. Callers who may act on cases at all (commune and district
     * users) get 409 with what they may do now for anything else. A possible step is then
     * validated as its record says and checked against the case, its code lists and the calendar,
     * all before the case changes.
     */
    @Transactional
    public Versioned<CaseView> transition(UUID id, String ifMatch, ObjectNode body) throws JsonProcessingException {
        CurrentUser.Resolved user = actingUser();
        if (body == null) {
            throw new ApiException.BadRequest(ProblemCode.VALIDATION_FAILED, "The request needs a JSON object as body.");
        }
        // Read as its action's record only now: a caller without the role gets 403, never the body's problems.
        CaseStep step = mapper.treeToValue(body, CaseStep.class);
        ChildCase c = lockForChange(id, ifMatch, user);
        Set<CaseAction> allowed = CaseAction.allowed(c, actors(c, user));
        if (!allowed.contains(step.action())) {
            // Whatever else the body holds: the answer to a step not possible now is what is possible.
            throw ApiException.Conflict.invalidTransition(c.status().name(), step.action(), allowed);
        }
        validator.validate(step);
        Instant at = steps.check(c, step);
        Before before = before(c);
        CaseState from = c.status();
        steps.apply(c, step, at);
        c.moveTo(step.action().targetFrom(from));
        c.touch(clock.instant());
        cases.flush();
        append(c, step.action() == CaseAction.ASSIGN ? CaseEventKind.ASSIGNMENT : CaseEventKind.TRANSITION, step.action().name(),
                from, c.status(), at, Texts.clean(step.note()), steps.details(step), user);
        return recorded(step.action().name(), c, before, user);
    }

    /** Writes a new version of the plan while the case is being planned. */
    @Transactional
    public Versioned<PlanView> draftPlan(UUID id, String ifMatch, PlanDraft draft) {
        CurrentUser.Resolved user = access.check(Operation.MANAGE_CASES);
        validator.validate(draft);
        ChildCase c = lockForChange(id, ifMatch, user);
        requireHandler(c, user);
        if (c.status() != CaseState.PLANNING) {
            throw new ApiException.Conflict(ProblemCode.PLAN_NOT_EDITABLE, "A plan is drafted while the case is PLANNING (after the case "
                    + "conference, a returned plan or a review); this case is " + c.status() + ".");
        }
        Violations problems = new Violations();
        List<PlanItem> items = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < draft.items().size(); i++) {
            PlanItem item = draft.items().get(i);
            rules.requiredCode(problems, "items[" + i + "].measure", "plan-measures", item.measure());
            if (item.endOn().isBefore(item.startOn())) {
                problems.add("items[" + i + "].endOn", "must not be before startOn");
            }
            items.add(new PlanItem(item.measure(), Texts.clean(item.description()), Texts.clean(item.responsiblePerson()),
                    Texts.clean(item.provider()), item.startOn(), item.endOn(), item.estimatedCostVnd()));
            total += item.estimatedCostVnd();
        }
        problems.failIfAny("The plan has invalid items.");
        int number = c.draftPlan();
        CaseRepository.PlanRow row = new CaseRepository.PlanRow(number, views.itemsJson(items), total, Texts.clean(draft.note()),
                clock.instant(), user.username());
        cases.addPlanVersion(c.id(), row);
        c.touch(clock.instant());
        cases.flush();
        append(c, CaseEventKind.PLAN_VERSION, null, c.status(), c.status(), clock.instant(), null,
                Map.of("version", number, "items", items.size(), "totalCostVnd", total), user);
        PlanView view = views.plan(c, row, Disclosure.FULL);
        audit.record("DRAFT_PLAN", RECORD_TYPE, id.toString(), c.unitPath(), null, view);
        return new Versioned<>(view, c.version());
    }

    /** A version of the plan (the latest by default); village users do not see plans. */
    @Transactional
    public PlanView plan(UUID id, Integer version) {
        CurrentUser.Resolved user = access.check(Operation.READ_CASES);
        ChildCase c = cases.findInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        Disclosure disclosure = Disclosure.of(c, user);
        if (!disclosure.showsHandling()) {
            throw new ApiException.Forbidden(ProblemCode.PLAN_NOT_VISIBLE, "Village users do not see the plans of cases.");
        }
        int number = version != null ? version : c.planVersion();
        CaseRepository.PlanRow row = cases.planVersion(c.id(), number)
                .orElseThrow(() -> new ApiException.NotFound("Plan version", c.id() + "/" + number));
        auditRead(c, user, "plan");
        return views.plan(c, row, disclosure);
    }

    /** Adds a note to the timeline: the handling commune, or the district on an escalated case. */
    @Transactional
    public EventView addNote(UUID id, NewNote note) {
        CurrentUser.Resolved user = actingUser();
        validator.validate(note);
        ChildCase c = cases.findInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        if (supervising(user) && !c.escalated()) {
            throw new ApiException.Conflict(ProblemCode.CASE_NOT_ESCALATED, "District users comment on escalated cases only.");
        }
        CaseRepository.EventRow row = append(c, CaseEventKind.NOTE, null, c.status(), c.status(), clock.instant(), Texts.clean(note.text()),
                null, user);
        audit.record("NOTE", RECORD_TYPE, id.toString(), c.unitPath(), null, null);
        return views.timeline(List.of(row), Disclosure.FULL).getFirst();
    }

    /** Schema {@code CaseTimeline}. */
    public record Timeline(UUID caseId, String caseNumber, List<EventView> items) {
    }

    @Transactional
    public Timeline timeline(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.READ_CASES);
        ChildCase c = cases.findInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        auditRead(c, user, "timeline");
        return new Timeline(c.id(), c.caseNumber(), views.timeline(cases.events(c.id()), Disclosure.of(c, user)));
    }

    /** Query of the case list as the resource parsed it. */
    public record ListQuery(String unitCode, CaseType type, String abuseForm, CaseState status, String riskLevel,
                            String assignedOfficer, UUID childId, Instant receivedFrom, Instant receivedTo, Boolean overdue,
                            Instant dueBefore) {
    }

    @Transactional
    public Page<CaseView> list(ListQuery q, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_CASES);
        if (q.riskLevel() != null && Disclosure.hidesHandlingFrom(user)) {
            throw new ApiException.Forbidden(ProblemCode.FILTER_NOT_ALLOWED,
                    "Your role does not see a case's assessment, so it cannot filter by its risk level.");
        }
        String fingerprint = q.toString();
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, LIST, fingerprint), paging);
        CaseRepository.Filter filter = new CaseRepository.Filter(units.subtreesOfParameter(q.unitCode()), q.type(), q.abuseForm(),
                q.status(), q.riskLevel(), q.assignedOfficer(), q.childId(), q.receivedFrom(), q.receivedTo(),
                Boolean.TRUE.equals(q.overdue()) ? clock.instant() : null, q.dueBefore());
        List<UUID> ids = cases.pageOfIds(filter, user.scope(), page.keyset(Instant::parse), page.size() + 1);
        Page<ChildCase> rows = Page.fromOverfetch(cases.findAllInOrder(ids), page.size(),
                last -> PageToken.encode(LIST, fingerprint, PageRequest.Keyset.of(last.receivedAt(), last.id())));
        return new Page<>(views.of(rows.items(), c -> Disclosure.of(c, user), c -> CaseAction.allowed(c, actors(c, user))),
                rows.nextPageToken());
    }

    /** Who the caller is for this case: the commune handling it, the commune receiving it, its district. */
    private static Set<Actor> actors(ChildCase c, CurrentUser.Resolved user) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (user.roles().contains(Role.COMMUNE) && user.scope().contains(c.unitPath())) {
            actors.add(Actor.HANDLER);
        }
        if (user.roles().contains(Role.COMMUNE) && c.transferToPath() != null && user.scope().contains(c.transferToPath())) {
            actors.add(Actor.RECEIVER);
        }
        if (user.roles().contains(Role.DISTRICT) && user.scope().contains(c.unitPath())) {
            actors.add(Actor.SUPERVISOR);
        }
        return actors;
    }

    private void requireHandler(ChildCase c, CurrentUser.Resolved user) {
        if (!actors(c, user).contains(Actor.HANDLER)) {
            throw new ApiException.Forbidden(ProblemCode.NOT_HANDLING_COMMUNE, "Only the commune that handles the case changes it.");
        }
    }

    private static boolean supervising(CurrentUser.Resolved user) {
        return user.roles().contains(Role.DISTRICT) && !user.roles().contains(Role.COMMUNE);
    }

    /** The caller, when they may act on cases: as the commune (manage) or as the district (supervise). */
    private CurrentUser.Resolved actingUser() {
        CurrentUser.Resolved user = access.check(Operation.READ_CASES);
        return access.check(supervising(user) ? Operation.SUPERVISE_ESCALATED_CASES : Operation.MANAGE_CASES);
    }

    private ChildCase lockForChange(UUID id, String ifMatch, CurrentUser.Resolved user) {
        ChildCase c = cases.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, c.version());
        return c;
    }

    private CaseRepository.EventRow append(ChildCase c, CaseEventKind kind, String action, CaseState from, CaseState to,
                                           Instant occurredAt, String note, Map<String, ?> data, CurrentUser.Resolved user) {
        CaseRepository.EventRow row = new CaseRepository.EventRow(TimeOrderedIds.next(), kind, action,
                from == null ? null : from.name(), to == null ? null : to.name(), occurredAt, clock.instant(), user.username(), note,
                data == null ? null : json(data));
        cases.appendEvent(c.id(), row);
        return row;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> changedFields(ObjectNode before, ObjectNode after) {
        Set<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        return names.stream().filter(n -> !java.util.Objects.equals(before.get(n), after.get(n))).toList();
    }

    private void auditRead(ChildCase c, CurrentUser.Resolved user, String part) {
        if (Disclosure.of(c, user).audited()) {
            audit.recordRead(part == null ? "READ" : "READ_" + part.toUpperCase(Locale.ROOT), RECORD_TYPE, c.id().toString(), c.unitPath());
        }
    }

    /**
     * A case before a change: what its views were read from, what the audit trail keeps of it
     * (everything but the reporter, whom the trail's readers may not see) and what its deadlines
     * were computed from.
     */
    private record Before(CaseViews.Loaded loaded, CaseView view, CaseDeadlines.Basis basis) {
    }

    private Before before(ChildCase c) {
        CaseViews.Loaded loaded = views.load(c);
        return new Before(loaded, loaded.views(c, AUDIT).getFirst(), CaseDeadlines.Basis.of(c));
    }

    private Versioned<CaseView> versioned(ChildCase c, CurrentUser.Resolved user) {
        return new Versioned<>(views.of(c, reader(c, user)).getFirst(), c.version());
    }

    /**
     * Stores the deadlines of {@code c} after a change, records {@code action} with the case's state
     * before and after it, and answers the caller's view: all from what was read before the change.
     */
    private Versioned<CaseView> recorded(String action, ChildCase c, Before before, CurrentUser.Resolved user) {
        List<CaseDeadlines.Deadline> due = deadlines.refresh(c, before.basis(), before.loaded().deadlinesOf(c));
        return recorded(action, c, before.view(), views.after(before.loaded(), c, due), user);
    }

    private Versioned<CaseView> recorded(String action, ChildCase c, CaseView before, CaseViews.Loaded after, CurrentUser.Resolved user) {
        List<CaseView> views = after.views(c, AUDIT, reader(c, user));
        audit.record(action, RECORD_TYPE, c.id().toString(), c.unitPath(), before, views.getFirst());
        return new Versioned<>(views.getLast(), c.version());
    }

    private CaseViews.Reader reader(ChildCase c, CurrentUser.Resolved user) {
        return new CaseViews.Reader(Disclosure.of(c, user), CaseAction.allowed(c, actors(c, user)));
    }

    /** The code of the unit above the last one of {@code path} (a village's commune). */
    private static String parentCode(String path) {
        String[] parts = path.split("\\.");
        return parts[parts.length - 2];
    }

    static ApiException notFound(UUID id) {
        return new ApiException.NotFound("Case", id.toString());
    }
}
