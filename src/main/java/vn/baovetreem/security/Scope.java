package vn.baovetreem.security;

import vn.baovetreem.common.persistence.NativeValues;
import java.util.List;

/**
 * Where in the administrative tree a caller may act: the subtree of their unit plus, for history,
 * the subtrees of the units it succeeded, as materialized paths ({@code 20.184.06283}).
 * {@link #everything()} is the administrator's scope.
 */
public record Scope(boolean all, List<String> paths) {

    public static Scope everything() {
        return new Scope(true, List.of());
    }

    public static Scope of(List<String> paths) {
        return new Scope(false, List.copyOf(paths));
    }

    /** True when {@code path} lies in one of the subtrees. */
    public boolean contains(String path) {
        if (all) {
            return true;
        }
        return path != null && paths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."));
    }

    /**
     * True when {@code path} lies in one of the subtrees or above one of them: a village user
     * reaches the commune its village belongs to (to read the commune's plan, say), not its
     * neighbours.
     */
    public boolean reaches(String path) {
        return contains(path) || (path != null && paths.stream().anyMatch(p -> p.startsWith(path + ".")));
    }

    /** The paths as a PostgreSQL ltree[] literal for {@code cast(? as ltree[]) @> path} queries. */
    public String asLtreeArray() {
        return NativeValues.array(paths);
    }
}
