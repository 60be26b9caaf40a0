package vn.baovetreem.security;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;

import java.util.Arrays;
import java.util.List;

/**
 * The one place that decides role × operation × place in the tree. Every use case calls
 * {@link #check(Operation)} on its first line; records outside the returned scope are then
 * simply not found (404), exactly like missing ones.
 */
@ApplicationScoped
public class AccessPolicy {

    private final CurrentUser currentUser;

    AccessPolicy(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Throws 401/403 unless the caller may perform {@code operation}; returns the caller. */
    public CurrentUser.Resolved check(Operation operation) {
        CurrentUser.Resolved user = currentUser.get();
        if (!allowed(user, operation)) {
            throw new ApiException.Forbidden(ProblemCode.ROLE_NOT_ALLOWED,
                    "Your role does not allow the operation " + operation + ".");
        }
        return user;
    }

    /** Whether the caller may perform {@code operation}, for features where two roles act differently. */
    public boolean allows(Operation operation) {
        return allowed(currentUser.get(), operation);
    }

    /** The operations the caller may perform, in declaration order. */
    public List<Operation> allowedOperations() {
        CurrentUser.Resolved user = currentUser.get();
        return Arrays.stream(Operation.values()).filter(op -> allowed(user, op)).toList();
    }

    private static boolean allowed(CurrentUser.Resolved user, Operation operation) {
        return user.roles().stream().anyMatch(operation::allows);
    }
}
