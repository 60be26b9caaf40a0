package vn.baovetreem.reports;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.baovetreem.reports.ReportingPeriods.Kind;
import vn.baovetreem.reports.ReportingPeriods.ReportingPeriod;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reporting periods' queries against PostgreSQL, without HTTP, on a year no other test uses, rolled back after each test. */
@QuarkusTest
class ReportRepositoryTest {

    private static final int YEAR = 2091;

    @Inject
    ReportRepository reports;

    @Test
    @TestTransaction
    void theConfiguredPeriodsOfAYearAreReplacedWhole() {
        assertThat(reports.configuredPeriods(YEAR)).isEmpty();
        ReportingPeriod sixMonths = period(Kind.SIX_MONTH, "2091-01-01", "2091-05-31", "2091-06-10");
        ReportingPeriod annual = period(Kind.ANNUAL, "2091-01-01", "2091-11-30", "2091-12-10");
        OffsetDateTime at = OffsetDateTime.parse("2090-12-01T00:00:00Z");

        reports.replacePeriods(YEAR, List.of(sixMonths, annual), at, "test");
        assertThat(reports.configuredPeriods(YEAR)).containsExactlyInAnyOrder(sixMonths, annual);

        reports.replacePeriods(YEAR, List.of(annual), at, "test");
        assertThat(reports.configuredPeriods(YEAR)).containsExactly(annual);
    }

    private static ReportingPeriod period(Kind kind, String starts, String cutOff, String due) {
        return new ReportingPeriod(YEAR, kind, ReportingPeriods.label(YEAR, kind), LocalDate.parse(starts), LocalDate.parse(cutOff),
                LocalDate.parse(due), true);
    }
}
