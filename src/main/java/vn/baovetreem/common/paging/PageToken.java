package vn.baovetreem.common.paging;

import vn.baovetreem.common.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursor: the sort key of the last item returned, bound to the list it came from so a
 * token from one list (or one set of filters) is refused by another. Clients must not parse it.
 */
public final class PageToken {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "1";

    private PageToken() {
    }

    public static String encode(String listName, String filterFingerprint, String lastKey) {
        String raw = VERSION + '\n' + listName + '\n' + Integer.toHexString(filterFingerprint.hashCode()) + '\n' + lastKey;
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The last key encoded in {@code token}, or null for the first page. */
    public static String decode(String token, String listName, String filterFingerprint) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split("\n", 4);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(listName)
                || !parts[2].equals(Integer.toHexString(filterFingerprint.hashCode())) || parts[3].isEmpty()) {
            throw invalid();
        }
        return parts[3];
    }

    /** The problem for a token that this list did not issue. */
    public static ApiException invalid() {
        return ApiException.BadRequest.field("INVALID_PAGE_TOKEN", "pageToken",
                "The page token is not valid for this list and these filters; start again without it.");
    }
}
