package vn.baovetreem.common.error;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** What led to a failure: the failure, its causes and its suppressed failures, nearest first. */
public final class Causes {

    private Causes() {
    }

    /**
     * Every throwable reachable from {@code failure} through causes and suppressed failures, breadth
     * first. A failed commit carries the database's failure as suppressed, not as cause, and a
     * composite failure of several steps carries all but the first the same way.
     */
    public static List<Throwable> of(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty() && all.size() < 100) {
            Throwable t = next.poll();
            if (seen.add(t)) {
                all.add(t);
                if (t.getCause() != null) {
                    next.add(t.getCause());
                }
                next.addAll(List.of(t.getSuppressed()));
            }
        }
        return all;
    }
}
