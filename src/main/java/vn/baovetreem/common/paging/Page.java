package vn.baovetreem.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the token for the next one (absent on the last page). */
public record Page<T>(List<T> items, String nextPageToken) {

    /**
     * Builds a page from a query that fetched one row more than the page size: that extra row
     * only tells that a next page exists.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, int size, Function<T, String> tokenForLast) {
        if (rows.size() <= size) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, size));
        return new Page<>(items, tokenForLast.apply(items.getLast()));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextPageToken);
    }
}
