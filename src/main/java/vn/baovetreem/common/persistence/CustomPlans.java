package vn.baovetreem.common.persistence;

import jakarta.persistence.EntityManager;

/**
 * Plans made for each statement's values until the transaction ends. The driver prepares a statement
 * it has seen a few times, and PostgreSQL may then plan it once for any values: for a query whose
 * best plan depends on its unit or period, that plan can be many times slower (a province's support
 * coverage: 4.9 s against 0.4-1.2 s, docs/performance.md).
 */
public final class CustomPlans {

    private CustomPlans() {
    }

    /** Makes PostgreSQL plan every statement of the current transaction for its values; call it inside the transaction. */
    public static void forTransaction(EntityManager em) {
        em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
    }
}
