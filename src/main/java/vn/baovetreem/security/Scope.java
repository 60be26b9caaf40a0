package vn.baovetreem.security;

import vn.baovetreem.common.persistence.NativeValues;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Where in the administrative tree a caller may act: the subtree of their unit plus, for history,
 * the subtrees of the units it succeeded, as materialized paths ({@code 20.184.06283}), less the
 * {@code departed} subtrees of units retired from there into units elsewhere.
 * {@link #everything()} is the administrator's scope.
 */
public record Scope(boolean all, List<String> paths, List<String> departed) {

    /**
     * U+10FFFF, the last code point: its UTF-8 bytes sort after those of any path, whose labels
     * hold letters, digits, '_' and '-'.
     */
    private static final String AFTER_EVERY_KEY = Character.toString(Character.MAX_CODE_POINT);

    public static Scope everything() {
        return new Scope(true, List.of(), List.of());
    }

    public static Scope of(List<String> paths) {
        return of(paths, List.of());
    }

    /**
     * The subtrees {@code paths} without the subtrees {@code departed}: the paths of units retired
     * from there into units elsewhere, whose records count, and are seen, there (ADR 17).
     */
    public static Scope of(List<String> paths, List<String> departed) {
        return new Scope(false, List.copyOf(paths), List.copyOf(departed));
    }

    /** True when {@code path} lies in one of the subtrees and not in a departed one. */
    public boolean contains(String path) {
        if (all) {
            return true;
        }
        return path != null && paths.stream().anyMatch(p -> under(path, p)) && departed.stream().noneMatch(d -> under(path, d));
    }

    private static boolean under(String path, String subtree) {
        return path.equals(subtree) || path.startsWith(subtree + ".");
    }

    /**
     * The SQL condition that {@code column} (an ltree) lies in the scope, with the parameters of
     * {@link #parameters()}; not for {@link #everything()}.
     *
     * <p>No index serves it (the GiST operator class of {@code ltree} indexes {@code @>} between two
     * paths, not an array's), so it is checked on each row the plan reads, and the array is made
     * once, in a subquery: cast from the parameter's text in the row's condition it was made again
     * for every row (a small commune's list of children by birth date: 383 ms against 0.4 ms;
     * docs/performance.md, "Scoped lists and their array").
     */
    public String sql(String column) {
        return sql(column, "scope");
    }

    /** The same with parameters named after {@code name}, for a second scope in one query (a list's unit filter). */
    public String sql(String column, String name) {
        return departed.isEmpty() ? "(select cast(:" + name + " as ltree[])) @> " + column
                : "((select cast(:" + name + " as ltree[])) @> " + column + " and not (select cast(:" + name + "Departed as ltree[])) @> "
                + column + ")";
    }

    /** The parameters of {@link #sql(String)}. */
    public Map<String, Object> parameters() {
        return parameters("scope");
    }

    /** The parameters of {@link #sql(String, String)}. */
    public Map<String, Object> parameters(String name) {
        return departed.isEmpty() ? Map.of(name, asLtreeArray())
                : Map.of(name, asLtreeArray(), name + "Departed", NativeValues.array(departed));
    }

    /**
     * The condition of {@link #sql(String)} on {@code key}, the path as text compared byte by byte
     * (such as {@code (ltree2text(unit_path) collate "C")}), with the parameters of
     * {@link #keyParameters()}: a path lies in a subtree when it is the subtree's path, or sorts
     * between that path followed by '.' and that path followed by '/', the character after '.'. A
     * btree on the key finds each subtree as a range, and the planner estimates each range's rows
     * from the key's statistics, where it cannot for {@code @>}. {@code true} for
     * {@link #everything()}.
     */
    public String keySql(String key) {
        if (all) {
            return "true";
        }
        if (paths.isEmpty()) {
            return "false";
        }
        String in = subtrees(key, "scopeKey", paths);
        return departed.isEmpty() ? in : "(" + in + " and not " + subtrees(key, "scopeKeyDeparted", departed) + ")";
    }

    /** The parameters of {@link #keySql(String)}. */
    public Map<String, Object> keyParameters() {
        Map<String, Object> parameters = new HashMap<>();
        subtreeBounds("scopeKey", paths, parameters);
        subtreeBounds("scopeKeyDeparted", departed, parameters);
        return parameters;
    }

    /**
     * The text arrays {@code :<name>From} and {@code :<name>Below}: each subtree as one range of
     * keys, from its path (included) to its path followed by '/' (excluded), for walking the keys
     * of a btree range by range. A range also holds the keys of neighbours whose path only begins
     * like the subtree's ({@code 20.1-2} beside {@code 20.1}) and of departed subtrees:
     * {@link #keySql} leaves them out. For {@link #everything()}, one range holding every key.
     */
    public Map<String, Object> keyRanges(String name) {
        if (all) {
            return Map.of(name + "From", NativeValues.array(List.of("")), name + "Below", NativeValues.array(List.of(AFTER_EVERY_KEY)));
        }
        return Map.of(name + "From", NativeValues.array(paths), name + "Below", NativeValues.array(paths.stream().map(Scope::after).toList()));
    }

    /** The key that follows every key of the subtree {@code path}: '/' is the character after '.'. */
    private static String after(String path) {
        return path + "/";
    }

    private static String subtrees(String key, String name, List<String> subtrees) {
        StringJoiner any = new StringJoiner(" or ", "(", ")");
        for (int i = 0; i < subtrees.size(); i++) {
            String at = ":" + name + i;
            any.add(key + " = " + at + " or (" + key + " >= " + at + "Below and " + key + " < " + at + "After)");
        }
        return any.toString();
    }

    private static void subtreeBounds(String name, List<String> subtrees, Map<String, Object> parameters) {
        for (int i = 0; i < subtrees.size(); i++) {
            parameters.put(name + i, subtrees.get(i));
            parameters.put(name + i + "Below", subtrees.get(i) + ".");
            parameters.put(name + i + "After", after(subtrees.get(i)));
        }
    }

    /**
     * True when a path may lie both in this scope and in {@code other}: this scope {@link #reaches}
     * one of the other's subtrees. (A true answer may still leave no path in both: the other's
     * departed subtrees are not looked at.)
     */
    public boolean overlaps(Scope other) {
        return other.all || other.paths.stream().anyMatch(this::reaches);
    }

    /**
     * True when {@code path} lies in one of the subtrees or above one of them: a village user
     * reaches the commune its village belongs to (to read the commune's plan, say), not its
     * neighbours.
     */
    public boolean reaches(String path) {
        return contains(path) || (path != null && paths.stream().anyMatch(p -> p.startsWith(path + ".")));
    }

    /**
     * The paths of the units at {@code level} of the tree (1: the provinces; 2: the communes, or the
     * districts in a tree that still has them) that hold the subtrees, each once; null when a
     * subtree lies above that level or the scope is {@link #everything()}, which no such unit
     * holds. A path in the scope begins with one of them.
     */
    public List<String> unitsAtLevel(int level) {
        if (all) {
            return null;
        }
        Set<String> found = new LinkedHashSet<>();
        for (String path : paths) {
            String[] labels = path.split("\\.");
            if (labels.length < level) {
                return null;
            }
            found.add(String.join(".", Arrays.copyOf(labels, level)));
        }
        return List.copyOf(found);
    }

    /** The paths as a PostgreSQL ltree[] literal for {@code cast(? as ltree[]) @> path} queries. */
    public String asLtreeArray() {
        return NativeValues.array(paths);
    }
}
