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

    private static boolean isProvince(String path) {
        return path.indexOf('.') < 0;
    }

    /** A lexeme quoted for {@code tsquery} input, whatever it holds. */
    private static String lexeme(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
