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
    void readinessIsDownWhileKeycloakDoesNotAnswerAndTheMappersLearnIt() {
        IdentityProviderProbe probe = new IdentityProviderProbe("http://127.0.0.1:1/realms/child-protection/", Duration.ofSeconds(1));
        assertThat(probe.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(probe.reachable()).isFalse();
    }
}
