package vn.baovetreem.areas;

import java.time.LocalDate;

/** The one rule for effective dates: both ends inclusive, a missing end is open. */
final class Validity {

    private Validity() {
    }

    static boolean covers(LocalDate from, LocalDate to, LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
