package vn.baovetreem.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Which days are working days: Monday to Friday, less the public holidays and the compensatory
 * days off, plus the Saturdays or Sundays worked in exchange, as a year's calendar lists them
 * ({@code exceptions}). Counting needs no database; {@link WorkingCalendar} reads the exceptions.
 */
public record WorkingDays(Map<LocalDate, WorkingCalendar.Kind> exceptions) implements WorkingDayCount {

    public boolean isWorkingDay(LocalDate day) {
        WorkingCalendar.Kind kind = exceptions.get(day);
        if (kind != null) {
            return kind == WorkingCalendar.Kind.WORKING_WEEKEND;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Holds every exception already. */
    @Override
    public WorkingDays forStarts(LocalDate first, LocalDate last, int n) {
        return this;
    }

    /** The last day whose exception {@code addWorkingDays(start, n)} may need: even a long Tết leaves a working day in every two weeks. */
    static LocalDate horizon(LocalDate start, int n) {
        return start.plusDays(n * 2L + 21);
    }
}
