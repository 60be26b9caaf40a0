package vn.baovetreem.children;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.ChildRequests.NewEpisode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.persistence.WriteOutcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    private final EpisodeRepository episodes;
    private final RequestValidator validator;
    private final Clock clock;

    EpisodeImport(EpisodeService service, EpisodeRepository episodes, RequestValidator validator, Clock clock) {
        this.service = service;
        this.episodes = episodes;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The spans of these children, by child, in one query, not managed by Hibernate (the batch writes
     * a correction); each list may be added to.
     */
    public Map<UUID, List<ChildEpisode>> spans(Collection<UUID> childIds) {
        Map<UUID, List<ChildEpisode>> byChild = new HashMap<>();
        childIds.forEach(id -> byChild.put(id, new ArrayList<>()));
        if (!childIds.isEmpty()) {
            episodes.ofChildren(childIds).forEach(e -> byChild.get(e.childId()).add(e));
        }
        return byChild;
    }

    /** The span of {@code kind} and {@code code} that starts on {@code startDate}: the one a row of an upsert updates. */
    public static ChildEpisode startingOn(List<ChildEpisode> spans, EpisodeKind kind, String code, LocalDate startDate) {
        return spans.stream().filter(e -> e.kind() == kind && e.code().equals(code) && e.startDate().equals(startDate))
                .findFirst().orElse(null);
    }

    /**
     * Every problem of a row's span in itself (its fields, codes and dates) and, when {@code child}
     * is known (null for a row whose child is not found), against the child's birth: a field the
     * row lacks or cannot read does not hide a code that is no code.
     */
    public List<Violation> problems(EpisodeKind kind, NewEpisode span, ChildFacts child) {
        return validator.rowProblems(span, service.problems(kind, span, child == null ? null : child.dateOfBirth()));
    }

    /**
     * The cleaned span, or a 400 with its violations or a 409 {@code EPISODE_OVERLAP}: the rules
     * of the API against the child's other spans ({@code match} being the one it corrects).
     */
    public NewEpisode check(EpisodeKind kind, NewEpisode span, ChildFacts child, List<ChildEpisode> spans, ChildEpisode match) {
        validator.validateRow(span);
        return service.check(kind, span, child, spans.stream().filter(e -> e.kind() == kind).toList(),
                match == null ? null : match.id());
    }

    /**
     * Adds the span to the child's record, or corrects {@code match} when the row changes it, with
     * the audit event the API writes; a new span joins {@code spans}. Nothing is sent here:
     * {@link Writes#send} sends the spans of a batch with {@code COPY} and moves each child's
     * version once.
     */
    public WriteOutcome write(EpisodeKind kind, NewEpisode clean, ChildFacts child, ChildEpisode match, List<ChildEpisode> spans,
                              String username, Writes writes) {
        LocalDate today = LocalDate.now(clock);
        if (match == null) {
            ChildEpisode episode = ChildEpisode.open(child.id(), kind, username, clock.instant());
            describe(episode, clean);
            writes.opened.add(episode);
            spans.add(episode);
            writes.touched.add(child.id());
            writes.events.add("ADD_" + kind.name(), ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), null,
                    EpisodeService.view(episode, today));
            return WriteOutcome.CREATED;
        }
        if (Objects.equals(match.subcode(), clean.subcode()) && Objects.equals(match.endDate(), clean.endDate())
                && Objects.equals(match.endReason(), clean.endReason()) && Objects.equals(match.note(), clean.note())) {
            return WriteOutcome.UNCHANGED;
        }
        EpisodeService.EpisodeView before = EpisodeService.view(match, today);
        describe(match, clean);
        writes.corrected.add(match);
        writes.touched.add(child.id());
        writes.events.add("CORRECT_" + kind.name(), ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), before,
                EpisodeService.view(match, today));
        return WriteOutcome.UPDATED;
    }

    public Writes writes(AuditTrail.Buffer events) {
        return new Writes(events);
    }

    /**
     * The writes of a batch of rows: new spans sent with {@code COPY}, corrected ones staged with
     * {@code COPY} and written by one statement that checks their versions, and the version of each
     * child whose spans changed moved once, in one statement.
     */
    public final class Writes {
        private final AuditTrail.Buffer events;
        private final List<ChildEpisode> opened = new ArrayList<>();
        private final List<ChildEpisode> corrected = new ArrayList<>();
        private final Set<UUID> touched = new LinkedHashSet<>();

        private Writes(AuditTrail.Buffer events) {
            this.events = events;
        }

        public void send() {
            episodes.insertAll(opened);
            episodes.changeAll(corrected);
            if (!touched.isEmpty()) {
                episodes.touchChildren(touched, clock.instant());
            }
            opened.clear();
            corrected.clear();
            touched.clear();
        }
    }

    private void describe(ChildEpisode episode, NewEpisode span) {
        episode.describe(span.code(), span.subcode(), span.startDate(), span.endDate(), span.endReason(), span.note(), clock.instant());
    }
}
