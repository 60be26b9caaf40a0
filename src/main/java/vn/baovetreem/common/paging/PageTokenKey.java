package vn.baovetreem.common.paging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Loads the key that signs page tokens from {@code server_secret}, creating it on the very first
 * start. Every instance reads the same row, so a token one instance issued is accepted by all of
 * them, and by the same instance after a restart.
 */
@ApplicationScoped
class PageTokenKey {

    private static final String NAME = "page-token";

    private final EntityManager em;

    PageTokenKey(EntityManager em) {
        this.em = em;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        // Two instances starting together both offer a key; the first one stored is the one both use.
        em.createNativeQuery("insert into server_secret (name, secret) values (?1, ?2) on conflict (name) do nothing")
                .setParameter(1, NAME).setParameter(2, PageToken.randomKey())
                .executeUpdate();
        byte[] secret = (byte[]) em.createNativeQuery("select secret from server_secret where name = ?1")
                .setParameter(1, NAME).getSingleResult();
        PageToken.useKey(secret);
    }
}
