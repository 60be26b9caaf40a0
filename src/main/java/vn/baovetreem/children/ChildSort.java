package vn.baovetreem.children;

import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.security.ScopedQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The orders of the child list, each on an indexed column with the id as tie-breaker, so pages
 * are cut by keyset. Names sort by the given name first, as Vietnamese lists do.
 */
enum ChildSort {
    NAME("name", "sort_name", "text", false),
    NAME_DESC("-name", "sort_name", "text", true),
    BIRTH_DATE("dateOfBirth", "date_of_birth", "date", false),
    BIRTH_DATE_DESC("-dateOfBirth", "date_of_birth", "date", true),
    UPDATED("updatedAt", "updated_at", "timestamptz", false),
    UPDATED_DESC("-updatedAt", "updated_at", "timestamptz", true);

    private final String parameter;
    private final String column;
    private final String sqlType;
    private final boolean descending;

    ChildSort(String parameter, String column, String sqlType, boolean descending) {
        this.parameter = parameter;
        this.column = column;
        this.sqlType = sqlType;
        this.descending = descending;
    }

    /** The position after which the next page starts: the sort value and id of the last item. */
    record Cursor(String value, UUID id) {
        String format() {
            return id + "|" + value;
        }

        static Cursor parse(String key) {
            if (key == null) {
                return null;
            }
            try {
                return new Cursor(key.substring(37), UUID.fromString(key.substring(0, 36)));
            } catch (RuntimeException e) {
                throw PageToken.invalid();
            }
        }
    }

    /** {@code sort} as given in the query (default by name). */
    static ChildSort parse(String sort) {
        if (sort == null || sort.isEmpty()) {
            return NAME;
        }
        return Arrays.stream(values()).filter(s -> s.parameter.equals(sort)).findFirst()
                .orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "sort", "sort must be one of "
                        + Arrays.stream(values()).map(s -> s.parameter).collect(Collectors.joining(", ")) + "."));
    }

    String parameter() {
        return parameter;
    }

    Cursor cursorAfter(Child last) {
        String value = switch (this) {
            case NAME, NAME_DESC -> last.sortName();
            case BIRTH_DATE, BIRTH_DATE_DESC -> last.dateOfBirth().toString();
            case UPDATED, UPDATED_DESC -> last.updatedAt().toString();
        };
        return new Cursor(value, last.id());
    }

    /** The column this order sorts by. */
    String column() {
        return column;
    }

    /** Whether this order is by name, the order of the name search's word lists. */
    boolean byName() {
        return this == NAME || this == NAME_DESC;
    }

    /** Appends the keyset condition for {@code after}, if any, on the child {@code alias}. */
    void appendKeyset(ScopedQuery query, String alias, Cursor after) {
        appendKeyset(query, alias + "." + column, alias + ".id", after);
    }

    /** Appends the keyset condition for {@code after}, if any, on the columns holding this order's value and the child's id. */
    void appendKeyset(ScopedQuery query, String valueColumn, String idColumn, Cursor after) {
        if (after != null) {
            validate(after.value());
            query.append(" and (" + valueColumn + ", " + idColumn + ") " + (descending ? "<" : ">")
                    + " (cast(:afterValue as " + sqlType + "), :afterId)", Map.of("afterValue", after.value(), "afterId", after.id()));
        }
    }

    /** Appends the order of the child {@code alias}. */
    void appendOrder(ScopedQuery query, String alias) {
        appendOrder(query, alias + "." + column, alias + ".id");
    }

    /**
     * Appends the order of the child {@code alias} in the area of {@code query}, led by the area's
     * key where the page is read in order from the area's index ({@link ScopedQuery#areaKey}).
     */
    void appendOrderInArea(ScopedQuery query, String alias) {
        String key = query.areaKey();
        if (key == null) {
            appendOrder(query, alias);
        } else {
            appendOrder(query, key + (descending ? " desc, " : ", ") + alias + "." + column, alias + ".id");
        }
    }

    /** Appends the order by the columns holding this order's value and the child's id. */
    void appendOrder(ScopedQuery query, String valueColumn, String idColumn) {
        String direction = descending ? " desc" : "";
        query.append(" order by " + valueColumn + direction + ", " + idColumn + direction, Map.of());
    }

    private void validate(String value) {
        Function<String, ?> parser = switch (sqlType) {
            case "date" -> LocalDate::parse;
            case "timestamptz" -> Instant::parse;
            default -> Function.identity();
        };
        try {
            parser.apply(value);
        } catch (RuntimeException e) {
            throw PageToken.invalid();
        }
    }
}
