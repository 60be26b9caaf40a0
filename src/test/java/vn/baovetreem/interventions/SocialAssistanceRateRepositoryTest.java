package vn.baovetreem.interventions;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.baovetreem.interventions.SocialAssistanceRates.Rate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The rates' queries against PostgreSQL, without HTTP, on a day no other test uses, rolled back after each test. */
@QuarkusTest
class SocialAssistanceRateRepositoryTest {

    @Inject
    SocialAssistanceRateRepository rates;

    @Test
    @TestTransaction
    void aRateIsAddedOncePerDayAndListedInDateOrder() {
        Rate rate = new Rate(LocalDate.of(2099, 1, 1), 900_000, "NĐ thử", false);

        assertThat(rates.insert(rate, "test")).isTrue();
        assertThat(rates.insert(new Rate(rate.validFrom(), 1, "again", true), "test")).as("a day holds one rate").isFalse();

        assertThat(rates.all()).last().isEqualTo(rate);
        assertThat(rates.all()).extracting(Rate::validFrom).isSorted();
    }
}
