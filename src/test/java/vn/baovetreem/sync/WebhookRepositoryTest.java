package vn.baovetreem.sync;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook queue's queries against PostgreSQL, without HTTP, inside each test's transaction,
 * which is rolled back (so the running dispatcher never sees these deliveries).
 */
@QuarkusTest
class WebhookRepositoryTest {

    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Inject
    WebhookRepository webhooks;

    @Test
    @TestTransaction
    void aDeliveryIsClaimedOnceForItsLeaseThenRetriedWhenDueUntilDelivered() {
        UUID hook = UUID.randomUUID();
        webhooks.insert(new WebhookRepository.Webhook(hook, "https://receiver.example/hook", List.of("child"), null, null,
                "a secret of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8), new Position(0, 0), T, "test"));
        assertThat(webhooks.find(hook)).get().satisfies(w -> assertThat(w.types()).containsExactly("child"));
        webhooks.queue(List.of(new WebhookRepository.Queued(hook, "child.changed", "{\"n\":1}"),
                new WebhookRepository.Queued(hook, "child.changed", "{\"n\":2}")), T);

        List<WebhookRepository.Claimed> first = mine(webhooks.claimDue(T.plusSeconds(1), LEASE, 1000));
        assertThat(first).hasSize(2).allSatisfy(c -> assertThat(c.attempts()).isZero());
        assertThat(mine(webhooks.claimDue(T.plusSeconds(2), LEASE, 1000))).as("held for the lease").isEmpty();

        webhooks.attempted(first.get(0).id(), true, 204, null, T.plusSeconds(3), null);
        webhooks.attempted(first.get(1).id(), false, 503, "Service Unavailable", T.plusSeconds(3), T.plusSeconds(30));
        List<WebhookRepository.Claimed> retried = mine(webhooks.claimDue(T.plusSeconds(31), LEASE, 1000));
        assertThat(retried).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(first.get(1).id());
            assertThat(c.attempts()).isEqualTo(1);
        });

        assertThat(webhooks.deliveries(hook, T.plusSeconds(3600), new UUID(-1, -1), 10))
                .extracting(WebhookRepository.Delivery::status).containsExactlyInAnyOrder("DELIVERED", "PENDING");
        assertThat(webhooks.remove(hook, T.plusSeconds(40))).isTrue();
        assertThat(webhooks.remove(hook, T.plusSeconds(41))).as("removed once").isFalse();
        assertThat(mine(webhooks.claimDue(T.plusSeconds(3600), LEASE, 1000))).as("nothing goes to a removed webhook").isEmpty();
    }

    /** The deliveries of this test among those due (other tests' retries may be due too). */
    private static List<WebhookRepository.Claimed> mine(List<WebhookRepository.Claimed> claimed) {
        return claimed.stream().filter(c -> c.url().equals("https://receiver.example/hook")).toList();
    }
}
