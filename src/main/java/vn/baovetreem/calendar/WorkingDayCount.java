package vn.baovetreem.calendar;

import java.time.LocalDate;

/** Counting working days, for deadlines: {@link WorkingCalendar} with the calendars kept, {@link WorkingDays} with given ones. */
public interface WorkingDayCount {

    /** The {@code n}-th working day after {@code start} ({@code start} itself not counted), {@code n} at least 1. */
    LocalDate addWorkingDays(LocalDate start, int n);

    /**
     * The same count for starts between {@code first} and {@code last} and at most {@code n}
     * working days, with what it needs read once: for computing the deadlines of many cases.
     */
    WorkingDayCount forStarts(LocalDate first, LocalDate last, int n);
}
