package vn.baovetreem.imports;

import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.http.StrictJson;
import vn.baovetreem.common.text.Texts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of one kind of file. Each has an English name (the API's field), a Vietnamese
 * header and perhaps {@linkplain #ALIASES aliases}, and any of them may head the column, without
 * regard to case, diacritics, spaces or underscores. Dates are {@code yyyy-MM-dd} or {@code dd/MM/yyyy}; yes/no columns take
 * {@code true}/{@code false}, {@code 1}/{@code 0} or {@code có}/{@code không}; numbers are whole,
 * and may group thousands with dots, commas or spaces.
 */
final class Columns {

    /** What a column holds, which decides how a cell is read. */
    enum Type { TEXT, DATE, YES_NO, NUMBER }

    /** One column: the API field, the Vietnamese header, what it holds and the code lists its values come from. */
    record Column(String name, String vietnamese, Type type, List<String> codeLists, String description) {

        Column(String name, String vietnamese, Type type, String codeList, String description) {
            this(name, vietnamese, type, List.of(codeList), description);
        }

        /** A column whose values come from no code list. */
        Column(String name, String vietnamese, Type type, String description) {
            this(name, vietnamese, type, List.of(), description);
        }

        /** A file without this column is refused at upload. */
        boolean required() {
            return description != null && description.startsWith("required");
        }
    }

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** Digits, with thousands grouped by one separator ({@code 1.500.000}, {@code 1,500,000}, {@code 1 500 000}). */
    private static final Pattern WHOLE = Pattern.compile("\\d+|\\d{1,3}(\\.\\d{3})+|\\d{1,3}(,\\d{3})+|\\d{1,3}( \\d{3})+");

    /**
     * The usual short or older forms of headers, as communes' own spreadsheets write them
     * (docs/imports.md lists them). An alias never takes the place of another column's name.
     */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("personalId", List.of("Số định danh", "Mã định danh", "Mã định danh cá nhân", "Số CCCD")),
            Map.entry("fullName", List.of("Họ tên", "Tên trẻ")),
            Map.entry("dateOfBirth", List.of("Ngày tháng năm sinh")),
            Map.entry("sex", List.of("Giới")),
            Map.entry("externalRef", List.of("Mã tham chiếu", "Mã hồ sơ")),
            Map.entry("healthInsuranceCard", List.of("Số BHYT", "Thẻ BHYT")),
            Map.entry("caregiverName", List.of("Họ tên người chăm sóc", "Người nuôi dưỡng")),
            Map.entry("caregiverPhone", List.of("Số điện thoại", "Điện thoại")),
            Map.entry("childPersonalId", List.of("Số định danh của trẻ", "Số định danh", "Mã định danh")),
            Map.entry("childExternalRef", List.of("Mã tham chiếu của trẻ", "Mã tham chiếu", "Mã hồ sơ")),
            Map.entry("childName", List.of("Họ tên trẻ", "Tên trẻ")));

    private final List<Column> all;
    private final Map<String, Column> byHeader = new HashMap<>();

    Columns(List<Column> all) {
        this.all = List.copyOf(all);
        for (Column c : all) {
            byHeader.put(key(c.name()), c);
            byHeader.put(key(c.vietnamese()), c);
        }
        for (Column c : all) {
            ALIASES.getOrDefault(c.name(), List.of()).forEach(alias -> byHeader.putIfAbsent(key(alias), c));
        }
    }

    List<Column> all() {
        return all;
    }

    /** The column a header names, if any. */
    Optional<Column> of(String header) {
        return Optional.ofNullable(byHeader.get(key(header)));
    }

    /** Whether {@code header} is a column's English name (the API's field), not its Vietnamese header or an alias. */
    boolean english(String header) {
        return of(header).map(c -> key(c.name()).equals(key(header))).orElse(true);
    }

    private static String key(String header) {
        return header == null ? "" : Texts.fold(header).replaceAll("[\\s_.-]", "");
    }

    static LocalDate date(Map<String, String> row, String column, List<Violation> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        LocalDate day;
        try {
            day = value.contains("/") ? LocalDate.parse(value, DAY_FIRST) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Violation(column, "is not a date (yyyy-MM-dd or dd/MM/yyyy)"));
            return null;
        }
        // As in the API (StrictJson): a year such as +12345 (typed, or a huge number in a date column of a workbook) is no day
        // the registry can store.
        if (day.isBefore(StrictJson.EARLIEST) || day.isAfter(StrictJson.LATEST)) {
            problems.add(new Violation(column, "is not a date " + StrictJson.RANGE));
            return null;
        }
        return day;
    }

    static Boolean yesNo(Map<String, String> row, String column, List<Violation> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        return switch (Texts.fold(value).toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "co", "x" -> true;
            case "false", "0", "no", "khong" -> false;
            default -> {
                problems.add(new Violation(column, "is not yes or no"));
                yield null;
            }
        };
    }

    static Long number(Map<String, String> row, String column, List<Violation> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[ .,]", "");
        if (!WHOLE.matcher(value).matches() || digits.length() > 18) {
            problems.add(new Violation(column, "is not a whole number of 0 or more"));
            return null;
        }
        return Long.parseLong(digits);
    }
}
