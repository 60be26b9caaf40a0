package vn.baovetreem.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Whether Keycloak answers, as readiness reports it and as the problem mappers judge a failed
 * token check by. The OIDC extension says neither: once it has read Keycloak's metadata it
 * reports ready for good, and a token check that could not reach Keycloak fails like a bad token.
 * <p>
 * The realm's metadata is fetched at most every {@link #FRESH} and never on the caller's thread:
 * a caller reads the last answer, which a finished fetch replaces.
 */
@Readiness
@Default // injected by the problem mappers as well
@ApplicationScoped
public class IdentityProviderProbe implements HealthCheck {

    /** How long an answer is reused. */
    static final Duration FRESH = Duration.ofSeconds(5);

    private record Answer(boolean reachable, long atNanos) {
    }

    private final HttpClient client;
    private final HttpRequest metadata;
    /** Until a fetch says otherwise, Keycloak is taken to answer (and the first caller starts a fetch). */
    private volatile Answer last = new Answer(true, System.nanoTime() - 2 * FRESH.toNanos());
    private CompletableFuture<Boolean> fetching;

    IdentityProviderProbe(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realm,
                          @ConfigProperty(name = "cp.oidc.request-timeout") Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.metadata = HttpRequest.newBuilder(URI.create(realm.replaceAll("/+$", "") + "/.well-known/openid-configuration"))
                .timeout(timeout).GET().build();
    }

    /** Keycloak's last known state; starts a new fetch when it is older than {@link #FRESH}. */
    public boolean reachable() {
        Answer answer = last;
        if (stale(answer)) {
            fetch();
        }
        return answer.reachable();
    }

    /** Readiness waits for a fresh answer (health checks run on a worker thread). */
    @Override
    public HealthCheckResponse call() {
        Answer answer = last;
        boolean up = stale(answer) ? fetch().join() : answer.reachable();
        return HealthCheckResponse.named("Keycloak").status(up).build();
    }

    private static boolean stale(Answer answer) {
        return System.nanoTime() - answer.atNanos() > FRESH.toNanos();
    }

    private synchronized CompletableFuture<Boolean> fetch() {
        if (fetching == null || fetching.isDone()) {
            fetching = client.sendAsync(metadata, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> failure == null && response.statusCode() == 200)
                    .thenApply(up -> {
                        last = new Answer(up, System.nanoTime());
                        return up;
                    });
        }
        return fetching;
    }
}
