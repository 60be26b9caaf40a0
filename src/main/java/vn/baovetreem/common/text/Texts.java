package vn.baovetreem.common.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text rules: what people enter is kept exactly, in Unicode NFC; search compares a
 * folded form without diacritics or case, so "nguyen van an" finds "Nguyễn Văn An".
 */
public final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {
    }

    /** Trimmed, inner whitespace collapsed, NFC. Null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        return alreadyClean(nfc) ? nfc : SPACES.matcher(nfc).replaceAll(" ").trim();
    }

    /**
     * Whether collapsing and trimming would leave the text as it is (most text is): a bulk import
     * cleans every field of every row, and skipping the regular expression then is most of the cost.
     */
    private static boolean alreadyClean(String text) {
        int last = text.length() - 1;
        if (last < 0) {
            return true;
        }
        if (text.charAt(0) <= ' ' || text.charAt(last) <= ' ') {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || (c == ' ' && text.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Index of the first character the registry cannot store, or -1 when there is none: NUL, which
     * PostgreSQL text cannot hold, and a UTF-16 surrogate without its pair, which is no Unicode
     * character at all (it would be stored as '?'). Every text that enters the service, from a
     * path, a query, a header, a JSON body, an import cell or a page token, is checked with this.
     */
    public static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with every character {@link #firstUnstorable} refuses replaced by U+FFFD; null stays null. */
    public static String storable(String text) {
        if (text == null || firstUnstorable(text) < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else {
                kept.append(c == 0 || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return kept.toString();
    }

    /** What {@link #firstUnstorable} found, said for a problem message (without the text itself). */
    public static String unstorableReason(String text, int index) {
        return text.charAt(index) == 0 ? "must not contain the NUL character (U+0000)"
                : "must be valid Unicode: it contains an unpaired surrogate (U+" + String.format("%04X", (int) text.charAt(index)) + ")";
    }

    /** The search key: no diacritics (đ becomes d), lower case, single spaces. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
