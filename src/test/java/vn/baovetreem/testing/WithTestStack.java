package vn.baovetreem.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Registers {@link TestStack} for every {@code @QuarkusTest} of the run, so the application,
 * PostgreSQL and Keycloak start once.
 */
@WithTestResource(value = TestStack.class, scope = TestResourceScope.GLOBAL)
public final class WithTestStack {

    private WithTestStack() {
    }
}
