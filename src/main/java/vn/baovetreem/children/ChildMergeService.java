package vn.baovetreem.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.ChildRequests.ChildMerge;
import vn.baovetreem.children.ChildViews.ChildView;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Merges a duplicate record into the record that stays (the survivor). Spans, consents and the
 * records of other features move to the survivor; spans of the same group that overlap are joined
 * into one; fields the survivor lacks are taken from the duplicate. The duplicate stays, marked
 * merged and pointing to the survivor. Both records' history tells what happened.
 */
@ApplicationScoped
public class ChildMergeService {

    private final ChildRepository children;
    private final ChildService childService;
    private final ChildViews views;
    private final EpisodeRepository episodes;
    private final ConsentRepository consents;
    private final Instance<ChildMergeParticipant> participants;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;

    ChildMergeService(ChildRepository children, ChildService childService, ChildViews views, EpisodeRepository episodes,
                      ConsentRepository consents, Instance<ChildMergeParticipant> participants, AccessPolicy access,
                      AuditTrail audit, RequestValidator validator) {
        this.children = children;
        this.childService = childService;
        this.views = views;
        this.episodes = episodes;
        this.consents = consents;
        this.participants = participants;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
    }

    /** What a merge did, recorded in both records' history. */
    public record MergeReport(UUID duplicateId, UUID survivorId, List<UUID> movedSpans, List<UUID> joinedSpans,
                              List<UUID> movedConsents, List<String> fieldsTaken, List<String> otherRecordsMoved, String note) {
    }

    /** The survivor's state after a merge, with the report (the audit's "after"). */
    public record MergedState(ChildView record, MergeReport merge) {
    }

    /**
     * Merges {@code duplicateId} (at the version {@code ifMatch} names) into the survivor named in
     * {@code request}; answers the survivor.
     */
    @Transactional
    public Versioned<ChildView> merge(UUID duplicateId, String ifMatch, ChildMerge request) {
        CurrentUser.Resolved user = access.check(Operation.ARCHIVE_OR_MERGE_CHILDREN);
        validator.validate(request);
        if (request.survivorId().equals(duplicateId)) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "survivorId", "A record cannot be merged into itself.");
        }
        // Lock both rows in id order, so two merges of the same pair cannot deadlock.
        List<UUID> order = new ArrayList<>(List.of(duplicateId, request.survivorId()));
        order.sort(Comparator.naturalOrder());
        for (UUID id : order) {
            children.lockInScope(id, user.scope()).orElseThrow(() -> ChildService.notFound(id));
        }
        Child duplicate = childService.lockForChange(duplicateId, ifMatch, user.scope());
        Child survivor = childService.lockForChildRecords(request.survivorId(), user.scope());
        LocalDate today = childService.today();
        ChildView duplicateBefore = views.full(duplicate, today, false);
        ChildView survivorBefore = views.full(survivor, today, false);

        List<UUID> moved = new ArrayList<>();
        List<UUID> joined = new ArrayList<>();
        moveSpans(duplicate, survivor, moved, joined);
        List<UUID> movedConsents = new ArrayList<>();
        for (ChildConsent consent : consents.of(duplicate.id())) {
            consent.moveTo(survivor.id());
            movedConsents.add(consent.id());
        }
        List<String> otherRecords = new ArrayList<>();
        participants.forEach(p -> otherRecords.addAll(p.moveRecords(duplicate.id(), survivor.id())));

        ChildDetails taken = duplicate.details();
        duplicate.mergeInto(survivor, today);
        duplicate.touch(childService.now());
        children.flush(); // frees the duplicate's identifiers before the survivor takes them
        List<String> fieldsTaken = survivor.absorb(taken);
        survivor.touch(childService.now());
        children.flush();

        MergeReport report = new MergeReport(duplicate.id(), survivor.id(), moved, joined, movedConsents, fieldsTaken,
                otherRecords, Texts.clean(request.note()));
        ChildView survivorAfter = views.full(survivor, today, false);
        audit.record("MERGE", ChildService.RECORD_TYPE, survivor.id().toString(), survivor.unitPath(), survivorBefore,
                new MergedState(survivorAfter, report));
        audit.record("MERGED_INTO", ChildService.RECORD_TYPE, duplicate.id().toString(), duplicate.unitPath(), duplicateBefore,
                new MergedState(views.full(duplicate, today, false), report));
        return new Versioned<>(survivorAfter, survivor.version());
    }

    /**
     * Moves the duplicate's spans; a span that overlaps the survivor's spans of the same code is
     * joined with them into one that covers them all.
     */
    private void moveSpans(Child duplicate, Child survivor, List<UUID> moved, List<UUID> joined) {
        for (ChildEpisode span : episodes.allOf(duplicate.id())) {
            List<ChildEpisode> clashing = episodes.of(survivor.id(), span.kind()).stream()
                    .filter(s -> s.code().equals(span.code()) && s.overlaps(span.startDate(), span.endDate()))
                    .toList();
            if (clashing.isEmpty()) {
                span.moveTo(survivor.id(), childService.now());
                moved.add(span.id());
                continue;
            }
            ChildEpisode keep = clashing.getFirst();
            LocalDate start = span.startDate();
            LocalDate end = span.endDate();
            boolean open = end == null;
            for (ChildEpisode s : clashing) {
                start = s.startDate().isBefore(start) ? s.startDate() : start;
                open |= s.endDate() == null;
                end = open ? null : (s.endDate().isAfter(end) ? s.endDate() : end);
            }
            for (ChildEpisode s : clashing.subList(1, clashing.size())) {
                joined.add(s.id());
                episodes.delete(s);
            }
            joined.add(span.id());
            episodes.delete(span);
            episodes.flush();
            keep.describe(keep.code(), keep.subcode(), start, end, open ? null : keep.endReason(), keep.note(), childService.now());
        }
        episodes.flush();
    }
}
