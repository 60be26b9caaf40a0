package vn.baovetreem.common.paging;

import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.text.Texts;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque cursor: the sort key of the last item returned, bound to the list it came from so a
 * token from one list (or one set of filters) is refused by another. Clients must not parse it.
 * <p>
 * A token is signed (HMAC-SHA-256 with a key every instance shares, see {@link PageTokenKey}), so
 * the key a list reads back is always one the service wrote itself: an edited or forged token
 * answers 400 {@code INVALID_PAGE_TOKEN} and never reaches a query.
 */
public final class PageToken {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "2";
    private static final int MAC_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    /** Until the shared key is loaded (and in unit tests), a key of this process alone. */
    private static volatile SecretKeySpec key = new SecretKeySpec(randomKey(), ALGORITHM);

    private PageToken() {
    }

    /** Signs tokens with {@code secret} from now on; tokens signed before no longer verify. */
    static void useKey(byte[] secret) {
        key = new SecretKeySpec(secret, ALGORITHM);
    }

    static byte[] randomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public static String encode(String listName, String filterFingerprint, String lastKey) {
        byte[] raw = (VERSION + '\n' + listName + '\n' + Integer.toHexString(filterFingerprint.hashCode()) + '\n' + lastKey)
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(raw) + '.' + ENCODER.encodeToString(mac(raw));
    }

    /** The last key encoded in {@code token}, or null for the first page. */
    public static String decode(String token, String listName, String filterFingerprint) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        int dot = token.indexOf('.');
        byte[] raw;
        byte[] signature;
        try {
            raw = DECODER.decode(token.substring(0, Math.max(dot, 0)));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (dot < 0 || !MessageDigest.isEqual(signature, mac(raw))) {
            throw invalid();
        }
        String[] parts = new String(raw, StandardCharsets.UTF_8).split("\n", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(listName)
                || !parts[2].equals(Integer.toHexString(filterFingerprint.hashCode())) || parts[3].isEmpty()
                || Texts.firstUnstorable(parts[3]) >= 0) {
            throw invalid();
        }
        return parts[3];
    }

    /** The problem for a token that this list did not issue. */
    public static ApiException invalid() {
        return ApiException.BadRequest.field(ProblemCode.INVALID_PAGE_TOKEN, "pageToken",
                "The page token is not valid for this list and these filters; start again without it.");
    }

    private static byte[] mac(byte[] raw) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(raw), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
