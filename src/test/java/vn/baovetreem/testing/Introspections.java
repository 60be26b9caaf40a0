package vn.baovetreem.testing;

import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestFilter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** How many times the API has asked Keycloak to introspect a token, so that a test can see what a burst of requests cost. */
@ApplicationScoped
@Unremovable // found by Quarkus OIDC through a lookup
@OidcEndpoint(OidcEndpoint.Type.INTROSPECTION)
public class Introspections implements OidcRequestFilter {

    private final AtomicInteger sent = new AtomicInteger();

    @Override
    public void filter(OidcRequestContext context) {
        sent.incrementAndGet();
    }

    /** The introspections asked for since the service started. */
    public int sent() {
        return sent.get();
    }
}
