package vn.baovetreem.calendar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.baovetreem.calendar.WorkingCalendar.Day;
import vn.baovetreem.calendar.WorkingCalendar.Kind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar's queries against PostgreSQL, without HTTP, on a year no other test uses. */
@QuarkusTest
class CalendarRepositoryTest {

    private static final int YEAR = 2097;
    private static final Day NEW_YEAR = new Day(LocalDate.of(YEAR, 1, 1), Kind.HOLIDAY, "Tết Dương lịch", true);
    private static final Day SWAPPED = new Day(LocalDate.of(YEAR, 1, 5), Kind.WORKING_WEEKEND, "Làm bù", false);

    @Inject
    CalendarRepository calendars;

    @Inject
    EntityManager em;

    @AfterEach
    void removeTheYear() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from calendar_day where extract(year from day) = ?1").setParameter(1, YEAR).executeUpdate();
            em.createNativeQuery("delete from calendar_year where year = ?1").setParameter(1, YEAR).executeUpdate();
        });
    }

    @Test
    void aYearIsCreatedAtVersionZeroAndEachReplacementMovesItByOne() {
        assertThat(inTransaction(() -> calendars.version(YEAR))).isEmpty();

        QuarkusTransaction.requiringNew().run(() -> calendars.replace(YEAR, List.of(SWAPPED, NEW_YEAR), Instant.now(), "test"));
        assertThat(inTransaction(() -> calendars.version(YEAR))).contains(0L);
        assertThat(inTransaction(() -> calendars.days(YEAR))).containsExactly(NEW_YEAR, SWAPPED);

        QuarkusTransaction.requiringNew().run(() -> calendars.replace(YEAR, List.of(NEW_YEAR), Instant.now(), "test"));
        assertThat(inTransaction(() -> calendars.version(YEAR))).contains(1L);
        assertThat(inTransaction(() -> calendars.days(YEAR))).containsExactly(NEW_YEAR);
    }

    @Test
    void exceptionsAreReadForADateRangeWithBothEndsIncluded() {
        QuarkusTransaction.requiringNew().run(() -> calendars.replace(YEAR, List.of(NEW_YEAR, SWAPPED), Instant.now(), "test"));

        assertThat(inTransaction(() -> calendars.exceptions(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 1, 5))))
                .isEqualTo(Map.of(NEW_YEAR.date(), Kind.HOLIDAY, SWAPPED.date(), Kind.WORKING_WEEKEND));
        assertThat(inTransaction(() -> calendars.exceptions(LocalDate.of(YEAR, 1, 2), LocalDate.of(YEAR, 1, 4)))).isEmpty();
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
