package vn.baovetreem.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Bad input of any kind gets a precise 4xx problem, never a 500 or a stack trace. */
@QuarkusTest
class ErrorResponsesApiTest {

    private static final String UNITS = "/api/v1/admin-units";

    @Test
    void malformedJsonIsABadRequest() {
        Api.badRequestAs("admin").contentType("application/json").body("{\"code\": \"X1\", ")
                .post(UNITS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .body("requestId", notNullValue())
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownFieldIsABadRequestNamingTheField() {
        Api.badRequestAs("admin").contentType("application/json")
                .body("{\"code\":\"X2\",\"level\":\"VILLAGE\",\"name\":\"A\",\"kind\":\"Thôn\",\"parentCode\":\"06298\",\"colour\":\"red\"}")
                .post(UNITS).then().statusCode(400)
                .body("code", equalTo("UNKNOWN_FIELD"))
                .body("violations.field", hasItem("colour"));
    }

    @Test
    void wrongTypeOrImpossibleDateIsABadRequestNamingTheField() {
        Api.badRequestAs("admin").contentType("application/json")
                .body("{\"code\":\"X3\",\"level\":\"VILLAGE\",\"name\":\"A\",\"kind\":\"Thôn\",\"parentCode\":\"06298\",\"validFrom\":\"2025-02-30\"}")
                .post(UNITS).then().statusCode(400)
                .body("code", equalTo("INVALID_VALUE"))
                .body("violations[0].field", equalTo("validFrom"));
        Api.badRequestAs("admin").contentType("application/json")
                .body("{\"code\":\"X4\",\"level\":\"VILLAGE\",\"name\":[1],\"kind\":\"Thôn\",\"parentCode\":\"06298\"}")
                .post(UNITS).then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        Api.badRequestAs("admin").contentType("text/plain").body("code=X5")
                .post(UNITS).then().statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        String big = "{\"note\":\"" + "x".repeat(1_100_000) + "\"}";
        Api.badRequestAs("admin").contentType("application/json").body(big)
                .post(UNITS).then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("BODY_TOO_LARGE"));
    }

    @Test
    void badQueryParametersAreBadRequests() {
        Api.badRequestAs("admin").queryParam("validOn", "30/06/2025").get(UNITS).then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER")).body("violations[0].field", equalTo("validOn"));
        Api.badRequestAs("admin").queryParam("level", "HAMLET").get(UNITS).then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        Api.badRequestAs("admin").queryParam("pageSize", "ten").get(UNITS).then()
                .statusCode(400).body("violations[0].field", equalTo("pageSize"));
        Api.badRequestAs("admin").queryParam("pageToken", "not-a-token").get(UNITS).then()
                .statusCode(400).body("code", equalTo("INVALID_PAGE_TOKEN"));
        Api.badRequestAs("admin").queryParam("since", "yesterday").get("/api/v1/audit-events").then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void injectionAttemptsAreJustText() {
        Api.as("admin").queryParam("q", "' or 1=1; drop table admin_unit; --").get(UNITS).then()
                .statusCode(200).body("items.size()", equalTo(0));
        Api.as("admin").queryParam("q", "%").get(UNITS).then()
                .statusCode(200).body("items.size()", equalTo(0));
        Api.badRequestAs("admin").get(UNITS + "/06283' or '1'='1").then().statusCode(404);
    }

    @Test
    void invalidIdempotencyKeyIsABadRequest() {
        Api.badRequestAs("admin").contentType("application/json").header("Idempotency-Key", "x".repeat(300))
                .body("{\"code\":\"X6\",\"level\":\"VILLAGE\",\"name\":\"A\",\"kind\":\"Thôn\",\"parentCode\":\"06298\"}")
                .post(UNITS).then().statusCode(400).body("code", equalTo("INVALID_IDEMPOTENCY_KEY"));
    }

    @Test
    void requestIdFromTheCallerIsEchoed() {
        Api.as("admin").header("X-Request-Id", "trace-12345678").get("/api/v1/me").then()
                .statusCode(200).header("X-Request-Id", "trace-12345678");
    }
}
