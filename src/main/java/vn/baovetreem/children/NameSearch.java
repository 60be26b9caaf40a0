package vn.baovetreem.children;

import vn.baovetreem.security.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code tsquery} that finds, in the index {@code child_search_words} (changelog 031), the
 * children whose folded name has a word beginning with each of {@code words} and who live under
 * one of the caller's units, and under the unit a list asks for: {@code 'thuy':* & ('@06283' |
 * '@06298') & '@06283_01'}. The index narrows; the repository still applies the exact word-start
 * and scope conditions to what it finds. The scope's ltree condition alone cannot use an index,
 * so the seed of a village's copy narrows with the unit part of the query too.
 *
 * <p>A province's code is left out when every word has three letters or more. Its entry in the
 * index lists every child of the province, and intersecting that with the few children of such a
 * word cost more than the scope's ltree condition on them (for "thuy" across a province of 300,000
 * children, 32 ms without the code against 43 ms with it; docs/performance.md). A word of one or
 * two letters begins a word of a large share of all names, and there the code, which drops the
 * other provinces' matches before their rows are read, pays (for "h", 123 ms against 319 ms).
 *
 * <p>A search of provinces or communes sorted by name does not use that index but the lists of
 * name words kept in name order under each province and commune (changelog 038, {@link #listKeys}),
 * which hand over a page without reading every match.
 */
public final class NameSearch {

    /** Words shorter than this begin so many names that narrowing them to a province pays. */
    private static final int SHORT_WORD = 3;

    private NameSearch() {
    }

    /**
     * The query for folded, non-empty {@code words} in {@code scope}, within {@code unit} when given;
     * without words, the children under those units (the change feed's seed); empty when there is
     * nothing to narrow.
     */
    public static String query(List<String> words, Scope scope, Scope unit) {
        List<String> terms = new ArrayList<>();
        words.forEach(w -> terms.add(lexeme(w) + ":*"));
        boolean narrowToProvinces = words.isEmpty() || words.stream().anyMatch(w -> w.length() < SHORT_WORD);
        for (Scope s : new Scope[] {scope, unit}) {
            // One alternative left out would drop its children; a group is all in or all out.
            if (s != null && !s.all() && (narrowToProvinces || s.paths().stream().noneMatch(NameSearch::isProvince))) {
                terms.add(s.paths().stream().map(p -> lexeme("@" + p.substring(p.lastIndexOf('.') + 1)))
                        .collect(Collectors.joining(" | ", "(", ")")));
            }
        }
        return String.join(" & ", terms);
    }

    /**
     * The units whose lists of name words (changelog 038) answer a search sorted by name in {@code scope}, within
     * {@code unit} when given; empty where the name index answers better. The lists are kept under each province and
     * each unit just below one (a commune): a search of communes reads their own lists, one of provinces (or of
     * provinces and communes) the provinces'. The narrower of {@code scope} and {@code unit} chooses, since every child
     * found lies in both. Empty for every province at once (nothing narrows), and for a deeper unit (a village), whose
     * few children lie far apart in a commune's lists and whose code the name index holds.
     */
    static List<String> listKeys(Scope scope, Scope unit) {
        Scope narrowest = null;
        int depth = 0;
        for (Scope s : new Scope[] {scope, unit}) {
            if (s == null || s.all()) {
                continue;
            }
            int deepest = s.paths().stream().mapToInt(NameSearch::depth).max().orElse(0);
            if (deepest > 2) {
                return List.of();
            }
            if (deepest >= depth) {
                narrowest = s;
                depth = deepest;
            }
        }
        if (narrowest == null) {
            return List.of();
        }
        boolean communes = narrowest.paths().stream().allMatch(p -> depth(p) == 2);
        return narrowest.paths().stream().map(p -> communes || isProvince(p) ? p : p.substring(0, p.indexOf('.')))
                .distinct().sorted().toList();
    }

    /**
     * The least text after every text that begins with {@code prefix}, in the lists' byte order (collation "C"):
     * {@code prefix} with its last character moved on by one. A word begins with {@code prefix} when it lies in
     * [{@code prefix}, {@code after(prefix)}).
     */
    static String after(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        String head = prefix.substring(0, prefix.length() - Character.charCount(last));
        if (last == Character.MAX_CODE_POINT) {
            // Nothing follows the last code point: move on the one before it (a word of that code point alone finds nothing,
            // and no folded name holds it).
            return head.isEmpty() ? head : after(head);
        }
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        return head + Character.toString(next);
    }

    /** The number of units in {@code path}, the province first. */
    private static int depth(String path) {
        return path.split("\\.").length;
    }

    private static boolean isProvince(String path) {
        return path.indexOf('.') < 0;
    }

    /** A lexeme quoted for {@code tsquery} input, whatever it holds. */
    private static String lexeme(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
