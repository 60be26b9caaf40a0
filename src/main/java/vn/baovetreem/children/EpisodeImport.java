package vn.baovetreem.children;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.ChildRequests.NewEpisode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.persistence.WriteOutcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The spans of children as a bulk import sees them: the rules and audit of
 * {@code POST /children/{id}/circumstances} (and {@code /risks}) and of their corrections, with
 * the spans of a batch of children read in one query. The caller has already been allowed to
 * write children and has found each child in its area.
 */
@ApplicationScoped
public class EpisodeImport {

    /** Spans of one kind a record may hold. */
    public static final int MAX_PER_KIND = EpisodeService.MAX_PER_KIND;

    private final EpisodeService service;
    private final EpisodeService.Episodes episodes;
    private final RequestValidator validator;
    private final Clock clock;

    EpisodeImport(EpisodeService service, EpisodeService.Episodes episodes, RequestValidator validator, Clock clock) {
        this.service = service;
        this.episodes = episodes;
        this.validator = validator;
        this.clock = clock;
    }

    /** The spans of these children, by child, in one query; each list may be added to. */
    public Map<UUID, List<ChildEpisode>> spans(Collection<UUID> childIds) {
        Map<UUID, List<ChildEpisode>> byChild = new HashMap<>();
        childIds.forEach(id -> byChild.put(id, new ArrayList<>()));
        if (!childIds.isEmpty()) {
            episodes.list("childId in ?1", List.copyOf(childIds)).forEach(e -> byChild.get(e.childId()).add(e));
        }
        return byChild;
    }

    /** The span of {@code kind} and {@code code} that starts on {@code startDate}: the one a row of an upsert updates. */
    public static ChildEpisode startingOn(List<ChildEpisode> spans, EpisodeKind kind, String code, LocalDate startDate) {
        return spans.stream().filter(e -> e.kind() == kind && e.code().equals(code) && e.startDate().equals(startDate))
                .findFirst().orElse(null);
    }

    /**
     * The cleaned span, or a 400 with its violations or a 409 {@code EPISODE_OVERLAP}: the rules
     * of the API against the child's other spans ({@code match} being the one it corrects).
     */
    public NewEpisode check(EpisodeKind kind, NewEpisode span, Child child, List<ChildEpisode> spans, ChildEpisode match) {
        validator.validateRow(span);
        return service.check(kind, span, child, spans.stream().filter(e -> e.kind() == kind).toList(),
                match == null ? null : match.id());
    }

    /**
     * Adds the span to the child's record, or corrects {@code match} when the row changes it, with
     * the audit event the API writes; a new span joins {@code spans}. Nothing is flushed here.
     */
    public WriteOutcome write(EpisodeKind kind, NewEpisode clean, Child child, ChildEpisode match, List<ChildEpisode> spans,
                              String username, AuditTrail.Buffer events) {
        LocalDate today = LocalDate.now(clock);
        if (match == null) {
            ChildEpisode episode = ChildEpisode.open(child.id(), kind, username, clock.instant());
            describe(episode, clean);
            episodes.persist(episode);
            spans.add(episode);
            child.touch(clock.instant());
            events.add("ADD_" + kind.name(), ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), null,
                    EpisodeService.view(episode, today));
            return WriteOutcome.CREATED;
        }
        if (Objects.equals(match.subcode(), clean.subcode()) && Objects.equals(match.endDate(), clean.endDate())
                && Objects.equals(match.endReason(), clean.endReason()) && Objects.equals(match.note(), clean.note())) {
            return WriteOutcome.UNCHANGED;
        }
        EpisodeService.EpisodeView before = EpisodeService.view(match, today);
        describe(match, clean);
        child.touch(clock.instant());
        events.add("CORRECT_" + kind.name(), ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), before,
                EpisodeService.view(match, today));
        return WriteOutcome.UPDATED;
    }

    private void describe(ChildEpisode episode, NewEpisode span) {
        episode.describe(span.code(), span.subcode(), span.startDate(), span.endDate(), span.endReason(), span.note(), clock.instant());
    }
}
