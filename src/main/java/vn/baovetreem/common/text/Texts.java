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
