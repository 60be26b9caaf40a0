package vn.baovetreem.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.baovetreem.calendar.WorkingCalendar.Kind.HOLIDAY;
import static vn.baovetreem.calendar.WorkingCalendar.Kind.WORKING_WEEKEND;

/**
 * The counting rule alone, without the service: weekends, holidays and Saturdays worked in exchange,
 * with the days off of Tết 2026 and of 30 April 2025 as their calendars list them.
 * {@code WorkingCalendarTest} checks the same against the calendars the service keeps.
 */
class WorkingDaysTest {

    private static final WorkingDays DAYS = new WorkingDays(exceptions());

    private static Map<LocalDate, WorkingCalendar.Kind> exceptions() {
        Map<LocalDate, WorkingCalendar.Kind> days = new HashMap<>();
        for (LocalDate d = LocalDate.of(2026, 2, 16); !d.isAfter(LocalDate.of(2026, 2, 20)); d = d.plusDays(1)) {
            days.put(d, HOLIDAY);
        }
        days.put(LocalDate.of(2025, 4, 26), WORKING_WEEKEND);
        days.put(LocalDate.of(2025, 4, 30), HOLIDAY);
        days.put(LocalDate.of(2025, 5, 1), HOLIDAY);
        days.put(LocalDate.of(2025, 5, 2), HOLIDAY);
        return days;
    }

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
            "2026-02-13, 5, 2026-02-27",   // Friday before Tết: the whole week after is off
            "2026-02-12, 1, 2026-02-13",   // an ordinary Thursday
            "2026-02-20, 1, 2026-02-23",   // from a holiday, the next working day
            "2025-04-25, 1, 2025-04-26",   // the Saturday worked in exchange counts
            "2025-04-25, 2, 2025-04-28",
            "2025-04-29, 1, 2025-05-05",   // 30 April to 2 May off, then the weekend
            "2030-03-01, 5, 2030-03-08",   // no exceptions: Monday to Friday
    })
    void workingDaysSkipWeekendsAndHolidaysAndCountSwappedSaturdays(LocalDate start, int n, LocalDate due) {
        assertThat(DAYS.addWorkingDays(start, n)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({"2026-02-16, false", "2026-02-23, true", "2025-04-26, true", "2025-04-27, false", "2025-04-30, false"})
    void aDayIsWorkedOrNot(LocalDate day, boolean working) {
        assertThat(DAYS.isWorkingDay(day)).isEqualTo(working);
    }
}
