package vn.baovetreem.common.persistence;

import jakarta.persistence.EntityManager;

/**
 * Locks for records that a {@code PUT} creates: there is no row to lock before the first write,
 * so two first writes would both see "absent" and both create. A transaction-scoped advisory lock
 * on the record's name makes the second wait and then see the first one's row, so exactly one
 * first write succeeds and the other answers as the ETag rules say (428 or 412).
 */
public final class RecordLocks {

    private RecordLocks() {
    }

    /** Holds the lock of record {@code kind}/{@code key} until the transaction ends. */
    public static void lock(EntityManager em, String kind, String key) {
        em.createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(?1, 0)) as text)")
                .setParameter(1, kind + '/' + key)
                .getSingleResult();
    }
}
