package vn.baovetreem.security;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.common.OidcRequestFilter;
import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.Causes;

import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Bounds the waits for Keycloak and says when it is out of reach. Every call to it (discovery,
 * keys, the introspection of each token) gives up when no answer came for
 * {@code cp.oidc.request-timeout}: without this, a frozen Keycloak holds every authenticated
 * request for as long as the caller waits. A token that cannot be checked because Keycloak cannot
 * be reached is a 503 {@code IDENTITY_PROVIDER_UNAVAILABLE}, not a 401: the token may be good, and
 * signing in again would not help. Quarkus OIDC fails the check of a call that got no answer in
 * time without its cause; {@link KeptIdentities}, which runs every verification of a bearer token,
 * gives such a failure its cause back.
 */
@ApplicationScoped
@Unremovable // found by Quarkus OIDC through a lookup, injected nowhere: removed as unused without this
public class IdentityProviderWaits implements OidcRequestFilter {

    /** Seconds a client should wait before retrying while Keycloak cannot be reached. */
    static final long RETRY_AFTER_SECONDS = 10;

    private final Duration timeout;

    IdentityProviderWaits(@ConfigProperty(name = "cp.oidc.request-timeout") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void filter(OidcRequestContext context) {
        context.request().timeout(timeout.toMillis());
    }

    /** The problem a failed authentication stands for when Keycloak could not be reached; empty for a bad token. */
    public static Optional<ApiException> outage(Throwable failure) {
        // A failed call to Keycloak arrives among the suppressed failures of a composite one.
        for (Throwable t : Causes.of(failure)) {
            boolean unreachable = t instanceof ConnectException || t instanceof SocketException || t instanceof TimeoutException
                    || t instanceof OidcEndpointAccessException access && access.getErrorStatus() >= 500
                    || t instanceof OIDCException && t.getMessage() != null && t.getMessage().contains("not available");
            if (unreachable) {
                return Optional.of(unavailable());
            }
        }
        return Optional.empty();
    }

    /** 503 {@code IDENTITY_PROVIDER_UNAVAILABLE}. */
    public static ApiException unavailable() {
        return new ApiException.ServiceUnavailable(ProblemCode.IDENTITY_PROVIDER_UNAVAILABLE, "The service cannot check bearer tokens just now:"
                + " its identity provider cannot be reached. Nothing was changed; retry in a few seconds.", RETRY_AFTER_SECONDS);
    }
}
