package vn.baovetreem.interventions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.Edits;
import vn.baovetreem.cases.CaseRepository;
import vn.baovetreem.children.Child;
import vn.baovetreem.children.ChildFacts;
import vn.baovetreem.children.ChildRepository;
import vn.baovetreem.children.ChildStatus;
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
import vn.baovetreem.interventions.InterventionRequests.BatchHeader;
import vn.baovetreem.interventions.InterventionRequests.NewBatch;
import vn.baovetreem.interventions.InterventionRequests.NewIntervention;
import vn.baovetreem.interventions.InterventionRequests.Placement;
import vn.baovetreem.interventions.InterventionRequests.Transition;
import vn.baovetreem.interventions.InterventionViews.BatchView;
import vn.baovetreem.interventions.InterventionViews.InterventionView;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Use cases of supports: record one or a group activity, read, correct, move through their states, list. */
@ApplicationScoped
public class InterventionService {

    static final String RECORD_TYPE = "intervention";
    private static final String LIST = "interventions";

    private final InterventionRepository interventions;
    private final ChildRepository children;
    private final CaseRepository cases;
    private final InterventionViews views;
    private final CodeListCatalog codes;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Edits edits;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final ObjectMapper mapper;
    private final Clock clock;

    InterventionService(InterventionRepository interventions, ChildRepository children, CaseRepository cases,
                        InterventionViews views,
                        CodeListCatalog codes, UnitDirectory units, AccessPolicy access, AuditTrail audit, Edits edits,
                        RequestValidator validator, PagingConfig paging, ObjectMapper mapper, Clock clock) {
        this.interventions = interventions;
        this.children = children;
        this.cases = cases;
        this.views = views;
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

    /** Records one support. */
    @Transactional
    public Versioned<InterventionView> create(NewIntervention request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_INTERVENTIONS);
        Placement placement = request.placement();
        InterventionDetails details = request.details();
        validator.validate(placement);
        validator.validate(details);
        Child child = children.referencedInScope(placement.childId(), user.scope(), "childId");
        InterventionStatus status = initialStatus(placement.status());
        InterventionDetails clean = check(details, status, List.of(child));
        Intervention intervention = Intervention.record(child.id(), child.unitPath(), null, status, user.username(), clock.instant());
        intervention.describe(clean);
        interventions.persistAndFlush(intervention);
        InterventionView after = views.of(intervention, child, LocalDate.now(clock));
        audit.record("CREATE", RECORD_TYPE, intervention.id().toString(), intervention.unitPath(), null, after);
        return new Versioned<>(after, intervention.version());
    }

    /**
     * Records the same support for every child of a group activity, all or nothing: one invalid
     * child (missing, outside the caller's area, merged, or born after the start) refuses the batch
     * and names each such child.
     */
    @Transactional
    public BatchView createBatch(NewBatch request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_INTERVENTIONS);
        BatchHeader header = request.header();
        InterventionDetails details = request.details();
        validator.validate(header);
        validator.validate(details);
        if (details.caseId() != null) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "caseId", "A group activity belongs to no case.");
        }
        Violations problems = new Violations();
        Map<UUID, Child> found = children.findAllInOrder(header.childIds().stream().distinct().toList()).stream()
                .filter(c -> c != null && user.scope().contains(c.unitPath()))
                .collect(Collectors.toMap(Child::id, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        List<Child> group = new ArrayList<>();
        for (int i = 0; i < header.childIds().size(); i++) {
            UUID id = header.childIds().get(i);
            Child child = found.get(id);
            String field = "childIds[" + i + "]";
            if (!seen.add(id)) {
                problems.add(field, "is listed twice");
            } else if (child == null) {
                problems.add(field, "is not a child in your area");
            } else if (child.status() == ChildStatus.MERGED) {
                problems.add(field, "was merged into another record; use that one");
            } else if (child.anonymisedAt() != null) {
                problems.add(field, "is a record anonymised under the retention rule");
            } else {
                group.add(child);
            }
        }
        problems.failIfAny("Some children of the batch cannot receive it; nothing was recorded.");
        InterventionStatus status = initialStatus(header.status());
        InterventionDetails clean = check(details, status, group);
        UUID batchId = TimeOrderedIds.next();
        String title = Texts.clean(header.title());
        String unitPath = commonPath(group);
        interventions.insertBatch(batchId, title, unitPath, group.size(), clock.instant(), user.username());
        List<Intervention> created = new ArrayList<>();
        for (Child child : group) {
            Intervention intervention = Intervention.record(child.id(), child.unitPath(), batchId, status, user.username(),
                    clock.instant());
            intervention.describe(clean);
            interventions.persist(intervention);
            created.add(intervention);
        }
        interventions.flush();
        List<InterventionView> createdViews = views.of(created, LocalDate.now(clock));
        for (int i = 0; i < created.size(); i++) {
            audit.record("CREATE", RECORD_TYPE, created.get(i).id().toString(), created.get(i).unitPath(), null, createdViews.get(i));
        }
        return new BatchView(batchId, title, created.size(), createdViews);
    }

    @Transactional
    public Versioned<InterventionView> get(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.READ_INTERVENTIONS);
        Intervention intervention = interventions.findInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        audit.recordRead("READ", RECORD_TYPE, id.toString(), intervention.unitPath());
        return new Versioned<>(views.of(intervention, LocalDate.now(clock)), intervention.version());
    }

    /** JSON Merge Patch of the details; the result is checked as a whole. */
    @Transactional
    public Versioned<InterventionView> patch(UUID id, String ifMatch, JsonNode patch) throws JsonProcessingException {
        CurrentUser.Resolved user = access.check(Operation.WRITE_INTERVENTIONS);
        Intervention intervention = interventions.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, intervention.version());
        InterventionDetails details = edits.patched(intervention.details(), patch, InterventionDetails.class);
        Child child = children.findById(intervention.childId());
        InterventionDetails clean = check(details, intervention.status(), List.of(child));
        return edits.update(RECORD_TYPE, intervention, i -> views.of(i, child, LocalDate.now(clock)), i -> {
            i.describe(clean);
            i.touch(clock.instant());
        });
    }

    /** START (planned → ongoing), COMPLETE (with its outcome), CANCEL (with a reason). */
    @Transactional
    public Versioned<InterventionView> transition(UUID id, String ifMatch, Transition request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_INTERVENTIONS);
        validator.validate(request);
        Intervention intervention = interventions.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, intervention.version());
        Set<InterventionRequests.Action> allowed = switch (intervention.status()) {
            case PLANNED -> Set.of(InterventionRequests.Action.START, InterventionRequests.Action.COMPLETE, InterventionRequests.Action.CANCEL);
            case ONGOING -> Set.of(InterventionRequests.Action.COMPLETE, InterventionRequests.Action.CANCEL);
            case COMPLETED, CANCELLED -> Set.of();
        };
        if (!allowed.contains(request.action())) {
            throw ApiException.Conflict.invalidTransition(intervention.status().name(), request.action(),
                    allowed.stream().sorted().toList());
        }
        LocalDate date = request.date() != null ? request.date() : LocalDate.now(clock);
        if (date.isAfter(LocalDate.now(clock))) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "date", "date must not be in the future.");
        }
        Child child = children.findById(intervention.childId());
        InterventionView before = views.of(intervention, child, LocalDate.now(clock));
        switch (request.action()) {
            case START -> intervention.start(date, clock.instant());
            case COMPLETE -> {
                String outcome = Texts.clean(request.outcome());
                if (outcome == null || outcome.isEmpty()) {
                    throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "outcome", "Completing a support needs its outcome.");
                }
                if (date.isBefore(intervention.startDate())) {
                    throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "date", "date must not be before the start of the support.");
                }
                intervention.complete(date, outcome, clock.instant());
            }
            case CANCEL -> {
                String reason = Texts.clean(request.reason());
                if (reason == null || reason.isEmpty()) {
                    throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "reason", "Cancelling a support needs a reason.");
                }
                intervention.cancel(reason, clock.instant());
            }
        }
        interventions.flush();
        InterventionView after = views.of(intervention, child, LocalDate.now(clock));
        audit.record(request.action().name(), RECORD_TYPE, id.toString(), intervention.unitPath(), before, after);
        return new Versioned<>(after, intervention.version());
    }

    /** Query of the list as the resource parsed it. */
    public record ListQuery(UUID childId, UUID caseId, String type, String protectionLevel, InterventionStatus status,
                            String fundingSource, String provider, String unitCode, LocalDate activeFrom, LocalDate activeTo) {
    }

    @Transactional
    public Page<InterventionView> list(ListQuery q, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_INTERVENTIONS);
        return page(q, user.scope(), pageSize, pageToken);
    }

    /** The supports of one child in scope (404 otherwise). */
    @Transactional
    public Page<InterventionView> listOfChild(UUID childId, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_INTERVENTIONS);
        children.findInScope(childId, user.scope()).orElseThrow(() -> new ApiException.NotFound("Child", childId.toString()));
        return page(new ListQuery(childId, null, null, null, null, null, null, null, null, null), user.scope(), pageSize, pageToken);
    }

    private Page<InterventionView> page(ListQuery q, Scope scope, Integer pageSize, String pageToken) {
        String fingerprint = q.toString();
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, LIST, fingerprint), paging);
        Scope unit = units.subtreesOfParameter(q.unitCode());
        InterventionRepository.Filter filter = new InterventionRepository.Filter(q.childId(), q.caseId(), q.type(),
                q.protectionLevel(), q.status(), q.fundingSource(), q.provider() == null ? null : Texts.fold(q.provider()),
                unit, q.activeFrom(), q.activeTo());
        List<UUID> ids = interventions.pageOfIds(filter, scope, cursor(page.afterKey()), page.size() + 1);
        Page<Intervention> rows = Page.fromOverfetch(interventions.findAllInOrder(ids), page.size(),
                last -> PageToken.encode(LIST, fingerprint, last.startDate() + "|" + last.id()));
        return new Page<>(views.of(rows.items(), LocalDate.now(clock)), rows.nextPageToken());
    }

    private static InterventionRepository.Cursor cursor(String key) {
        if (key == null) {
            return null;
        }
        try {
            return new InterventionRepository.Cursor(LocalDate.parse(key.substring(0, 10)), UUID.fromString(key.substring(11)));
        } catch (RuntimeException e) {
            throw PageToken.invalid();
        }
    }

    /** Checks the details against the code lists, the dates of the children and the allowance rules. */
    InterventionDetails check(InterventionDetails d, InterventionStatus status, List<? extends ChildFacts> recipients) {
        problems(d, status, recipients).failIfAny("The support has invalid values.");
        return new InterventionDetails(d.caseId(), d.type(), d.protectionLevel(), Texts.clean(d.provider()), d.fundingSource(),
                d.amountVnd(), d.monthlyAmountVnd(), d.allowanceGroup(), d.startDate(), d.endDate(), Texts.clean(d.outcome()),
                Texts.clean(d.planDeviationReason()), Texts.clean(d.note()));
    }

    /**
     * What is wrong with the details against the code lists, the dates of the children and the
     * allowance rules. A date left empty is Bean Validation's to report: what needs it is not checked.
     */
    Violations problems(InterventionDetails d, InterventionStatus status, List<? extends ChildFacts> recipients) {
        Violations problems = new Violations();
        codes.checkCode(problems, "type", "intervention-types", d.type());
        codes.checkCode(problems, "protectionLevel", "protection-levels", d.protectionLevel());
        codes.checkCode(problems, "fundingSource", "funding-sources", d.fundingSource());
        boolean allowance = "SOCIAL_ALLOWANCE".equals(d.type());
        if (allowance && (d.allowanceGroup() == null || d.monthlyAmountVnd() == null)) {
            problems.add("allowanceGroup", "a social allowance needs allowanceGroup and monthlyAmountVnd");
        }
        if (!allowance && (d.allowanceGroup() != null || d.monthlyAmountVnd() != null)) {
            problems.add("allowanceGroup", "allowanceGroup and monthlyAmountVnd are only for a social allowance");
        }
        if (d.startDate() != null && d.endDate() != null && d.endDate().isBefore(d.startDate())) {
            problems.add("endDate", "must not be before startDate");
        }
        if (status == InterventionStatus.COMPLETED && d.endDate() == null) {
            problems.add("endDate", "a completed support needs its end date");
        }
        if (status != InterventionStatus.PLANNED && d.startDate() != null && d.startDate().isAfter(LocalDate.now(clock))) {
            problems.add("startDate", "a support already received cannot start in the future");
        }
        for (ChildFacts child : recipients) {
            if (d.startDate() != null && d.startDate().isBefore(child.dateOfBirth())) {
                problems.add("startDate", "is before the birth of child " + child.id());
            }
        }
        if (d.caseId() != null && recipients.stream().anyMatch(child -> !cases.isCaseOfChild(d.caseId(), child.id()))) {
            problems.add("caseId", "is not a case of this child");
        }
        return problems;
    }

    private static InterventionStatus initialStatus(InterventionStatus requested) {
        if (requested == InterventionStatus.CANCELLED) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "status", "A support is recorded as PLANNED, ONGOING or COMPLETED.");
        }
        return requested == null ? InterventionStatus.PLANNED : requested;
    }

    /** The deepest path every child's village lies under: the batch's place in the tree. */
    private static String commonPath(List<Child> group) {
        String[] common = group.getFirst().unitPath().split("\\.");
        int length = common.length;
        for (Child child : group) {
            String[] labels = child.unitPath().split("\\.");
            int i = 0;
            while (i < Math.min(length, labels.length) && labels[i].equals(common[i])) {
                i++;
            }
            length = i;
        }
        return String.join(".", Arrays.copyOf(common, Math.max(length, 1)));
    }

    static ApiException notFound(UUID id) {
        return new ApiException.NotFound("Intervention", id.toString());
    }
}
