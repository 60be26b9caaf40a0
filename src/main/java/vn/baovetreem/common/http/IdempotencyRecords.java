package vn.baovetreem.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.persistence.Row;

import java.time.Duration;
import java.util.Optional;

/**
 * The claimed {@code Idempotency-Key}s in {@code idempotency_record}, one per caller and key: the
 * only place that speaks SQL for them ({@code IdempotencyRecordsTest}).
 */
@ApplicationScoped
public class IdempotencyRecords {

    /** A claimed key: the request's fingerprint and, once the create succeeded, its response ({@code status} null before). */
    record Claim(String fingerprint, Integer status, String body, String location, String etag) {
    }

    private final EntityManager em;

    IdempotencyRecords(EntityManager em) {
        this.em = em;
    }

    /** Forgets every caller's keys older than {@code ttl}, with their stored answers (the retention rule); how many. */
    public int expireAll(Duration ttl) {
        return em.createNativeQuery("delete from idempotency_record where created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, ttl.toSeconds()).executeUpdate();
    }

    /** Forgets the keys of {@code caller} older than {@code ttl}. */
    void expire(String caller, Duration ttl) {
        em.createNativeQuery("delete from idempotency_record where caller = ?1 and created_at < now() - make_interval(secs => ?2)")
                .setParameter(1, caller).setParameter(2, ttl.toSeconds())
                .executeUpdate();
    }

    /**
     * Claims {@code key} for {@code caller} with the request's fingerprint; false when it is claimed
     * already. A claim by a transaction still running makes this one wait for its end.
     */
    boolean claim(String caller, String key, String fingerprint) {
        return em.createNativeQuery("""
                        insert into idempotency_record (caller, idem_key, fingerprint, created_at)
                        values (?1, ?2, ?3, now()) on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint)
                .executeUpdate() == 1;
    }

    /** Stores the response of the create that claimed the key, for its replays. */
    void complete(String caller, String key, int status, String body, String location, String etag) {
        em.createNativeQuery("""
                        update idempotency_record set status = ?3, body = ?4, location = ?5, etag = ?6
                        where caller = ?1 and idem_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, status).setParameter(4, body)
                .setParameter(5, location).setParameter(6, etag)
                .executeUpdate();
    }

    Optional<Claim> find(String caller, String key) {
        return Row.all(em.createNativeQuery("""
                        select fingerprint, status, body, location, etag from idempotency_record
                        where caller = ?1 and idem_key = ?2""", Tuple.class)
                        .setParameter(1, caller).setParameter(2, key))
                .stream().findFirst()
                .map(r -> new Claim(r.text("fingerprint"), r.maybeInteger("status"), r.text("body"), r.text("location"), r.text("etag")));
    }
}
