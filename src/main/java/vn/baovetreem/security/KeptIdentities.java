package vn.baovetreem.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The identities bearer tokens were verified as, kept for {@code CP_ACCESS_RECHECK} (20 s) so that
 * a client sending the same token again is not verified again. Quarkus OIDC keeps Keycloak's answer
 * about a token, but builds the identity from the token's JSON on every request, which took a third
 * of the API's processor time in a read (docs/performance.md); this keeps the identity instead, and
 * takes the place of that cache, whose time it had (application.properties): a token is trusted
 * for at most {@code CP_ACCESS_RECHECK} after Keycloak last said it was active, as before, and
 * never after it expires (ADR 0020).
 *
 * <p>An authentication mechanism tried before Quarkus OIDC's, it answers every bearer token: with
 * the identity kept for it, so that Quarkus OIDC's mechanism, which decodes the token's JSON before
 * anything else (a tenth of a read's processor time), does not run for it; or else with the
 * identity Quarkus's identity provider manager verifies it as, as Quarkus OIDC's mechanism would
 * ask it, one verification for all the requests that send the token while it runs ({@link #verified}).
 * A request without a bearer token is passed on (nothing) to Quarkus OIDC. The last augmentor
 * ({@link Keeper}) keeps what Quarkus OIDC verified. Only the token exactly as verified finds its
 * identity. The identity is handed out with the request's own routing context. At most
 * {@code CP_TOKEN_CACHE_SIZE} identities are kept; when that many are, stale ones are dropped, and
 * while it stays full new ones are verified each time instead of kept.
 *
 * <p>A token still in use is verified again before its identity goes stale: in the last quarter of
 * the recheck time the first request that finds it starts one verification in the background and
 * is answered with the kept identity, as are the requests after it; the verification's identity
 * is then kept for a new recheck time from then (Keycloak's answer being the newest), or, if the
 * token is refused or Keycloak cannot be asked, the kept one is dropped and the next request is
 * verified itself. Left to go stale, the identity of a token sent by many requests at once was
 * verified by each of them, every request with that token waiting meanwhile: every 20 s, a stall
 * of 0.1-0.3 s for a client on 32 connections (docs/performance.md, "The recheck's stall"). A
 * token is still never trusted longer than the recheck time after Keycloak last said it was
 * active, nor after it expires.
 */
@ApplicationScoped
public class KeptIdentities implements HttpAuthenticationMechanism {

    /** An identity kept until {@code until}, to be verified again from {@code renewFrom} on. */
    private record Kept(SecurityIdentity identity, Instant until, Instant renewFrom) {
    }

    private static final String BEARER = "Bearer";
    private static final String ROUTING = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /**
     * The verifications under way, by token: of a token not kept, awaited by every request that
     * sent it meanwhile; of a kept one, in the background.
     */
    private final Map<String, CompletableFuture<SecurityIdentity>> verifying = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration recheck;
    private final int maxSize;
    private final Duration requestTimeout;

    @Inject
    KeptIdentities(Clock clock, @ConfigProperty(name = "cp.oidc.recheck-after") Duration recheck,
                   @ConfigProperty(name = "cp.oidc.kept-identities") int maxSize,
                   @ConfigProperty(name = "cp.oidc.request-timeout") Duration requestTimeout) {
        this.clock = clock;
        this.recheck = recheck;
        this.maxSize = maxSize;
        this.requestTimeout = requestTimeout;
    }

    /** Before Quarkus OIDC's mechanism, whose priority is 1001 unless {@code quarkus.oidc.priority} says otherwise. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        // Verified as Quarkus OIDC's mechanism would, with this request's routing context.
        Function<String, Uni<SecurityIdentity>> verify = t -> identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(credential(t)), context));
        SecurityIdentity found = identityFor(token, verify);
        return found != null ? Uni.createFrom().item(forRequest(found, context))
                : onThisRequest(verified(token, verify)).map(identity -> forRequest(identity, context));
    }

    /**
     * {@code token} as Quarkus OIDC's credential, or a refusal of a token it cannot even read: its
     * constructor throws {@code NoSuchElementException} for {@code "..."}, which would be a 500.
     */
    private static AccessTokenCredential credential(String token) {
        try {
            return new AccessTokenCredential(token);
        } catch (RuntimeException unreadable) {
            throw new AuthenticationFailedException(unreadable);
        }
    }

    /**
     * {@code identity} tied to this request: the routing context Quarkus OIDC ties to the request
     * it verified the token in replaced by this one.
     */
    private static SecurityIdentity forRequest(SecurityIdentity identity, RoutingContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        if (identity.getAttributes().containsKey(ROUTING)) {
            builder.addAttribute(ROUTING, context);
        }
        return builder.build();
    }

    /**
     * {@code identity} delivered on this request's Vert.x context: a verification shared with
     * other requests ends on the context of the one that started it.
     */
    private static Uni<SecurityIdentity> onThisRequest(Uni<SecurityIdentity> identity) {
        Context request = Vertx.currentContext();
        return request == null ? identity : identity.emitOn(task -> request.runOnContext(ignored -> task.run()));
    }

    /** No challenge of its own: a request without a bearer token is Quarkus OIDC's to answer. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** None: it asks no identity provider, and Quarkus keeps a mechanism without credential types whatever the providers. */
    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /**
     * The token of an {@code Authorization} header of the bearer scheme, read as Quarkus OIDC reads
     * it (the scheme up to the first space, in any case; the token all after it), or null. A token
     * read otherwise would only fail to find its identity and go to Quarkus OIDC.
     */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        return space == BEARER.length() && authorization.regionMatches(true, 0, BEARER, 0, space)
                ? authorization.substring(space + 1) : null;
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

    /** The identity kept for {@code token}, or null when none is, it is stale or there is no token. */
    SecurityIdentity find(String token) {
        Kept k = kept(token);
        return k == null ? null : k.identity();
    }

    /**
     * What {@link #find} finds; and when the identity is due to be verified again and no
     * verification of its token is under way, starts one with {@code verify} without waiting for
     * it. The identity it verifies is kept anew by {@link Keeper}; its failure drops the kept one.
     */
    SecurityIdentity identityFor(String token, Function<String, Uni<SecurityIdentity>> verify) {
        Kept k = kept(token);
        if (k == null) {
            return null;
        }
        if (!clock.instant().isBefore(k.renewFrom()) && !verifying.containsKey(token)) {
            verified(token, verify).subscribe().with(verified -> { }, failure -> kept.remove(token, k));
        }
        return k.identity();
    }

    /**
     * The identity {@code verify} finds for a token not kept: one verification for every request
     * that sends the token while it runs, so that a client starting on many connections with a new
     * token, or with one whose identity went stale, asks Keycloak once and not once per request.
     * A verification that fails after waiting the whole request timeout fails as an outage (a
     * {@link TimeoutException} among its causes), whatever Quarkus OIDC made of it: Keycloak gave
     * no answer in time, and Quarkus OIDC reports that without its cause, like a bad token.
     */
    Uni<SecurityIdentity> verified(String token, Function<String, Uni<SecurityIdentity>> verify) {
        CompletableFuture<SecurityIdentity> mine = new CompletableFuture<>();
        CompletableFuture<SecurityIdentity> underWay = verifying.putIfAbsent(token, mine);
        if (underWay == null) {
            Instant started = clock.instant();
            Uni.createFrom().deferred(() -> verify.apply(token)).subscribe().with(
                    identity -> {
                        verifying.remove(token, mine);
                        mine.complete(identity);
                    },
                    failure -> {
                        verifying.remove(token, mine);
                        mine.completeExceptionally(clock.instant().isBefore(started.plus(requestTimeout)) ? failure : unanswered(failure));
                    });
            underWay = mine;
        }
        return Uni.createFrom().completionStage(underWay);
    }

    private AuthenticationFailedException unanswered(Throwable failure) {
        TimeoutException timeout = new TimeoutException("The identity provider gave no answer within " + requestTimeout);
        timeout.addSuppressed(failure);
        return new AuthenticationFailedException(timeout);
    }

    private Kept kept(String token) {
        Kept k = token == null ? null : kept.get(token);
        if (k == null) {
            return null;
        }
        if (!clock.instant().isBefore(k.until())) {
            kept.remove(token, k);
            return null;
        }
        return k;
    }

    /**
     * Keeps {@code identity} for {@code token} until the recheck is due or the token expires, in
     * place of an identity kept for it until earlier. One kept until the recheck is due is verified
     * again from the last quarter of that time on ({@link #identityFor}); one kept until its
     * token expires is not.
     */
    void keep(String token, SecurityIdentity identity, Instant expires) {
        Instant now = clock.instant();
        Instant due = now.plus(recheck);
        boolean untilDue = !expires.isBefore(due);
        Instant until = untilDue ? due : expires;
        if (!now.isBefore(until)) {
            return;
        }
        Kept old = kept.get(token);
        if (old != null && !old.until().isBefore(until)) {
            return;
        }
        if (old == null && kept.size() >= maxSize) {
            kept.values().removeIf(k -> !now.isBefore(k.until()));
            if (kept.size() >= maxSize) {
                return;
            }
        }
        Kept fresh = new Kept(detached(identity), until, untilDue ? due.minus(recheck.dividedBy(4)) : until);
        if (old == null) {
            kept.putIfAbsent(token, fresh);
        } else {
            kept.replace(token, old, fresh);
        }
    }
}
