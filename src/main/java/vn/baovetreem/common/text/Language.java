package vn.baovetreem.common.text;

import java.util.List;
import java.util.Locale;

/** The languages messages are given in: English, as the code writes them, and Vietnamese. */
public enum Language {
    EN, VI;

    /** The tag of the language, for {@code Content-Language}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language an {@code Accept-Language} header wants most of those this service speaks, or
     * {@code fallback} when it names none of them, accepts any, or is absent or unreadable.
     */
    public static Language preferred(String acceptLanguage, Language fallback) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return fallback;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        for (Locale.LanguageRange range : ranges) {
            String language = range.getRange().split("-", 2)[0];
            if (range.getWeight() == 0) {
                continue;
            }
            switch (language) {
                case "vi" -> {
                    return VI;
                }
                case "en" -> {
                    return EN;
                }
                case "*" -> {
                    return fallback;
                }
                default -> {
                    // A language this service does not speak: try the next.
                }
            }
        }
        return fallback;
    }
}
