package vn.baovetreem.common.persistence;

import jakarta.persistence.EntityManager;

/**
 * Transaction-scoped advisory locks on a name, for what has no row to lock: a record that a
 * {@code PUT} creates (two first writes would both see "absent" and both create; with the lock the
 * second waits, sees the first one's row and answers as the ETag rules say), or a caller's running
 * count (parallel requests would all pass a limit that each checks alone).
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

    /** Takes the lock of record {@code kind}/{@code key} until the transaction ends if no one holds it; false when someone does. */
    public static boolean lockIfFree(EntityManager em, String kind, String key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, kind + '/' + key)
                .getSingleResult();
    }
}
