package vn.baovetreem.imports;

import vn.baovetreem.children.Caregiver;
import vn.baovetreem.children.ChildDetails;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.text.Texts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a children file: each has an English name (the API's field) and a Vietnamese
 * header, and either may head the column, without regard to case, diacritics, spaces or
 * underscores. Dates are {@code yyyy-MM-dd} or {@code dd/MM/yyyy}; yes/no columns take
 * {@code true}/{@code false}, {@code 1}/{@code 0} or {@code có}/{@code không}.
 */
public final class ChildColumns {

    /** What a column holds, which decides how a cell is read. */
    public enum Type { TEXT, DATE, YES_NO }

    /** One column: the API field, the Vietnamese header, what it holds and the code list its values come from. */
    public record Column(String name, String vietnamese, Type type, String codeList, String description) {

        /** A file without this column is refused at upload. */
        public boolean required() {
            return description != null && description.startsWith("required");
        }
    }

    public static final List<Column> ALL = List.of(
            new Column("personalId", "Số định danh cá nhân", Type.TEXT, null, "12 digits"),
            new Column("fullName", "Họ và tên", Type.TEXT, null, "required"),
            new Column("dateOfBirth", "Ngày sinh", Type.DATE, null, "required; yyyy-MM-dd or dd/MM/yyyy"),
            new Column("birthDateEstimated", "Ngày sinh ước tính", Type.YES_NO, null, "yes/no"),
            new Column("sex", "Giới tính", Type.TEXT, "sexes", "required"),
            new Column("ethnicity", "Dân tộc", Type.TEXT, "ethnic-groups", null),
            new Column("villageCode", "Mã thôn", Type.TEXT, null, "required; a village in your area"),
            new Column("address", "Địa chỉ", Type.TEXT, null, null),
            new Column("povertyStatus", "Hộ nghèo, cận nghèo", Type.TEXT, "poverty-status", null),
            new Column("birthRegisteredOn", "Ngày đăng ký khai sinh", Type.DATE, null, "date"),
            new Column("healthInsuranceCard", "Số thẻ BHYT", Type.TEXT, null, null),
            new Column("schoolStatus", "Tình trạng đi học", Type.TEXT, "school-status", null),
            new Column("disabilityLevel", "Mức độ khuyết tật", Type.TEXT, "disability-levels", null),
            new Column("parentsStatus", "Tình trạng cha mẹ", Type.TEXT, "parents-status", null),
            new Column("caregiverName", "Người chăm sóc", Type.TEXT, null, "one caregiver per row"),
            new Column("caregiverRelationship", "Quan hệ với trẻ", Type.TEXT, "caregiver-relationships", "with caregiverName"),
            new Column("caregiverPhone", "Điện thoại người chăm sóc", Type.TEXT, null, null),
            new Column("continuingSupportReason", "Lý do tiếp tục hỗ trợ", Type.TEXT, null, "for a person of 16 or more"),
            new Column("externalRef", "Mã tham chiếu ngoài", Type.TEXT, null, "the record's id in the source system"),
            new Column("note", "Ghi chú", Type.TEXT, null, null));

    private static final Map<String, Column> BY_HEADER = new HashMap<>();

    static {
        for (Column c : ALL) {
            BY_HEADER.put(key(c.name()), c);
            BY_HEADER.put(key(c.vietnamese()), c);
        }
    }

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu");

    private ChildColumns() {
    }

    /** The column a header names, if any. */
    public static Optional<Column> of(String header) {
        return Optional.ofNullable(BY_HEADER.get(key(header)));
    }

    private static String key(String header) {
        return header == null ? "" : Texts.fold(header).replaceAll("[\\s_.-]", "");
    }

    /** A row's values by column name, read into the registry's request body; unreadable values become violations. */
    public static ChildDetails details(Map<String, String> row, List<Violation> problems) {
        Caregiver caregiver = row.get("caregiverName") == null && row.get("caregiverRelationship") == null
                && row.get("caregiverPhone") == null ? null
                : new Caregiver(row.get("caregiverName"), row.get("caregiverRelationship"), row.get("caregiverPhone"));
        List<Caregiver> caregivers = new ArrayList<>();
        if (caregiver != null) {
            caregivers.add(caregiver);
        }
        return new ChildDetails(row.get("personalId"), row.get("fullName"), date(row, "dateOfBirth", problems),
                bool(row, "birthDateEstimated", problems), row.get("sex"), row.get("ethnicity"), row.get("villageCode"),
                row.get("address"), row.get("povertyStatus"), date(row, "birthRegisteredOn", problems), row.get("healthInsuranceCard"),
                row.get("schoolStatus"), row.get("disabilityLevel"), row.get("parentsStatus"), caregivers,
                row.get("continuingSupportReason"), row.get("externalRef"), row.get("note"));
    }

    private static LocalDate date(Map<String, String> row, String column, List<Violation> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, DAY_FIRST) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Violation(column, "is not a date (yyyy-MM-dd or dd/MM/yyyy)"));
            return null;
        }
    }

    private static Boolean bool(Map<String, String> row, String column, List<Violation> problems) {
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
}
