package vn.baovetreem.children;

import java.util.List;
import java.util.UUID;

/**
 * Records of other features that belong to a child (cases, interventions) and must follow a
 * duplicate into its survivor when two records are merged. Implementations are CDI beans; the
 * merge calls each inside its transaction.
 */
public interface ChildMergeParticipant {

    /**
     * Re-points this feature's records from {@code duplicateId} to {@code survivorId}.
     *
     * @return what was moved, one line per record (such as {@code case 2025-06283-0004}), for the audit trail
     */
    List<String> moveRecords(UUID duplicateId, UUID survivorId);
}
