package vn.baovetreem.common.http;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The queries of idempotency keys against PostgreSQL, without HTTP, for a caller no other test is. */
@QuarkusTest
class IdempotencyRecordsTest {

    private static final String CALLER = "idempotency-records-test";

    @Inject
    IdempotencyRecords records;

    @Inject
    EntityManager em;

    @AfterEach
    void forgetTheCaller() {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from idempotency_record where caller = ?1").setParameter(1, CALLER).executeUpdate());
    }

    @Test
    void aKeyIsClaimedOnceThenCompletedWithTheResponseToReplay() {
        String key = UUID.randomUUID().toString();
        assertThat(run(() -> records.claim(CALLER, key, "fp-1"))).isTrue();
        assertThat(run(() -> records.claim(CALLER, key, "fp-2"))).as("claimed already").isFalse();
        assertThat(run(() -> records.find(CALLER, key))).contains(new IdempotencyRecords.Claim("fp-1", null, null, null, null));

        QuarkusTransaction.requiringNew().run(() -> records.complete(CALLER, key, 201, "{\"id\":1}", "/api/v1/x/1", "\"v0\""));
        assertThat(run(() -> records.find(CALLER, key)))
                .contains(new IdempotencyRecords.Claim("fp-1", 201, "{\"id\":1}", "/api/v1/x/1", "\"v0\""));
        assertThat(run(() -> records.find("someone else", key))).isEmpty();
    }

    @Test
    void expiryForgetsOnlyTheCallersKeysOlderThanTheTimeToLive() {
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            records.claim(CALLER, old, "fp");
            records.claim(CALLER, fresh, "fp");
            em.createNativeQuery("update idempotency_record set created_at = now() - interval '2 hours' where caller = ?1 and idem_key = ?2")
                    .setParameter(1, CALLER).setParameter(2, old).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> records.expire(CALLER, Duration.ofHours(1)));
        assertThat(run(() -> records.find(CALLER, old))).isEmpty();
        assertThat(run(() -> records.find(CALLER, fresh))).isPresent();
    }

    @Test
    @TestTransaction
    void theRetentionRuleForgetsEveryCallersKeysOlderThanTheTimeToLive() {
        String old = UUID.randomUUID().toString();
        records.claim(CALLER, old, "fp");
        records.claim("another caller", old, "fp");
        records.claim(CALLER, "fresh", "fp");
        em.createNativeQuery("update idempotency_record set created_at = now() - interval '30 days' where idem_key = ?1")
                .setParameter(1, old).executeUpdate();

        assertThat(records.expireAll(Duration.ofDays(29))).isGreaterThanOrEqualTo(2);
        assertThat(records.find(CALLER, old)).isEmpty();
        assertThat(records.find("another caller", old)).isEmpty();
        assertThat(records.find(CALLER, "fresh")).isPresent();
    }

    private static <T> T run(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
