package vn.baovetreem.children;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.audit.AuditEventView;
import vn.baovetreem.audit.AuditService;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.Edits;
import vn.baovetreem.children.ChildRequests.ChildTransition;
import vn.baovetreem.children.ChildViews.ChildSummary;
import vn.baovetreem.children.ChildViews.ChildView;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.common.persistence.ReadOnlySession;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.IdentifierMasking;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopeProbes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Use cases of the child record itself: register, read, correct, list, lifecycle, duplicates. */
@ApplicationScoped
public class ChildService {

    static final String RECORD_TYPE = "child";
    private static final String LIST = "children";
    private static final String DUPLICATES = "child-duplicates";

    private final ChildRepository children;
    private final EpisodeRepository episodes;
    private final ChildRules rules;
    private final ChildViews views;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Edits edits;
    private final AuditService auditEvents;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final ObjectMapper patchReader;
    private final Clock clock;

    ChildService(ChildRepository children, EpisodeRepository episodes, ChildRules rules, ChildViews views, UnitDirectory units, AccessPolicy access,
                 AuditTrail audit, Edits edits, AuditService auditEvents, RequestValidator validator, PagingConfig paging, ObjectMapper mapper, Clock clock) {
        this.children = children;
        this.episodes = episodes;
        this.rules = rules;
        this.views = views;
        this.units = units;
        this.access = access;
        this.audit = audit;
        this.edits = edits;
        this.auditEvents = auditEvents;
        this.validator = validator;
        this.paging = paging;
        this.patchReader = mapper;
        this.clock = clock;
    }

    @Transactional
    public Versioned<ChildView> create(ChildDetails request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_CHILDREN);
        validator.validate(request);
        ChildRules.Checked checked = rules.check(request, true, today(), user.scope());
        requireUniqueIdentifiers(checked.details(), null, user.scope());
        Child child = Child.register(user.username(), now());
        child.describe(checked.details(), checked.unitPath());
        children.persistAndFlush(child);
        ChildView after = views.full(child, today(), false);
        audit.record("CREATE", RECORD_TYPE, child.id().toString(), child.unitPath(), null, after);
        List<ChildRepository.Candidate> candidates = children.possibleDuplicatesOf(child).stream()
                .filter(c -> user.scope().contains(c.unitPath())).toList();
        Map<UUID, Child> records = children.findAllInOrder(candidates.stream().map(ChildRepository.Candidate::id).toList())
                .stream().collect(Collectors.toMap(Child::id, Function.identity()));
        return new Versioned<>(after.withPossibleDuplicates(views.possibleDuplicates(candidates, records)), child.version());
    }

    /**
     * The full record; the read itself is audited. One statement reads the record and its open
     * spans, outside a transaction: a transaction added a {@code BEGIN} and a {@code COMMIT}, and
     * JTA's bookkeeping, to every read.
     */
    public Versioned<ChildView> get(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.READ_CHILDREN);
        ReadOnlySession.declare(children.getEntityManager());
        LocalDate today = today();
        ChildRepository.WithOpenSpans read = children.findInScopeWithOpenSpans(id, user.scope(), today)
                .orElseThrow(() -> notFound(id));
        Child child = read.child();
        audit.recordRead("READ", RECORD_TYPE, id.toString(), child.unitPath());
        return new Versioned<>(views.full(child, today, IdentifierMasking.appliesTo(user), read.open()), child.version());
    }

    /**
     * The records among {@code ids} the caller may see, each as {@link #get} answers it and each
     * read audited, with a constant number of queries (the change feed reads pages of them);
     * records out of scope or missing are absent.
     */
    @Transactional
    public Map<UUID, Versioned<ChildView>> getAll(Collection<UUID> ids) {
        CurrentUser.Resolved user = access.check(Operation.READ_CHILDREN);
        ReadOnlySession.declare(children.getEntityManager());
        List<Child> found = children.findAllInOrder(List.copyOf(ids)).stream()
                .filter(c -> c != null && user.scope().contains(c.unitPath())).toList();
        LocalDate today = today();
        Map<String, UnitDirectory.UnitSummary> named = units.findAll(found.stream()
                .flatMap(c -> Stream.of(c.villageCode(), c.movedToUnitCode())).filter(Objects::nonNull).distinct().toList());
        EpisodeRepository.ActiveEpisodes active = episodes.activeOn(found.stream().map(Child::id).toList(), today);
        boolean masked = IdentifierMasking.appliesTo(user);
        Map<UUID, Versioned<ChildView>> views = new LinkedHashMap<>();
        for (Child child : found) {
            audit.recordRead("READ", RECORD_TYPE, child.id().toString(), child.unitPath());
            views.put(child.id(), new Versioned<>(this.views.full(child, today, masked, named, active), child.version()));
        }
        return views;
    }

    /** JSON Merge Patch of the descriptive fields; the result is checked as a whole. */
    @Transactional
    public Versioned<ChildView> patch(UUID id, String ifMatch, JsonNode patch) throws JsonProcessingException {
        CurrentUser.Resolved user = access.check(Operation.WRITE_CHILDREN);
        Child child = lockForChange(id, ifMatch, user.scope());
        ChildDetails details = edits.patched(child.details(), patch, ChildDetails.class);
        ChildRules.Checked checked = rules.check(details, false, today(), user.scope());
        requireUniqueIdentifiers(checked.details(), child.id(), user.scope());
        return edits.update(RECORD_TYPE, child, c -> views.full(c, today(), false), c -> {
            c.describe(checked.details(), checked.unitPath());
            c.touch(now());
        });
    }

    /** Moved away, death, or back to active; other moves answer 409 naming the allowed ones. */
    @Transactional
    public Versioned<ChildView> transition(UUID id, String ifMatch, ChildTransition request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_CHILDREN);
        validator.validate(request);
        Child child = lockForChange(id, ifMatch, user.scope());
        Set<ChildRequests.LifecycleAction> allowed = allowedActions(child.status());
        if (!allowed.contains(request.action())) {
            throw ApiException.Conflict.invalidTransition(child.status().name(), request.action(), allowed);
        }
        if (request.date().isAfter(today()) || request.date().isBefore(child.dateOfBirth())) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "date", "date must be between the date of birth and today.");
        }
        String movedTo = null;
        if (request.action() == ChildRequests.LifecycleAction.MOVE_AWAY && request.movedToUnitCode() != null) {
            movedTo = units.find(request.movedToUnitCode()).map(UnitDirectory.UnitSummary::code).orElseThrow(() ->
                    ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "movedToUnitCode", "movedToUnitCode must be the code of a known unit."));
        }
        ChildStatus next = switch (request.action()) {
            case MOVE_AWAY -> ChildStatus.MOVED_AWAY;
            case RECORD_DEATH -> ChildStatus.DECEASED;
            case REACTIVATE -> ChildStatus.ACTIVE;
        };
        ChildView before = views.full(child, today(), false);
        child.lifecycle(next, request.date(), movedTo, Texts.clean(request.note()));
        child.touch(now());
        children.flush();
        ChildView after = views.full(child, today(), false);
        audit.record(request.action().name(), RECORD_TYPE, id.toString(), child.unitPath(), before, after);
        return new Versioned<>(after, child.version());
    }

    private static Set<ChildRequests.LifecycleAction> allowedActions(ChildStatus status) {
        return switch (status) {
            case ACTIVE -> EnumSet.of(ChildRequests.LifecycleAction.MOVE_AWAY, ChildRequests.LifecycleAction.RECORD_DEATH);
            case MOVED_AWAY -> EnumSet.of(ChildRequests.LifecycleAction.REACTIVATE, ChildRequests.LifecycleAction.RECORD_DEATH);
            case DECEASED -> EnumSet.of(ChildRequests.LifecycleAction.REACTIVATE);
            case MERGED -> EnumSet.noneOf(ChildRequests.LifecycleAction.class);
        };
    }

    /** Query of the child list as the resource parsed it. */
    public record ListQuery(String unitCode, String villageCode, String sex, LocalDate bornFrom, LocalDate bornTo,
                            Integer minAge, Integer maxAge, LocalDate ageOn, String circumstanceGroup,
                            LocalDate circumstanceOn, String riskCategory, LocalDate atRiskOn, ChildStatus status,
                            String povertyStatus, String disabilityLevel, String personalId, String externalRef, String q,
                            OffsetDateTime updatedSince, String sort) {
    }

    @Transactional
    public Page<ChildSummary> list(ListQuery q, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_CHILDREN);
        IdentifierMasking.requireVisible(user, "personalId", q.personalId());
        ReadOnlySession.declare(children.getEntityManager());
        ChildSort sort = ChildSort.parse(q.sort());
        String fingerprint = q.toString();
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, LIST, fingerprint), paging);
        ChildRepository.Filter filter = filter(q);
        List<UUID> ids = children.pageOfIds(filter, user.scope(), sort, ChildSort.Cursor.parse(page.afterKey()), page.size() + 1);
        List<Child> rows = children.findAllInOrder(ids);
        Page<Child> records = Page.fromOverfetch(rows, page.size(),
                last -> PageToken.encode(LIST, fingerprint, sort.cursorAfter(last).format()));
        return new Page<>(views.summaries(records.items(), today(), IdentifierMasking.appliesTo(user)), records.nextPageToken());
    }

    private ChildRepository.Filter filter(ListQuery q) {
        LocalDate ageOn = q.ageOn() != null ? q.ageOn() : today();
        LocalDate bornFrom = q.bornFrom();
        LocalDate bornTo = q.bornTo();
        if (q.minAge() != null) {
            bornTo = earliest(bornTo, ageOn.minusYears(q.minAge()));
        }
        if (q.maxAge() != null) {
            bornFrom = latest(bornFrom, ageOn.minusYears(q.maxAge() + 1L).plusDays(1));
        }
        Scope unit = units.subtreesOfParameter(q.unitCode());
        boolean groupAsked = q.circumstanceGroup() != null || q.circumstanceOn() != null;
        boolean riskAsked = q.riskCategory() != null || q.atRiskOn() != null;
        List<String> words = q.q() == null ? List.of()
                : Arrays.stream(Texts.fold(q.q()).split(" ")).filter(w -> !w.isEmpty()).toList();
        return new ChildRepository.Filter(unit, q.villageCode(), units.subtreesOfCode(q.villageCode()), q.sex(), bornFrom, bornTo,
                q.circumstanceGroup(), groupAsked ? orToday(q.circumstanceOn()) : null, q.riskCategory(),
                riskAsked ? orToday(q.atRiskOn()) : null,
                q.status(), q.povertyStatus(), q.disabilityLevel(), q.personalId(), q.externalRef(), words, q.updatedSince());
    }

    /** A pair of records that may describe one child (schema {@code DuplicatePair}). */
    public record DuplicatePair(ChildSummary first, ChildSummary second, DuplicateReason reason) {
    }

    @Transactional
    public Page<DuplicatePair> duplicates(String unitCode, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_CHILDREN);
        String fingerprint = String.valueOf(unitCode);
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, DUPLICATES, fingerprint), paging);
        UUID afterFirst = null;
        UUID afterSecond = null;
        if (page.afterKey() != null) {
            try {
                afterFirst = UUID.fromString(page.afterKey().substring(0, 36));
                afterSecond = UUID.fromString(page.afterKey().substring(37));
            } catch (RuntimeException e) {
                throw PageToken.invalid();
            }
        }
        Scope unit = units.subtreesOfParameter(unitCode);
        // What changed since the last refresh (DuplicatePairs) is paired first, so an edit shows at once,
        // unless a refresh is running (an import's records): the list then shows what it found so far.
        children.refreshDuplicatePairsIfIdle(DuplicatePairs.AT_READ);
        List<ChildRepository.Pair> pairs = children.pageOfDuplicatePairs(user.scope(), unit, afterFirst, afterSecond, page.size() + 1);
        Page<ChildRepository.Pair> cut = Page.fromOverfetch(pairs, page.size(),
                last -> PageToken.encode(DUPLICATES, fingerprint, last.first() + "|" + last.second()));
        List<UUID> ids = cut.items().stream().flatMap(p -> Stream.of(p.first(), p.second())).distinct().toList();
        Map<UUID, ChildSummary> summaries = views.summaries(children.findAllInOrder(ids), today(), IdentifierMasking.appliesTo(user))
                .stream().collect(Collectors.toMap(ChildSummary::id, Function.identity()));
        return cut.map(p -> new DuplicatePair(summaries.get(p.first()), summaries.get(p.second()), p.reason()));
    }

    /** The record's change history and access log, newest first (from the audit trail). */
    @Transactional
    public Page<AuditEventView> history(UUID id, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_AUDIT_TRAIL);
        load(id, user.scope());
        return auditEvents.list(new AuditService.Filter(RECORD_TYPE, id.toString(), null, null, null), pageSize, pageToken);
    }

    /**
     * The record in scope, locked, at the version {@code ifMatch} names, and still a record of its
     * own (a merged record only points to its survivor).
     */
    Child lockForChange(UUID id, String ifMatch, Scope scope) {
        Child child = children.lockInScope(id, scope).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, child.version());
        requireOwnRecord(child, scope);
        return child;
    }

    /** The record in scope, locked, for changes to what hangs under it (spans, consents). */
    Child lockForChildRecords(UUID id, Scope scope) {
        Child child = children.lockInScope(id, scope).orElseThrow(() -> notFound(id));
        requireOwnRecord(child, scope);
        return child;
    }

    private void requireOwnRecord(Child child, Scope scope) {
        if (child.anonymisedAt() != null) {
            throw new ApiException.Conflict(ProblemCode.CHILD_ANONYMISED,
                    "This record was anonymised under the retention rule and can no longer be changed.", null);
        }
        if (child.status() == ChildStatus.MERGED) {
            throw new ApiException.Conflict(ProblemCode.CHILD_MERGED, "This record was merged into another; change that one instead.",
                    children.findInScope(child.mergedIntoId(), scope).map(s -> path(s.id())).orElse(null));
        }
    }

    Child load(UUID id, Scope scope) {
        return children.findInScope(id, scope).orElseThrow(() -> notFound(id));
    }

    static ApiException notFound(UUID id) {
        return new ApiException.NotFound("Child", id.toString());
    }

    static String path(UUID id) {
        return "/api/v1/children/" + id;
    }

    /**
     * A personal identification number or external reference belongs to one record only. When the
     * other record lies outside the caller's area, the answer is a probe ({@link ScopeProbes}).
     */
    private void requireUniqueIdentifiers(ChildDetails details, UUID self, Scope scope) {
        if (details.personalId() != null) {
            children.findByPersonalId(details.personalId()).filter(c -> !c.id().equals(self)).ifPresent(existing -> {
                throw conflict(ProblemCode.PERSONAL_ID_TAKEN, "Another record has this personal identification number.", existing, scope);
            });
        }
        if (details.externalRef() != null) {
            children.findByExternalRef(details.externalRef()).filter(c -> !c.id().equals(self)).ifPresent(existing -> {
                throw conflict(ProblemCode.EXTERNAL_REF_TAKEN, "Another record has this external reference.", existing, scope);
            });
        }
    }

    /** The conflict; one with a record outside the caller's area is a probe ({@link ScopeProbes.OutsideScope}). */
    private static RuntimeException conflict(ProblemCode code, String detail, Child existing, Scope scope) {
        String visible = existing(existing, scope);
        ApiException.Conflict conflict = new ApiException.Conflict(code, detail, visible);
        return visible == null ? new ScopeProbes.OutsideScope(conflict) : conflict;
    }

    /** Where the conflicting record is, when the caller may see it; nothing otherwise. */
    private static String existing(Child existing, Scope scope) {
        return scope.contains(existing.unitPath()) ? path(existing.id()) : null;
    }

    private LocalDate orToday(LocalDate date) {
        return date != null ? date : today();
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Instant now() {
        return clock.instant();
    }
}
