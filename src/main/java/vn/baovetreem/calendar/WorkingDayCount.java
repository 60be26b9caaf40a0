package vn.baovetreem.calendar;

import java.time.LocalDate;

/** Counting working days, for deadlines: {@link WorkingCalendar} with the calendars kept, {@link WorkingDays} with given ones. */
public interface WorkingDayCount {

    /** The {@code n}-th working day after {@code start} ({@code start} itself not counted), {@code n} at least 1. */
    LocalDate addWorkingDays(LocalDate start, int n);
}
