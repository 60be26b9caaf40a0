package vn.baovetreem.cases;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.children.ChildMergeParticipant;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A merged duplicate's cases follow it into the survivor's record. */
@ApplicationScoped
class CaseMergeParticipant implements ChildMergeParticipant {

    private final CaseRepository cases;
    private final Clock clock;

    CaseMergeParticipant(CaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public List<String> moveRecords(UUID duplicateId, UUID survivorId) {
        List<ChildCase> moved = cases.ofChild(duplicateId);
        moved.forEach(c -> c.moveToChild(survivorId, clock.instant()));
        return moved.stream().map(c -> "case " + c.caseNumber()).toList();
    }
}
