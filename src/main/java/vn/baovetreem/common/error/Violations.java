package vn.baovetreem.common.error;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The field problems of one request, collected before anything changes so that the answer names
 * every one of them, not only the first; then {@link #failIfAny} refuses the request with all of
 * them (400 {@code VALIDATION_FAILED}). It is a list of {@link Violation}s, so the checks shared
 * between features (code lists, villages) add to it as to any list.
 */
public final class Violations extends AbstractList<Violation> {

    private final List<Violation> found = new ArrayList<>();

    /** Adds the problem of {@code field}. */
    public void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    @Override
    public boolean add(Violation violation) {
        return found.add(violation);
    }

    @Override
    public Violation get(int index) {
        return found.get(index);
    }

    @Override
    public int size() {
        return found.size();
    }

    /** Refuses the request with every problem found, if any; {@code detail} says what was invalid ("The site has invalid values."). */
    public void failIfAny(String detail) {
        if (!found.isEmpty()) {
            throw new ApiException.BadRequest(ProblemCode.VALIDATION_FAILED, detail, List.copyOf(found));
        }
    }
}
