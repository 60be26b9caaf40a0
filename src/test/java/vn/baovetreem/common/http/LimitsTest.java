package vn.baovetreem.common.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.testing.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * A full share refuses its operations with 503 and leaves every other operation alone: exports
 * that fill the heavy share do not stop a child's record, a list or a write.
 */
@QuarkusTest
class LimitsTest {

    private static final String EXPORT = "/api/v1/exports/circular-13?unit=06298&period=2025&format=csv";

    @Inject
    Limits.Shares shares;

    @Inject
    MeterRegistry metrics;

    @Test
    void aShareOfNoPlaceIsRefused() {
        Duration wait = Duration.ofSeconds(2);
        assertThatThrownBy(() -> new Limits.Shares(0, 8, 4, wait, metrics)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CP_LIMIT_HEAVY");
        assertThatThrownBy(() -> new Limits.Shares(2, -1, 4, wait, metrics)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CP_LIMIT_LISTS");
        assertThatThrownBy(() -> new Limits.Shares(2, 8, 0, wait, metrics)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CP_LIMIT_BATCHES");
    }

    @Test
    void aFullHeavyShareAnswersServiceBusyAndLeavesCheapRequestsAlone() throws InterruptedException {
        List<Semaphore> held = new ArrayList<>();
        try {
            // Everything the heavy share allows is running.
            for (int i = 0; i < 2; i++) {
                held.add(shares.enter(Limited.Share.HEAVY));
            }
            Api.as("commune.yenphuc").get(EXPORT).then().statusCode(503)
                    .header("Retry-After", String.valueOf(ApiException.ServiceUnavailable.BUSY_RETRY_AFTER_SECONDS))
                    .body("code", equalTo("SERVICE_BUSY"));
            Api.as("commune.yenphuc").get("/api/v1/me").then().statusCode(200);
            Api.as("commune.yenphuc").get("/api/v1/children?pageSize=5").then().statusCode(200);
        } finally {
            held.forEach(Semaphore::release);
        }
        Api.as("commune.yenphuc").get(EXPORT).then().statusCode(200);
    }
}
