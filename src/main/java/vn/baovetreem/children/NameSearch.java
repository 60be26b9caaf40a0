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
 */
public final class NameSearch {

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
        for (Scope s : new Scope[] {scope, unit}) {
            if (s != null && !s.all()) {
                terms.add(s.paths().stream().map(p -> lexeme("@" + p.substring(p.lastIndexOf('.') + 1)))
                        .collect(Collectors.joining(" | ", "(", ")")));
            }
        }
        return String.join(" & ", terms);
    }

    /** A lexeme quoted for {@code tsquery} input, whatever it holds. */
    private static String lexeme(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
