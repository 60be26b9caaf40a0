package vn.baovetreem.common.http;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Timestamps of the API are read to the microsecond, rounded as the driver rounds what it sends to the database. */
class StrictJsonTest {

    @Test
    void aTimestampIsReadToTheMicrosecond() {
        assertThat(StrictJson.timestamp("2025-08-25T02:00:00.123456789Z")).contains(OffsetDateTime.parse("2025-08-25T02:00:00.123457Z"));
        assertThat(StrictJson.timestamp("2025-08-25T09:00:00.0000005+07:00")).contains(OffsetDateTime.parse("2025-08-25T09:00:00.000001+07:00"));
        assertThat(StrictJson.timestamp("2025-08-25T09:00:00.0000004+07:00")).contains(OffsetDateTime.parse("2025-08-25T09:00:00+07:00"));
        assertThat(StrictJson.timestamp("2025-08-25T02:00:00.5Z")).contains(OffsetDateTime.parse("2025-08-25T02:00:00.5Z"));
        assertThat(StrictJson.timestamp("2100-12-31T23:59:59.999999Z")).isPresent();
        assertThat(StrictJson.timestamp("2100-12-31T23:59:59.9999995Z")).as("rounded into 2101, past the API's range").isEmpty();
    }
}
