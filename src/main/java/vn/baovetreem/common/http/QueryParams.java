package vn.baovetreem.common.http;

import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses query and path parameters into typed values with a precise 400 problem on bad input (JAX-RS
 * would answer a failed conversion with a bare 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return StrictJson.date(value).orElseThrow(() -> invalid(name, "must be a date as YYYY-MM-DD " + StrictJson.RANGE));
    }

    public static OffsetDateTime timestamp(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return StrictJson.timestamp(value).orElseThrow(() ->
                invalid(name, "must be an RFC 3339 timestamp such as 2025-07-01T08:00:00+07:00, " + StrictJson.RANGE));
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number");
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Integer integer(String name, String value, int min, int max) {
        Integer number = integer(name, value);
        if (number != null && (number < min || number > max)) {
            throw invalid(name, "must lie between " + min + " and " + max);
        }
        return number;
    }

    /** A comma-separated parameter as a list of its non-blank items (empty when absent). */
    public static List<String> list(String name, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text(name, value, 2000).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw invalid(name, "must be one of " + allowed);
        }
    }

    /** A record id given as a query parameter. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return parseUuid(value).orElseThrow(() -> invalid(name, "must be a UUID"));
    }

    /** A record id given in the path: anything that is not a UUID names no record (404). */
    public static UUID pathId(String value, String recordType) {
        return parseUuid(value).orElseThrow(() -> new ApiException.NotFound(recordType, "?"));
    }

    /** A year given in the path, from 2000 to 2100: anything else names no record (404). */
    public static int pathYear(String value, String recordType) {
        if (value == null || !value.matches("\\d{4}") || Integer.parseInt(value) < 2000 || Integer.parseInt(value) > 2100) {
            throw new ApiException.NotFound(recordType, String.valueOf(value));
        }
        return Integer.parseInt(value);
    }

    private static Optional<UUID> parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A free-text parameter, refused when longer than {@code max}. */
    public static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw invalid(name, "must be at most " + max + " characters");
        }
        return value;
    }

    /** {@code value}, which the caller must give. */
    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, "is required");
        }
        return value;
    }

    private static ApiException invalid(String name, String message) {
        return ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, name, name + " " + message + ".");
    }
}
