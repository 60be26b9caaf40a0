package vn.baovetreem.indicators;

import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a day range, its label, and its DHIS2 form when DHIS2 can express it. Named
 * periods are a year ({@code 2024}), a half ({@code 2024-H1}), a quarter ({@code 2024-Q3}) or a
 * month ({@code 2024-07}); any other range is given by its first and last day.
 */
public record Period(String label, LocalDate from, LocalDate to, String dhis2) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    /** The period named {@code name}, or 400 naming the forms accepted. */
    public static Period named(String name) {
        Matcher m;
        if ((m = YEAR.matcher(name)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return new Period(name, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), name);
        }
        if ((m = HALF.matcher(name)).matches()) {
            int y = Integer.parseInt(m.group(1));
            boolean first = m.group(2).equals("1");
            return new Period(name, LocalDate.of(y, first ? 1 : 7, 1), first ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31),
                    y + "S" + m.group(2));
        }
        if ((m = QUARTER.matcher(name)).matches()) {
            int y = Integer.parseInt(m.group(1));
            int q = Integer.parseInt(m.group(2));
            LocalDate from = LocalDate.of(y, 3 * q - 2, 1);
            return new Period(name, from, from.plusMonths(3).minusDays(1), y + "Q" + q);
        }
        if ((m = MONTH.matcher(name)).matches()) {
            YearMonth month = YearMonth.parse(name);
            return new Period(name, month.atDay(1), month.atEndOfMonth(), name.replace("-", ""));
        }
        throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "period",
                "period must be a year (2024), a half (2024-H1), a quarter (2024-Q3) or a month (2024-07).");
    }

    /** A range of days; DHIS2 cannot express it unless it is one of the named periods. */
    public static Period between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "to", "to must not be before from.");
        }
        if (to.isAfter(from.plusYears(5))) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "to", "A period spans at most five years.");
        }
        String label = from + "/" + to;
        for (String candidate : candidates(from)) {
            Period named = named(candidate);
            if (named.from().equals(from) && named.to().equals(to)) {
                return named;
            }
        }
        return new Period(label, from, to, null);
    }

    /** The period from the {@code period} parameter, or from {@code from} and {@code to}; one of them is required. */
    public static Period of(String period, LocalDate from, LocalDate to) {
        if (period != null && (from != null || to != null)) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "period", "Give either period or from and to, not both.");
        }
        if (period != null) {
            return named(period);
        }
        if (from == null || to == null) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "period", "Give a period (such as 2024 or 2024-H1) or from and to.");
        }
        return between(from, to);
    }

    private static String[] candidates(LocalDate from) {
        int y = from.getYear();
        int q = (from.getMonthValue() + 2) / 3;
        return new String[]{String.valueOf(y), y + "-H" + (from.getMonthValue() <= 6 ? 1 : 2), y + "-Q" + q,
                "%d-%02d".formatted(y, from.getMonthValue())};
    }
}
