package vn.baovetreem.children;

import vn.baovetreem.audit.RecordRef;

import java.util.List;
import java.util.UUID;

/**
 * What another feature (cases, supports, households) holds about a child: shown in the child's
 * personal-data report and erased by the retention rule. Implementations are CDI beans, called
 * inside the transaction of the report or of the anonymisation, after the caller was checked.
 */
public interface ChildDataParticipant {

    /**
     * One part of the personal-data report: its value in the JSON report under {@code key}, and its
     * table (at most ten columns) under {@code title} in the printed one.
     */
    record Section(String key, String title, Object value, List<String> header, List<List<String>> rows) {
    }

    /** What this feature holds about the child, as the child's own commune sees it; nothing is audited here. */
    Section describe(UUID childId);

    /** The records of this feature about these children, whose audit events concern them. */
    List<RecordRef> records(List<UUID> childIds);

    /**
     * Erases what identifies these children or others in this feature's records (names, contacts,
     * free text), keeping every value an indicator counts.
     */
    void anonymise(List<UUID> childIds);
}
