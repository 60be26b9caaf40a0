package vn.baovetreem.common.paging;

import vn.baovetreem.common.error.ApiException;

/**
 * A requested page: its size, clamped to the configured maximum, and the decoded cursor.
 */
public record PageRequest(int size, String afterKey) {

    public static PageRequest of(Integer requestedSize, String afterKey, PagingConfig config) {
        if (requestedSize != null && requestedSize < 1) {
            throw ApiException.BadRequest.field("INVALID_PAGE_SIZE", "pageSize", "pageSize must be at least 1.");
        }
        int size = requestedSize == null ? config.defaultSize() : Math.min(requestedSize, config.maxSize());
        return new PageRequest(size, afterKey);
    }
}
