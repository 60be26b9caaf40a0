package vn.baovetreem.common.paging;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One page of a list and the token for the next one (absent on the last page). */
public record Page<T>(List<T> items, String nextPageToken) {

    /**
     * Builds a page from a query that fetched one row more than the page size: that extra row
     * only tells that a next page exists. A null row is a record deleted between the query of the
     * page's ids and their load (two statements, two snapshots): it is left out, and the row after
     * it moves up, so the next page still starts after the last record shown.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, int size, Function<T, String> tokenForLast) {
        List<T> present = rows.stream().filter(Objects::nonNull).toList();
        List<T> items = present.subList(0, Math.min(size, present.size()));
        if (rows.size() <= size || items.isEmpty()) {
            return new Page<>(items, null);
        }
        return new Page<>(items, tokenForLast.apply(items.getLast()));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextPageToken);
    }
}
