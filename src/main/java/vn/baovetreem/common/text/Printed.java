package vn.baovetreem.common.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as a Vietnamese document prints them, in the sections of a personal-data report. */
public final class Printed {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private Printed() {
    }

    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** {@code time} in the service's zone, to the minute. */
    public static String time(Instant time, ZoneId zone) {
        return time == null ? "" : TIME.format(time.atZone(zone));
    }

    /** An amount of đồng with dots between thousands, as Vietnamese documents write it. */
    public static String amount(Long value) {
        return value == null ? "" : String.format(Locale.forLanguageTag("vi"), "%,d", value);
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
