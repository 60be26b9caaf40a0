package vn.baovetreem.sync;

import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.security.Scope;

import java.util.Objects;

/**
 * The opaque token of the change feed: a {@link Position}, signed like every page token, bound to
 * the types and unit it was asked for and to the caller's scope. A token of another scope (the
 * caller moved to another unit, or it was someone else's) answers 410: what the client holds
 * was chosen by another scope, and only a new seed makes it right.
 */
final class ChangeToken {

    private static final String LIST = "changes";

    private ChangeToken() {
    }

    static String encode(Position position, String filters, Scope scope) {
        return PageToken.encode(LIST, filters, position.format() + "/" + fingerprint(scope));
    }

    static Position decode(String token, String filters, Scope scope) {
        String key;
        try {
            key = PageToken.decode(token, LIST, filters);
        } catch (ApiException.BadRequest e) {
            throw invalid();
        }
        if (key == null) {
            throw invalid();
        }
        int slash = key.indexOf('/');
        Position position = slash < 0 ? null : Position.parse(key.substring(0, slash));
        if (position == null) {
            throw invalid();
        }
        if (!key.substring(slash + 1).equals(fingerprint(scope))) {
            throw new ApiException.Gone(ProblemCode.SYNC_SCOPE_CHANGED, "The token was issued for another scope than yours; "
                    + "seed your copy again (GET /sync/seed) and continue from the token it ends with.");
        }
        return position;
    }

    /** The same on every instance and every run, unlike a record's own hash code. */
    private static String fingerprint(Scope scope) {
        return Integer.toHexString(Objects.hash(scope.all(), scope.paths(), scope.departed()));
    }

    private static ApiException invalid() {
        return ApiException.BadRequest.field(ProblemCode.INVALID_PAGE_TOKEN, "since",
                "The token is not one this feed issued for these types and this unit; start again from a seed.");
    }

    /** The problem for a token older than the kept history. */
    static ApiException expired() {
        return new ApiException.Gone(ProblemCode.SYNC_TOKEN_EXPIRED, "The changes after this token are no longer kept; "
                + "seed your copy again (GET /sync/seed) and continue from the token it ends with.");
    }
}
