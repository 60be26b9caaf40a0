package vn.baovetreem.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.cases.CaseAction.Actor;
import vn.baovetreem.cases.CaseRequests.CaseReport;
import vn.baovetreem.cases.CaseRequests.NewNote;
import vn.baovetreem.cases.CaseRequests.PlanDraft;
import vn.baovetreem.cases.CaseRequests.PlanItem;
import vn.baovetreem.cases.CaseRequests.Subject;
import vn.baovetreem.cases.CaseRequests.Transition;
import vn.baovetreem.cases.CaseViews.CaseView;
import vn.baovetreem.cases.CaseViews.EventView;
import vn.baovetreem.cases.CaseViews.PlanView;
import vn.baovetreem.children.Child;
import vn.baovetreem.children.ChildRepository;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static java.util.Map.entry;

/**
 * Use cases of cases: report, read (cut to the caller's {@link Disclosure}), correct the report,
 * move through the workflow ({@link CaseAction}), draft plan versions, add notes and read the
 * timeline. Every change appends to the timeline, refreshes the deadlines and is audited.
 */
@ApplicationScoped
public class CaseService {

    static final String RECORD_TYPE = "case";
    private static final String LIST = "cases";
    static final int MAX_SEPARATION_DAYS = 15;
    /** The audit trail keeps a case's whole state, offering no action. */
    private static final CaseViews.Reader AUDIT = new CaseViews.Reader(Disclosure.FULL, Set.of());

    /** The fields each action uses besides {@code action}, {@code occurredAt} and {@code note}. */
    private static final Map<CaseAction, Set<String>> FIELDS = Map.ofEntries(
            entry(CaseAction.ASSESS_INITIAL, Set.of("riskLevel", "emergency")),
            entry(CaseAction.PROTECT_EMERGENCY, Set.of()),
            entry(CaseAction.SEPARATE, Set.of("separation")),
            entry(CaseAction.EXTEND_SEPARATION, Set.of("endsOn", "reason")),
            entry(CaseAction.END_SEPARATION, Set.of()),
            entry(CaseAction.ASSESS_DETAILED, Set.of("riskLevel")),
            entry(CaseAction.HOLD_CONFERENCE, Set.of("participants", "decisions")),
            entry(CaseAction.SUBMIT_PLAN, Set.of()),
            entry(CaseAction.APPROVE_PLAN, Set.of()),
            entry(CaseAction.RETURN_PLAN, Set.of("reason")),
            entry(CaseAction.START_IMPLEMENTATION, Set.of()),
            entry(CaseAction.REVIEW, Set.of("reviewOutcome", "riskLevel")),
            entry(CaseAction.CLOSE, Set.of("closureReason", "handlingOutcome")),
            entry(CaseAction.REPLAN, Set.of("reason")),
            entry(CaseAction.CLOSE_UNSUBSTANTIATED, Set.of("reason", "handlingOutcome")),
            entry(CaseAction.ASSIGN, Set.of("officer")),
            entry(CaseAction.TRANSFER, Set.of("toCommuneCode", "reason")),
            entry(CaseAction.ACCEPT_TRANSFER, Set.of()),
            entry(CaseAction.DECLINE_TRANSFER, Set.of("reason")),
            entry(CaseAction.ESCALATE, Set.of("reason")),
            entry(CaseAction.RETURN_ESCALATION, Set.of()));
    private static final Set<String> ALWAYS = Set.of("action", "occurredAt", "note");
    /** Actions whose note says what was done or decided, so it must be given. */
    private static final Set<CaseAction> NOTE_REQUIRED = EnumSet.of(CaseAction.PROTECT_EMERGENCY, CaseAction.ASSESS_DETAILED,
            CaseAction.RETURN_ESCALATION);

    private final CaseRepository cases;
    private final ChildRepository children;
    private final CaseRules rules;
    private final CaseViews views;
    private final CaseDeadlines deadlines;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final ObjectMapper mapper;
    private final Clock clock;

    CaseService(CaseRepository cases, ChildRepository children, CaseRules rules, CaseViews views, CaseDeadlines deadlines,
                UnitDirectory units, AccessPolicy access, AuditTrail audit, RequestValidator validator,
                PagingConfig paging, ObjectMapper mapper, Clock clock) {
        this.cases = cases;
        this.children = children;
        this.rules = rules;
        this.views = views;
        this.deadlines = deadlines;
        this.units = units;
        this.access = access;
        this.audit = audit;
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
        ChildCase c = ChildCase.open(number, child.id(), subject.type(), communeCode, child.unitPath(), user.username(), now());
        c.describe(clean, now());
        cases.persistAndFlush(c);
        append(c, CaseEventKind.REPORTED, null, null, CaseState.RECEIVED, clean.receivedAt(), null,
                Map.of("type", subject.type(), "sourceChannel", clean.sourceChannel()), user);
        deadlines.refresh(c);
        return recorded("CREATE", c, null, user);
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
        ObjectNode merged = MergePatch.apply(current.deepCopy(), patch);
        CaseReport report = mapper.treeToValue(merged, CaseReport.class);
        validator.validate(report);
        CaseReport clean = rules.check(c.type(), report, children.findById(c.childId()));
        CaseView before = auditState(c);
        c.describe(clean, now());
        cases.flush();
        List<String> changed = changedFields(current, mapper.valueToTree(clean));
        if (!changed.isEmpty()) {
            append(c, CaseEventKind.UPDATED, null, c.status(), c.status(), now(), null, Map.of("fields", changed), user);
        }
        deadlines.refresh(c);
        return recorded("UPDATE", c, before, user);
    }

    /**
     * Takes one step of the workflow. Callers who may act on cases at all (commune and district
     * users) get 409 with what they may do now for anything else.
     */
    @Transactional
    public Versioned<CaseView> transition(UUID id, String ifMatch, Transition t) {
        CurrentUser.Resolved user = actingUser();
        validator.validate(t);
        ChildCase c = lockForChange(id, ifMatch, user);
        Set<CaseAction> allowed = CaseAction.allowed(c, actors(c, user));
        if (!allowed.contains(t.action())) {
            throw ApiException.Conflict.invalidTransition(c.status().name(), t.action(), allowed);
        }
        Instant at = t.occurredAt() != null ? t.occurredAt() : now();
        List<Violation> problems = new ArrayList<>();
        checkFields(t, problems);
        if (at.isAfter(now().plus(CaseRules.CLOCK_SKEW)) || at.isBefore(c.receivedAt())) {
            problems.add(new Violation("occurredAt", "must lie between receivedAt and now"));
        }
        CaseView before = auditState(c);
        CaseState from = c.status();
        apply(c, t, at, problems);
        CaseRules.failIfAny(problems, "The transition has invalid values.");
        c.moveTo(t.action().targetFrom(from));
        c.touch(now());
        cases.flush();
        append(c, t.action() == CaseAction.ASSIGN ? CaseEventKind.ASSIGNMENT : CaseEventKind.TRANSITION, t.action().name(), from,
                c.status(), at, Texts.clean(t.note()), details(t), user);
        deadlines.refresh(c);
        return recorded(t.action().name(), c, before, user);
    }

    private void apply(ChildCase c, Transition t, Instant at, List<Violation> problems) {
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        switch (t.action()) {
            case ASSESS_INITIAL -> {
                rules.requiredCode(problems, "riskLevel", "risk-levels", t.riskLevel());
                required(problems, "emergency", t.emergency());
                c.assessInitially(t.riskLevel(), Boolean.TRUE.equals(t.emergency()));
            }
            case PROTECT_EMERGENCY -> c.protect(at);
            case SEPARATE -> {
                required(problems, "separation", t.separation());
                if (t.separation() != null) {
                    LocalDate starts = t.separation().startsOn() != null ? t.separation().startsOn() : day;
                    LocalDate ends = t.separation().endsOn();
                    if (starts.isAfter(today())) {
                        problems.add(new Violation("separation.startsOn", "must not be in the future"));
                    }
                    if (ends.isBefore(starts) || ends.isAfter(starts.plusDays(MAX_SEPARATION_DAYS))) {
                        problems.add(new Violation("separation.endsOn", "must lie within " + MAX_SEPARATION_DAYS
                                + " days of the start; extend the separation with a reason to go further"));
                    }
                    c.separate(starts, ends);
                }
            }
            case EXTEND_SEPARATION -> {
                required(problems, "endsOn", t.endsOn());
                required(problems, "reason", t.reason());
                if (t.endsOn() != null && !t.endsOn().isAfter(c.separationEndsOn())) {
                    problems.add(new Violation("endsOn", "must be after the current end, " + c.separationEndsOn()));
                }
                c.extendSeparation(t.endsOn(), Texts.clean(t.reason()));
            }
            case END_SEPARATION -> {
                if (day.isBefore(c.separationStartsOn())) {
                    problems.add(new Violation("occurredAt", "must not be before the separation started"));
                }
                c.endSeparation(day);
            }
            case ASSESS_DETAILED -> {
                rules.optionalCode(problems, "riskLevel", "risk-levels", t.riskLevel());
                c.reassessRisk(t.riskLevel());
            }
            case HOLD_CONFERENCE -> {
                if (t.participants() == null || t.participants().isEmpty()) {
                    problems.add(new Violation("participants", "a case conference has participants"));
                }
                required(problems, "decisions", t.decisions());
            }
            case SUBMIT_PLAN -> c.submitPlan(at);
            case APPROVE_PLAN -> c.decidePlan(at, true);
            case RETURN_PLAN -> {
                required(problems, "reason", t.reason());
                c.decidePlan(at, false);
            }
            case START_IMPLEMENTATION -> {
            }
            case REVIEW -> {
                rules.requiredCode(problems, "reviewOutcome", "case-review-outcomes", t.reviewOutcome());
                rules.optionalCode(problems, "riskLevel", "risk-levels", t.riskLevel());
                c.review(t.reviewOutcome(), t.riskLevel());
            }
            case CLOSE -> {
                rules.requiredCode(problems, "closureReason", "case-closure-reasons", t.closureReason());
                checkHandlingOutcome(c, t, true, problems);
                c.close(t.closureReason(), t.handlingOutcome(), at);
            }
            case REPLAN -> required(problems, "reason", t.reason());
            case CLOSE_UNSUBSTANTIATED -> {
                required(problems, "reason", t.reason());
                checkHandlingOutcome(c, t, false, problems);
                c.close(null, t.handlingOutcome(), at);
            }
            case ASSIGN -> {
                required(problems, "officer", t.officer());
                c.assign(Texts.clean(t.officer()));
            }
            case TRANSFER -> {
                required(problems, "reason", t.reason());
                UnitDirectory.UnitSummary to = t.toCommuneCode() == null ? null : units.find(t.toCommuneCode())
                        .filter(u -> u.level() == UnitLevel.COMMUNE && u.isValidOn(today())).orElse(null);
                if (to == null || to.code().equals(c.communeCode())) {
                    problems.add(new Violation("toCommuneCode", "must be the code of another commune in force today"));
                } else {
                    c.proposeTransfer(to.code(), to.path());
                }
            }
            case ACCEPT_TRANSFER -> {
                String childPath = children.findById(c.childId()).unitPath();
                c.completeTransfer(childPath.startsWith(c.transferToPath() + ".") ? childPath : c.transferToPath());
            }
            case DECLINE_TRANSFER -> {
                required(problems, "reason", t.reason());
                c.cancelTransfer();
            }
            case ESCALATE -> {
                required(problems, "reason", t.reason());
                c.escalate(true);
            }
            case RETURN_ESCALATION -> c.escalate(false);
        }
        if (NOTE_REQUIRED.contains(t.action()) && (t.note() == null || t.note().isBlank())) {
            problems.add(new Violation("note", "says what was done or decided; it is required for " + t.action()));
        }
    }

    /** An abuse case is closed with its handling outcome; other cases have none. */
    private void checkHandlingOutcome(ChildCase c, Transition t, boolean required, List<Violation> problems) {
        if (c.type() != CaseType.ABUSE) {
            if (t.handlingOutcome() != null) {
                problems.add(new Violation("handlingOutcome", "applies to abuse cases only"));
            }
            return;
        }
        rules.optionalCode(problems, "handlingOutcome", "abuse-handling-outcomes", t.handlingOutcome());
        if (required && t.handlingOutcome() == null && c.handlingOutcome() == null) {
            problems.add(new Violation("handlingOutcome", "an abuse case is closed with its handling outcome"));
        }
    }

    /** Writes a new version of the plan while the case is being planned. */
    @Transactional
    public Versioned<PlanView> draftPlan(UUID id, String ifMatch, PlanDraft draft) {
        CurrentUser.Resolved user = access.check(Operation.MANAGE_CASES);
        validator.validate(draft);
        ChildCase c = lockForChange(id, ifMatch, user);
        requireHandler(c, user);
        if (c.status() != CaseState.PLANNING) {
            throw new ApiException.Conflict("PLAN_NOT_EDITABLE", "A plan is drafted while the case is PLANNING (after the case "
                    + "conference, a returned plan or a review); this case is " + c.status() + ".");
        }
        List<Violation> problems = new ArrayList<>();
        List<PlanItem> items = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < draft.items().size(); i++) {
            PlanItem item = draft.items().get(i);
            rules.requiredCode(problems, "items[" + i + "].measure", "plan-measures", item.measure());
            if (item.endOn().isBefore(item.startOn())) {
                problems.add(new Violation("items[" + i + "].endOn", "must not be before startOn"));
            }
            items.add(new PlanItem(item.measure(), Texts.clean(item.description()), Texts.clean(item.responsiblePerson()),
                    Texts.clean(item.provider()), item.startOn(), item.endOn(), item.estimatedCostVnd()));
            total += item.estimatedCostVnd();
        }
        CaseRules.failIfAny(problems, "The plan has invalid items.");
        int number = c.draftPlan();
        CaseRepository.PlanRow row = new CaseRepository.PlanRow(number, views.itemsJson(items), total, Texts.clean(draft.note()),
                now(), user.username());
        cases.addPlanVersion(c.id(), row);
        c.touch(now());
        cases.flush();
        append(c, CaseEventKind.PLAN_VERSION, null, c.status(), c.status(), now(), null,
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
            throw new ApiException.Forbidden("PLAN_NOT_VISIBLE", "Village users do not see the plans of cases.");
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
            throw new ApiException.Conflict("CASE_NOT_ESCALATED", "District users comment on escalated cases only.");
        }
        CaseRepository.EventRow row = append(c, CaseEventKind.NOTE, null, c.status(), c.status(), now(), Texts.clean(note.text()),
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
            throw new ApiException.Forbidden("FILTER_NOT_ALLOWED",
                    "Your role does not see a case's assessment, so it cannot filter by its risk level.");
        }
        String fingerprint = q.toString();
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, LIST, fingerprint), paging);
        CaseRepository.Filter filter = new CaseRepository.Filter(units.subtreesOfParameter(q.unitCode()), q.type(), q.abuseForm(),
                q.status(), q.riskLevel(), q.assignedOfficer(), q.childId(), q.receivedFrom(), q.receivedTo(),
                Boolean.TRUE.equals(q.overdue()) ? now() : null, q.dueBefore());
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
            throw new ApiException.Forbidden("NOT_HANDLING_COMMUNE", "Only the commune that handles the case changes it.");
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

    /** Refuses the fields {@code t}'s action does not use. */
    private void checkFields(Transition t, List<Violation> problems) {
        Set<String> usable = FIELDS.get(t.action());
        ObjectNode given = mapper.valueToTree(t);
        for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!given.get(name).isNull() && !ALWAYS.contains(name) && !usable.contains(name)) {
                problems.add(new Violation(name, "is not used by " + t.action()));
            }
        }
    }

    /** The action's own fields, for the timeline. */
    private Map<String, Object> details(Transition t) {
        ObjectNode given = mapper.valueToTree(t);
        given.remove(ALWAYS);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        given.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                data.put(e.getKey(), e.getValue());
            }
        });
        return data.isEmpty() ? null : data;
    }

    private CaseRepository.EventRow append(ChildCase c, CaseEventKind kind, String action, CaseState from, CaseState to,
                                           Instant occurredAt, String note, Map<String, ?> data, CurrentUser.Resolved user) {
        CaseRepository.EventRow row = new CaseRepository.EventRow(UUID.randomUUID(), kind, action,
                from == null ? null : from.name(), to == null ? null : to.name(), occurredAt, now(), user.username(), note,
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
            audit.recordRead(part == null ? "READ" : "READ_" + part.toUpperCase(), RECORD_TYPE, c.id().toString(), c.unitPath());
        }
    }

    /** What the audit trail keeps of a case: everything but the reporter, whom the trail's readers may not see. */
    private CaseView auditState(ChildCase c) {
        return views.of(c, AUDIT).getFirst();
    }

    private Versioned<CaseView> versioned(ChildCase c, CurrentUser.Resolved user) {
        return new Versioned<>(views.of(c, reader(c, user)).getFirst(), c.version());
    }

    /** Records {@code action} with the case's state after it, and answers the caller's view: both from one set of queries. */
    private Versioned<CaseView> recorded(String action, ChildCase c, CaseView before, CurrentUser.Resolved user) {
        List<CaseView> after = views.of(c, AUDIT, reader(c, user));
        audit.record(action, RECORD_TYPE, c.id().toString(), c.unitPath(), before, after.getFirst());
        return new Versioned<>(after.getLast(), c.version());
    }

    private CaseViews.Reader reader(ChildCase c, CurrentUser.Resolved user) {
        return new CaseViews.Reader(Disclosure.of(c, user), CaseAction.allowed(c, actors(c, user)));
    }

    private static void required(List<Violation> problems, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(new Violation(field, "is required"));
        }
    }

    /** The code of the unit above the last one of {@code path} (a village's commune). */
    private static String parentCode(String path) {
        String[] parts = path.split("\\.");
        return parts[parts.length - 2];
    }

    static ApiException notFound(UUID id) {
        return new ApiException.NotFound("Case", id.toString());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return clock.instant();
    }
}
