package vn.baovetreem.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities bearer tokens were verified as, kept for {@code CP_ACCESS_RECHECK} (20 s) so that
 * a client sending the same token again is not verified again. Quarkus OIDC keeps Keycloak's answer
 * about a token, but builds the identity from the token's JSON on every request, which took a third
 * of the API's processor time in a read (docs/performance.md); this keeps the identity instead, and
 * takes the place of that cache, whose time it had (application.properties): a token is trusted
 * for at most {@code CP_ACCESS_RECHECK} after Keycloak last said it was active, as before, and
 * never after it expires (ADR 0020).
 *
 * <p>An identity provider placed before Quarkus OIDC's, it answers a token it keeps and passes on
 * any other (nothing); the last augmentor ({@link Keeper}) keeps what Quarkus OIDC verified. Only the
 * token exactly as verified finds its identity. The identity is handed out with the request's own
 * routing context. At most {@code CP_TOKEN_CACHE_SIZE} identities are kept; when that many are,
 * stale ones are dropped, and while it stays full new ones are verified each time instead of kept.
 */
@ApplicationScoped
public class KeptIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    private record Kept(SecurityIdentity identity, Instant until) {
    }

    private static final String ROUTING = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration recheck;
    private final int maxSize;

    @Inject
    KeptIdentities(Clock clock, @ConfigProperty(name = "cp.oidc.recheck-after") Duration recheck,
                   @ConfigProperty(name = "cp.oidc.kept-identities") int maxSize) {
        this.clock = clock;
        this.recheck = recheck;
        this.maxSize = maxSize;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before Quarkus OIDC's provider (the default priority, 1001), which runs when this one answers nothing. */
    @Override
    public int priority() {
        return 1002;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity identity = find(request.getToken().getToken());
        if (identity == null) {
            return Uni.createFrom().nullItem();
        }
        // The attributes Quarkus OIDC ties to the request it verified the token in, tied to this one instead.
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        if (identity.getAttributes().containsKey(ROUTING)) {
            builder.addAttribute(ROUTING, HttpSecurityUtils.getRoutingContextAttribute(request));
        }
        if (identity.getAttributes().containsKey(REQUEST_CONTEXT)) {
            builder.addAttribute(REQUEST_CONTEXT, context);
        }
        return Uni.createFrom().item(builder.build());
    }

    /**
     * {@code identity} without the request it was verified in: built afresh from its principal,
     * roles, credentials, permissions and attributes, so that nothing of that request stays
     * reachable for as long as the identity is kept (a copy made with Quarkus's builder held about
     * 49 KB of heap per token, this one about 18 KB); the request's routing context and
     * authentication context are left out.
     */
    static SecurityIdentity detached(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .setAnonymous(identity.isAnonymous())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions());
        identity.getAttributes().forEach((name, value) ->
                builder.addAttribute(name, name.equals(ROUTING) || name.equals(REQUEST_CONTEXT) ? null : value));
        return builder.build();
    }

    /** Keeps what Quarkus OIDC verified: the last augmentor, so that what is kept is what the request got. */
    @ApplicationScoped
    static class Keeper implements SecurityIdentityAugmentor {

        private final KeptIdentities identities;

        Keeper(KeptIdentities identities) {
            this.identities = identities;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            TokenCredential token = identity.getCredential(TokenCredential.class);
            if (token != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
                identities.keep(token.getToken(), identity, Instant.ofEpochSecond(jwt.getExpirationTime()));
            }
            return Uni.createFrom().item(identity);
        }
    }

    /** The identity kept for {@code token}, or null when none is or it is stale. */
    SecurityIdentity find(String token) {
        Kept k = kept.get(token);
        if (k == null) {
            return null;
        }
        if (!clock.instant().isBefore(k.until())) {
            kept.remove(token, k);
            return null;
        }
        return k.identity();
    }

    /** Keeps {@code identity} for {@code token} until the recheck is due or the token expires. */
    void keep(String token, SecurityIdentity identity, Instant expires) {
        Instant now = clock.instant();
        Instant until = now.plus(recheck);
        if (expires.isBefore(until)) {
            until = expires;
        }
        if (!now.isBefore(until) || kept.containsKey(token)) {
            return;
        }
        if (kept.size() >= maxSize) {
            kept.values().removeIf(k -> !now.isBefore(k.until()));
            if (kept.size() >= maxSize) {
                return;
            }
        }
        kept.putIfAbsent(token, new Kept(detached(identity), until));
    }
}
