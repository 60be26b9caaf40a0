package vn.baovetreem.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.Introspections;
import vn.baovetreem.testing.TestStack;
import vn.baovetreem.testing.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The real Keycloak frozen ({@code SIGSTOP}): it holds its connections and answers nothing, so the
 * check of a token never seen before runs into the request timeout. Requests that send the same new
 * token at once wait for one check of it.
 */
@QuarkusTest
class FrozenKeycloakApiTest {

    private static final String WHO = "commune.yenphuc";
    private static final int AT_ONCE = 8;

    @Inject
    Introspections introspections;

    @Test
    void aTokenNeverSeenBeforeIsAnOutageNotARefusalWhileKeycloakHangs() throws Exception {
        String known = Tokens.fresh(WHO);
        String unseen = Tokens.fresh(WHO);
        Api.withToken(known).get("/api/v1/me").then().statusCode(200);

        try (AutoCloseable frozen = TestStack.frozenKeycloak()) {
            Api.withToken(known).get("/api/v1/me").then().statusCode(200).body("unit.code", equalTo("06298"));
            // The first such request too, although Quarkus OIDC fails a call that timed out without its cause.
            Api.withToken(unseen).get("/api/v1/me").then().statusCode(503)
                    .body("code", equalTo("IDENTITY_PROVIDER_UNAVAILABLE"))
                    .header("Retry-After", notNullValue());
        }

        Api.withToken(unseen).get("/api/v1/me").then().statusCode(200);
        Api.withToken(unseen + "x").get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void requestsSendingANewTokenAtOnceWaitForOneCheckOfIt() throws Exception {
        String unseen = Tokens.fresh(WHO);
        int before = introspections.sent();
        try (ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE)) {
            List<Future<Response>> answers;
            try (AutoCloseable frozen = TestStack.frozenKeycloak()) {
                answers = atOnce(clients, unseen);
                Thread.sleep(1_000); // every request is waiting for Keycloak
            }
            for (Future<Response> answer : answers) {
                answer.get().then().statusCode(200).body("unit.code", equalTo("06298"));
            }
        }
        assertThat(introspections.sent() - before).isEqualTo(1);
    }

    @Test
    void allOfThemAreAnsweredThatKeycloakIsOutOfReachWhenItsCheckGetsNoAnswer() throws Exception {
        String unseen = Tokens.fresh(WHO);
        int before = introspections.sent();
        try (ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE); AutoCloseable frozen = TestStack.frozenKeycloak()) {
            for (Future<Response> answer : atOnce(clients, unseen)) {
                answer.get().then().statusCode(503).body("code", equalTo("IDENTITY_PROVIDER_UNAVAILABLE"));
            }
        }
        assertThat(introspections.sent() - before).isEqualTo(1);
        Api.withToken(unseen).get("/api/v1/me").then().statusCode(200);
    }

    private static List<Future<Response>> atOnce(ExecutorService clients, String token) {
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            answers.add(clients.submit(() -> Api.withToken(token).get("/api/v1/me")));
        }
        return answers;
    }
}
