package vn.baovetreem.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestStack;
import vn.baovetreem.testing.Tokens;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The real Keycloak frozen ({@code SIGSTOP}): it holds its connections and answers nothing, so the
 * check of a token never seen before runs into the request timeout.
 */
@QuarkusTest
class FrozenKeycloakApiTest {

    private static final String WHO = "commune.yenphuc";

    @Test
    void aTokenNeverSeenBeforeIsAnOutageNotARefusalWhileKeycloakHangs() throws Exception {
        String known = Tokens.fresh(WHO);
        String unseen = Tokens.fresh(WHO);
        Api.withToken(known).get("/api/v1/me").then().statusCode(200);

        try (AutoCloseable frozen = TestStack.frozenKeycloak()) {
            Api.withToken(known).get("/api/v1/me").then().statusCode(200).body("unit.code", equalTo("06298"));
            // The first such request too: the failure of a call that timed out reaches the mappers without its cause.
            Api.withToken(unseen).get("/api/v1/me").then().statusCode(503)
                    .body("code", equalTo("IDENTITY_PROVIDER_UNAVAILABLE"))
                    .header("Retry-After", notNullValue());
        }

        Api.withToken(unseen).get("/api/v1/me").then().statusCode(200);
        Api.withToken(unseen + "x").get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
