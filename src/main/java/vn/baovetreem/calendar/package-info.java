/**
 * The working-day calendar: Monday to Friday, except public holidays and compensatory days off,
 * plus the Saturdays worked in exchange. Decree 56 deadlines count in these working days.
 * {@link vn.baovetreem.calendar.WorkingDays} counts them without a database,
 * {@link vn.baovetreem.calendar.WorkingCalendar} keeps the yearly calendars (the API's rules and
 * events), and {@code CalendarRepository} is the only class that reads or writes their tables.
 */
package vn.baovetreem.calendar;
