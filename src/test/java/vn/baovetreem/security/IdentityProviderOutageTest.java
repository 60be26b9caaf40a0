package vn.baovetreem.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.CompositeException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import vn.baovetreem.common.error.ProblemCode;

import static org.assertj.core.api.Assertions.assertThat;

/** Telling a Keycloak that cannot be reached from a token that is bad. */
class IdentityProviderOutageTest {

    @Test
    void aTokenCheckThatCouldNotReachKeycloakIsAnOutageAndABadTokenIsNot() {
        assertThat(IdentityProviderWaits.outage(new AuthenticationFailedException(
                new CompositeException(new NullPointerException(), new ConnectException("refused")))))
                .get().satisfies(p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.code()).isEqualTo(ProblemCode.IDENTITY_PROVIDER_UNAVAILABLE);
                    assertThat(p.retryAfterSeconds()).isPositive();
                });
        assertThat(IdentityProviderWaits.outage(new AuthenticationFailedException(new TimeoutException()))).isPresent();
        assertThat(IdentityProviderWaits.outage(new OIDCException("OIDC Server is not available"))).isPresent();
        assertThat(IdentityProviderWaits.outage(new AuthenticationFailedException(new OidcEndpointAccessException(503)))).isPresent();

        assertThat(IdentityProviderWaits.outage(new AuthenticationFailedException(new OidcEndpointAccessException(401)))).isEmpty();
        assertThat(IdentityProviderWaits.outage(new AuthenticationFailedException("Token is not active"))).isEmpty();
    }

    @Test
    void keycloakIsSilentOnceACallHasWaitedItsWholeTimeWithNoAnswerSinceItWasSent() {
        AtomicLong now = new AtomicLong(-5_000_000_000L);
        IdentityProviderWaits waits = new IdentityProviderWaits(Duration.ofSeconds(5), now::get);
        assertThat(waits.silent()).as("no call yet").isFalse();

        waits.sent();
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        waits.sent(); // a second call while the first waits does not restart the wait
        now.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThat(waits.silent()).as("the first call has waited 4.999 s").isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(waits.silent()).as("the first call has waited 5 s").isTrue();
        now.addAndGet(Duration.ofMillis(7_999).toNanos());
        assertThat(waits.silent()).as("the last call was sent 9.999 s ago").isTrue();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(waits.silent()).as("no call sent for two timeouts: what fails now did not wait for Keycloak").isFalse();

        waits.answered();
        assertThat(waits.silent()).as("Keycloak answered").isFalse();
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(waits.silent()).as("nothing sent since the answer").isFalse();
        waits.sent();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(waits.silent()).isTrue();
    }

    @Test
    void readinessIsDownWhileKeycloakDoesNotAnswerAndTheMappersLearnIt() {
        IdentityProviderProbe probe = new IdentityProviderProbe("http://127.0.0.1:1/realms/child-protection/", Duration.ofSeconds(1));
        assertThat(probe.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(probe.reachable()).isFalse();
    }
}
