package vn.baovetreem.prevention;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.children.ChildMergeParticipant;

import java.util.List;
import java.util.UUID;

/** A merged duplicate's place in a household passes to the survivor, unless the survivor already lives in one. */
@ApplicationScoped
class HouseholdMergeParticipant implements ChildMergeParticipant {

    private final HouseholdRepository households;

    HouseholdMergeParticipant(HouseholdRepository households) {
        this.households = households;
    }

    @Override
    public List<String> moveRecords(UUID duplicateId, UUID survivorId) {
        return households.moveMember(duplicateId, survivorId) > 0 ? List.of("household membership") : List.of();
    }
}
