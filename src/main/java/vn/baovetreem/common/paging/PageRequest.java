package vn.baovetreem.common.paging;

import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;

import java.util.UUID;
import java.util.function.Function;

/**
 * A requested page: its size, clamped to the configured maximum, and the decoded cursor.
 */
public record PageRequest(int size, String afterKey) {

    public static PageRequest of(Integer requestedSize, String afterKey, PagingConfig config) {
        if (requestedSize != null && requestedSize < 1) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PAGE_SIZE, "pageSize", "pageSize must be at least 1.");
        }
        int size = requestedSize == null ? config.defaultSize() : Math.min(requestedSize, config.maxSize());
        return new PageRequest(size, afterKey);
    }

    /** The last row of a page of a list ordered by a key and then the id. */
    public record Keyset<K>(K key, UUID id) {

        /** The cursor key of a row, as {@link #keyset} reads it back. */
        public static String of(Object key, UUID id) {
            return key + "|" + id;
        }
    }

    /** The cursor of a list ordered by (key, id), written by {@link Keyset#of}; null on the first page. */
    public <K> Keyset<K> keyset(Function<String, K> parseKey) {
        if (afterKey == null) {
            return null;
        }
        int cut = afterKey.lastIndexOf('|');
        try {
            return new Keyset<>(parseKey.apply(afterKey.substring(0, cut)), UUID.fromString(afterKey.substring(cut + 1)));
        } catch (RuntimeException e) {
            throw PageToken.invalid();
        }
    }
}
