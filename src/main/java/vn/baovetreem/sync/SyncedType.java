package vn.baovetreem.sync;

import vn.baovetreem.security.Operation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of record a phone or a district system keeps a copy of, as the change feed names
 * them ({@code change_log.record_type}), each with the operation that reads it.
 */
public enum SyncedType {
    CHILD("child", Operation.READ_CHILDREN),
    CIRCUMSTANCE("circumstance", Operation.READ_CHILDREN),
    RISK("risk", Operation.READ_CHILDREN),
    CASE("case", Operation.READ_CASES),
    SUPPORT("support", Operation.READ_INTERVENTIONS),
    HAZARD_SITE("hazard-site", Operation.READ_PREVENTION),
    HOUSEHOLD("household", Operation.READ_PREVENTION);

    private final String wireName;
    private final Operation read;

    SyncedType(String wireName, Operation read) {
        this.wireName = wireName;
        this.read = read;
    }

    /** The name in the API and in {@code change_log.record_type}. */
    public String wireName() {
        return wireName;
    }

    /** The operation a caller needs to receive records of this type. */
    public Operation read() {
        return read;
    }

    /** Every type's name, in order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(SyncedType::wireName).toList();
    }

    public static Optional<SyncedType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
