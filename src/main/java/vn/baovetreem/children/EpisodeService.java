package vn.baovetreem.children;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.Edits;
import vn.baovetreem.children.ChildRequests.EpisodeEnd;
import vn.baovetreem.children.ChildRequests.NewEpisode;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Special-circumstance and risk spans of a child. A span starts no earlier than birth and never
 * overlaps another span of the same group (or category) of the same child. Changes are audited on
 * the child's record and change the child's version, since its active groups are part of it.
 */
@ApplicationScoped
public class EpisodeService {

    /** Spans of one kind a record may hold; far above any real child's history, it keeps reads bounded. */
    static final int MAX_PER_KIND = 100;

    private final EpisodeRepository episodes;
    private final ChildService childService;
    private final CodeListCatalog codes;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Edits edits;
    private final RequestValidator validator;
    private final ObjectMapper patchReader;

    EpisodeService(EpisodeRepository episodes, ChildService childService, CodeListCatalog codes, AccessPolicy access,
                   AuditTrail audit, Edits edits, RequestValidator validator, ObjectMapper mapper) {
        this.episodes = episodes;
        this.childService = childService;
        this.codes = codes;
        this.access = access;
        this.audit = audit;
        this.edits = edits;
        this.validator = validator;
        this.patchReader = mapper;
    }

    /** Schema {@code Episode}. */
    public record EpisodeView(UUID id, UUID childId, EpisodeKind kind, String code, String subcode, LocalDate startDate,
                              LocalDate endDate, String endReason, String note, boolean active, Instant createdAt,
                              String createdBy, Instant updatedAt) {
    }

    /** Schema {@code EpisodeList}. */
    public record EpisodeList(List<EpisodeView> items) {
    }

    @Transactional
    public EpisodeList list(UUID childId, EpisodeKind kind) {
        CurrentUser.Resolved user = access.check(Operation.READ_CHILDREN);
        Child child = childService.load(childId, user.scope());
        LocalDate today = childService.today();
        auditRead(child, kind);
        return new EpisodeList(episodes.of(child.id(), kind).stream().map(e -> view(e, today)).toList());
    }

    @Transactional
    public Versioned<EpisodeView> get(UUID childId, EpisodeKind kind, UUID episodeId) {
        CurrentUser.Resolved user = access.check(Operation.READ_CHILDREN);
        Child child = childService.load(childId, user.scope());
        ChildEpisode episode = find(child, kind, episodeId);
        auditRead(child, kind);
        return new Versioned<>(view(episode, childService.today()), episode.version());
    }

    @Transactional
    public Versioned<EpisodeView> create(UUID childId, EpisodeKind kind, NewEpisode request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_CHILDREN);
        validator.validate(request);
        Child child = childService.lockForChildRecords(childId, user.scope());
        List<ChildEpisode> existing = episodes.of(child.id(), kind);
        if (existing.size() >= MAX_PER_KIND) {
            throw new ApiException.Conflict(ProblemCode.TOO_MANY_EPISODES, "This record already holds " + MAX_PER_KIND + " spans of this kind.");
        }
        NewEpisode clean = check(kind, request, child, existing, null);
        ChildEpisode episode = ChildEpisode.open(child.id(), kind, user.username(), childService.now());
        apply(episode, clean);
        episodes.persist(episode);
        child.touch(childService.now());
        episodes.flush();
        EpisodeView after = view(episode, childService.today());
        audit.record("ADD_" + kind.name(), ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), null, after);
        return new Versioned<>(after, episode.version());
    }

    /** Corrects a span with a JSON Merge Patch of its fields; the result obeys the same rules. */
    @Transactional
    public Versioned<EpisodeView> correct(UUID childId, EpisodeKind kind, UUID episodeId, String ifMatch, JsonNode patch)
            throws JsonProcessingException {
        CurrentUser.Resolved user = access.check(Operation.WRITE_CHILDREN);
        Child child = childService.lockForChildRecords(childId, user.scope());
        ChildEpisode episode = find(child, kind, episodeId);
        ETags.requireMatch(ifMatch, episode.version());
        NewEpisode request = edits.patched(asRequest(episode), patch, NewEpisode.class);
        NewEpisode clean = check(kind, request, child, episodes.of(child.id(), kind), episode.id());
        EpisodeView before = view(episode, childService.today());
        apply(episode, clean);
        child.touch(childService.now());
        episodes.flush();
        EpisodeView after = view(episode, childService.today());
        audit.record("CORRECT_" + kind.name(), ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), before, after);
        return new Versioned<>(after, episode.version());
    }

    @Transactional
    public Versioned<EpisodeView> end(UUID childId, EpisodeKind kind, UUID episodeId, String ifMatch, EpisodeEnd request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_CHILDREN);
        validator.validate(request);
        Child child = childService.lockForChildRecords(childId, user.scope());
        ChildEpisode episode = find(child, kind, episodeId);
        ETags.requireMatch(ifMatch, episode.version());
        if (episode.endDate() != null) {
            throw new ApiException.Conflict(ProblemCode.EPISODE_ALREADY_ENDED, "This span already ended on " + episode.endDate()
                    + "; correct it instead.");
        }
        if (request.endDate().isBefore(episode.startDate()) || request.endDate().isAfter(childService.today())) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "endDate", "endDate must be between the start of the span and today.");
        }
        EpisodeView before = view(episode, childService.today());
        episode.describe(episode.code(), episode.subcode(), episode.startDate(), request.endDate(), Texts.clean(request.reason()),
                episode.note(), childService.now());
        child.touch(childService.now());
        episodes.flush();
        EpisodeView after = view(episode, childService.today());
        audit.record("END_" + kind.name(), ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), before, after);
        return new Versioned<>(after, episode.version());
    }

    /** Spans are private data (Decree 56 Art. 33): reading them is an audit event of the child. */
    private void auditRead(Child child, EpisodeKind kind) {
        audit.recordRead("READ_" + kind.pathSegment().toUpperCase(Locale.ROOT), ChildService.RECORD_TYPE,
                child.id().toString(), child.unitPath());
    }

    NewEpisode check(EpisodeKind kind, NewEpisode r, ChildFacts child, List<ChildEpisode> existing, UUID self) {
        problems(kind, r, child.dateOfBirth()).failIfAny("The span has invalid values.");
        existing.stream()
                .filter(e -> !e.id().equals(self) && e.code().equals(r.code()) && e.overlaps(r.startDate(), r.endDate()))
                .findFirst()
                .ifPresent(clash -> {
                    throw new ApiException.Conflict(ProblemCode.EPISODE_OVERLAP, "The child already has a span of " + r.code()
                            + " from " + clash.startDate() + (clash.endDate() == null ? " (open)" : " to " + clash.endDate())
                            + "; end or correct it first.",
                            ChildService.path(child.id()) + "/" + kind.pathSegment() + "/" + clash.id());
                });
        return new NewEpisode(r.code(), r.subcode(), r.startDate(), r.endDate(), Texts.clean(r.endReason()), Texts.clean(r.note()));
    }

    /**
     * What is wrong with span {@code r} of {@code kind} in itself (codes, dates, end reason) and,
     * when the child's birth day {@code bornOn} is known, against it. A field left empty is Bean
     * Validation's to report: what needs it is not checked; so are the codes when {@code kind} is
     * null (an import row whose kind cannot be read, which its reader reports).
     */
    Violations problems(EpisodeKind kind, NewEpisode r, LocalDate bornOn) {
        Violations problems = new Violations();
        LocalDate today = childService.today();
        if (kind != null && r.code() != null && !codes.contains(kind.codeList(), r.code())) {
            problems.add("code", "is not a code of the " + kind.codeList() + " list");
        } else if (r.code() != null && kind == EpisodeKind.CIRCUMSTANCE
                && (r.subcode() == null || !codes.containsSubcode(kind.codeList(), r.code(), r.subcode()))) {
            problems.add("subcode", "must be a Decree 56 subgroup of group " + r.code());
        }
        if (kind == EpisodeKind.RISK && r.subcode() != null) {
            problems.add("subcode", "risk spans have no subcode");
        }
        if (r.startDate() != null && bornOn != null && r.startDate().isBefore(bornOn)) {
            problems.add("startDate", "must not be before the child's date of birth (" + bornOn + ")");
        }
        if (r.startDate() != null && r.startDate().isAfter(today)) {
            problems.add("startDate", "must not be in the future");
        }
        if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
            problems.add("endDate", "must not be before startDate");
        }
        if (r.endDate() == null && r.endReason() != null) {
            problems.add("endReason", "is only given with endDate");
        }
        return problems;
    }

    private void apply(ChildEpisode episode, NewEpisode r) {
        episode.describe(r.code(), r.subcode(), r.startDate(), r.endDate(), r.endReason(), r.note(), childService.now());
    }

    private ChildEpisode find(Child child, EpisodeKind kind, UUID episodeId) {
        return episodes.findByIdOptional(episodeId)
                .filter(e -> e.childId().equals(child.id()) && e.kind() == kind)
                .orElseThrow(() -> new ApiException.NotFound("Span", episodeId.toString()));
    }

    private static NewEpisode asRequest(ChildEpisode e) {
        return new NewEpisode(e.code(), e.subcode(), e.startDate(), e.endDate(), e.endReason(), e.note());
    }

    static EpisodeView view(ChildEpisode e, LocalDate today) {
        return new EpisodeView(e.id(), e.childId(), e.kind(), e.code(), e.subcode(), e.startDate(), e.endDate(), e.endReason(),
                e.note(), e.overlaps(today, today), e.createdAt(), e.createdBy(), e.updatedAt());
    }
}
