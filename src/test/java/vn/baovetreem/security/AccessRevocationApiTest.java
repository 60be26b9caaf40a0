package vn.baovetreem.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestStack;
import vn.baovetreem.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Access ends when the account ends: a user disabled in Keycloak, or whose sessions were signed
 * out, is refused by the API once it no longer keeps the identity the token was verified as
 * ({@link KeptIdentities}), not when the token expires.
 */
@QuarkusTest
class AccessRevocationApiTest {

    /** Far longer than the test profile's recheck (3 s) and far shorter than a token's life (300 s). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    KeptIdentities kept;

    @Inject
    @Any
    Instance<HttpAuthenticationMechanism> mechanisms;

    @Test
    void aTokenVerifiedOnceIsKeptAsItsUserAndOnlyThatTokenFindsIt() {
        String token = Tokens.fresh("commune.yenphuc");
        Api.withToken(token).get("/api/v1/me").then().statusCode(200);

        SecurityIdentity verified = kept.find(token);
        assertThat(verified.getPrincipal().getName()).isEqualTo("commune.yenphuc");
        // Asked again, the kept identity answers before Quarkus OIDC's mechanism would verify the token anew.
        assertThat(mechanisms.stream().filter(m -> !(m instanceof KeptIdentities)))
                .isNotEmpty().allSatisfy(other -> assertThat(other.getPriority()).isLessThan(kept.getPriority()));
        Api.withToken(token).get("/api/v1/me").then().statusCode(200).body("username", equalTo("commune.yenphuc"));
        char replaced = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (replaced == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(kept.find(altered)).isNull();
        Api.withToken(altered).get("/api/v1/me").then().statusCode(401);
    }

    /**
     * A token in steady use is verified again before its identity goes stale, by a request that
     * does not wait for it: asked before each request, over two recheck times, the kept identity
     * is never missing and is replaced by a newer one.
     */
    @Test
    void aTokenInSteadyUseIsVerifiedAgainBeforeItsIdentityGoesStale() throws InterruptedException {
        String token = Tokens.fresh("commune.yenphuc");
        Api.withToken(token).get("/api/v1/me").then().statusCode(200);
        SecurityIdentity first = kept.find(token);
        assertThat(first).isNotNull();

        Instant end = Instant.now().plusSeconds(6);
        int renewed = 0;
        SecurityIdentity last = first;
        while (Instant.now().isBefore(end)) {
            SecurityIdentity now = kept.find(token);
            assertThat(now).as("kept without a gap").isNotNull();
            if (now != last) {
                renewed++;
                last = now;
            }
            Api.withToken(token).get("/api/v1/me").then().statusCode(200);
            Thread.sleep(50);
        }
        assertThat(renewed).as("verified again in the background").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDisabledUserIsRefusedWhileTheirTokenIsStillUnexpired() {
        String token = Tokens.fresh("test.revoked");
        Api.withToken(token).get("/api/v1/me").then().statusCode(200);
        String user = userId("test.revoked");
        try {
            admin().contentType(ContentType.JSON).body(Map.of("enabled", false)).put(users() + "/" + user).then().statusCode(204);
            assertThat(refusedWithin(token)).isTrue();
        } finally {
            admin().contentType(ContentType.JSON).body(Map.of("enabled", true)).put(users() + "/" + user).then().statusCode(204);
        }
    }

    @Test
    void aUserSignedOutEverywhereIsRefusedToo() {
        String token = Tokens.fresh("test.signedout");
        Api.withToken(token).get("/api/v1/me").then().statusCode(200);
        admin().post(users() + "/" + userId("test.signedout") + "/logout").then().statusCode(204);
        assertThat(refusedWithin(token)).isTrue();
    }

    /** Whether the API answers 401 to {@code token} before {@link #PATIENCE} runs out. */
    private static boolean refusedWithin(String token) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            int status = Api.withToken(token).get("/api/v1/me").then().extract().statusCode();
            if (status == 401) {
                System.out.println("AccessRevocationApiTest: refused after "
                        + Duration.between(giveUp.minus(PATIENCE), Instant.now()).toMillis() + " ms");
                return true;
            }
            assertThat(status).isEqualTo(200);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String userId(String username) {
        List<String> ids = admin().queryParam("username", username).queryParam("exact", true).get(users())
                .then().statusCode(200).extract().jsonPath().getList("id");
        return ids.getFirst();
    }

    private static String users() {
        return TestStack.adminUrl() + "/users";
    }

    private static io.restassured.specification.RequestSpecification admin() {
        String token = RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "kcadmin", "password", "kcadmin"))
                .post(TestStack.masterTokenUrl()).then().statusCode(200).extract().path("access_token");
        return RestAssured.given().auth().oauth2(token);
    }
}
