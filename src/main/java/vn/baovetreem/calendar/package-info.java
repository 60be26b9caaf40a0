/**
 * The working-day calendar: Monday to Friday, except public holidays and compensatory days off,
 * plus the Saturdays worked in exchange. Decree 56 deadlines count in these working days.
 */
package vn.baovetreem.calendar;
