package vn.baovetreem.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.common.OidcRequestFilter;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.Causes;

import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Bounds the waits for Keycloak and says when it is out of reach. Every call to it (discovery,
 * keys, the introspection of each token) gives up when no answer came for
 * {@code cp.oidc.request-timeout}: without this, a frozen Keycloak holds every authenticated
 * request for as long as the caller waits. A token that cannot be checked because Keycloak cannot
 * be reached is a 503 {@code IDENTITY_PROVIDER_UNAVAILABLE}, not a 401: the token may be good, and
 * signing in again would not help.
 * <p>
 * The failure of a call that got no answer in time does not reach the problem mappers: Quarkus
 * OIDC fails the token check without its cause. So this also watches the calls themselves: when a
 * call has waited the whole timeout and Keycloak has answered nothing since it was sent, Keycloak
 * is {@linkplain #silent() silent}, and a token check failing then is an outage.
 */
@ApplicationScoped
public class IdentityProviderWaits implements OidcRequestFilter, OidcResponseFilter {

    /** Seconds a client should wait before retrying while Keycloak cannot be reached. */
    static final long RETRY_AFTER_SECONDS = 10;

    private static final long NONE = Long.MIN_VALUE;

    private final Duration timeout;
    private final LongSupplier nanos;
    /** When the first call sent since Keycloak last answered was sent ({@link System#nanoTime()}); {@link #NONE} if none was. */
    private final AtomicLong waitingSince = new AtomicLong(NONE);
    /** When the last call was sent. */
    private volatile long lastSent = NONE;

    @Inject
    IdentityProviderWaits(@ConfigProperty(name = "cp.oidc.request-timeout") Duration timeout) {
        this(timeout, System::nanoTime);
    }

    IdentityProviderWaits(Duration timeout, LongSupplier nanos) {
        this.timeout = timeout;
        this.nanos = nanos;
    }

    @Override
    public void filter(OidcRequestContext context) {
        context.request().timeout(timeout.toMillis());
        sent();
    }

    @Override
    public void filter(OidcResponseContext context) {
        answered();
    }

    void sent() {
        long now = nanos.getAsLong();
        lastSent = now;
        waitingSince.compareAndSet(NONE, now);
    }

    void answered() {
        waitingSince.set(NONE);
    }

    /**
     * Whether a call to Keycloak has waited the whole timeout with no answer from Keycloak since it
     * was sent, and a call was sent within the last two timeouts: the failure judged can be one
     * of those calls. A token refused without asking Keycloak long after the outage is not taken
     * for one, even though no answer has come since.
     */
    public boolean silent() {
        long since = waitingSince.get();
        long now = nanos.getAsLong();
        return since != NONE && now - since >= timeout.toNanos() && now - lastSent < 2 * timeout.toNanos();
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
