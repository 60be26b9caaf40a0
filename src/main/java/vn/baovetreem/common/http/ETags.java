package vn.baovetreem.common.http;

import jakarta.ws.rs.core.EntityTag;
import vn.baovetreem.common.error.ApiException;

import java.util.Arrays;

/**
 * Strong ETags from a record's version, and the If-Match rule every change obeys:
 * no If-Match answers 428, a stale one 412. {@code *} matches any current version.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag("v" + version);
    }

    /** Throws unless {@code ifMatch} names {@code currentVersion} (or is {@code *}). */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException.PreconditionRequired(
                    "This change needs an If-Match header with the ETag you last read.");
        }
        String current = "\"v" + currentVersion + "\"";
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw new ApiException.PreconditionFailed(
                    "The record was changed since you read it; read it again and retry with the new ETag.", current);
        }
    }
}
