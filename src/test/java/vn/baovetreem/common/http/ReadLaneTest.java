package vn.baovetreem.common.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * Reads of one record run on the lane's own threads, one after another once they are all busy; a
 * read that waited longer than the shares' wait answers 503, and nothing else waits for the lane.
 */
@QuarkusTest
class ReadLaneTest {

    @Inject
    ReadLane lane;

    @ConfigProperty(name = "cp.limits.reads")
    int size;

    @ConfigProperty(name = "cp.limits.wait")
    Duration wait;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    @Test
    void aLaneOfNoThreadIsRefused() {
        assertThatThrownBy(() -> new ReadLane(vertx, 0, wait, metrics)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CP_LIMIT_READS");
        assertThatThrownBy(() -> new ReadLane(vertx, -3, wait, metrics)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReadRunsOnTheLanesOwnThreads() {
        assertThat(lane.run(() -> Thread.currentThread().getName()).await().atMost(Duration.ofSeconds(10)))
                .startsWith("record-reads");
    }

    @Test
    void aReadThatWaitedLongerThanTheSharesWaitAnswersServiceBusyWhileOtherRequestsGoOn() throws Exception {
        UUID child = TestChildren.register("06283_01", "2016-04-04", "Đọc Khi Chờ");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(size);
        List<CompletableFuture<Boolean>> held = new ArrayList<>();
        try {
            // Every thread of the lane is taken by a read that does not end.
            for (int i = 0; i < size; i++) {
                held.add(lane.run(() -> {
                    busy.countDown();
                    return release.await(30, TimeUnit.SECONDS);
                }).subscribeAsCompletionStage());
            }
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            Api.as("commune.yenphuc").get("/api/v1/me").then().statusCode(200);
            Api.as("commune.yenphuc").get("/api/v1/children?pageSize=5").then().statusCode(200);

            // The read queues behind them; its turn comes only after the wait.
            CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(
                    wait.toMillis() + 500, TimeUnit.MILLISECONDS));
            Api.as("commune.yenphuc").get("/api/v1/children/" + child).then().statusCode(503)
                    .header("Retry-After", String.valueOf(ApiException.ServiceUnavailable.BUSY_RETRY_AFTER_SECONDS))
                    .body("code", equalTo("SERVICE_BUSY"));
        } finally {
            release.countDown();
        }
        held.forEach(CompletableFuture::join);
        Api.as("commune.yenphuc").get("/api/v1/children/" + child).then().statusCode(200);
    }
}
