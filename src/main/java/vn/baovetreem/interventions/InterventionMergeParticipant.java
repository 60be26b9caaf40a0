package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.children.ChildMergeParticipant;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A merged duplicate's supports follow it into the survivor's record. */
@ApplicationScoped
class InterventionMergeParticipant implements ChildMergeParticipant {

    private final InterventionRepository interventions;
    private final Clock clock;

    InterventionMergeParticipant(InterventionRepository interventions, Clock clock) {
        this.interventions = interventions;
        this.clock = clock;
    }

    @Override
    public List<String> moveRecords(UUID duplicateId, UUID survivorId) {
        List<Intervention> moved = interventions.ofChild(duplicateId);
        moved.forEach(i -> i.moveTo(survivorId, clock.instant()));
        return moved.stream().map(i -> "intervention " + i.id()).toList();
    }
}
