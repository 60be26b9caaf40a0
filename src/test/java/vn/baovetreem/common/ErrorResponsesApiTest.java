package vn.baovetreem.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void anIdempotencyKeyIsBoundToTheResourceItWasSentTo() {
        String[] plans = new String[2];
        for (int i = 0; i < 2; i++) {
            plans[i] = Api.as("commune.vanquan").contentType("application/json")
                    .body(Map.of("communeCode", "06253", "year", 2033 + i, "title", "Kế hoạch " + (2033 + i)))
                    .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        }
        Map<String, Object> target = Map.of("description", "Có tủ sách", "measure", Map.of("kind", "MANUAL"), "targetValue", 1,
                "unit", "YES_NO", "comparison", "EQUAL");
        String key = "key-" + UUID.randomUUID();
        Api.as("commune.vanquan").contentType("application/json").header("Idempotency-Key", key).body(target)
                .post("/api/v1/plans/" + plans[0] + "/targets").then().statusCode(201);
        Api.badRequestAs("commune.vanquan").contentType("application/json").header("Idempotency-Key", key).body(target)
                .post("/api/v1/plans/" + plans[1] + "/targets").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.as("commune.vanquan").get("/api/v1/plans/" + plans[1] + "/targets").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void textTheRegistryCannotStoreIsRefusedWhereverItComesFrom() {
        Api.badRequestAs("commune.yenphuc").urlEncodingEnabled(false).get("/api/v1/children?q=a%00b").then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER")).body("violations[0].field", equalTo("q"));
        Api.badRequestAs("commune.yenphuc").urlEncodingEnabled(false).get("/api/v1/children?sex=%C3%28").then()
                .statusCode(400).body("violations[0].field", equalTo("sex"));
        Api.badRequestAs("admin").urlEncodingEnabled(false).get(UNITS + "/%00").then()
                .statusCode(400).body("violations[0].field", equalTo("path"));
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body("{\"fullName\":\"Lò\\u0000A\",\"dateOfBirth\":\"2015-01-01\",\"sex\":\"MALE\",\"villageCode\":\"06283_01\","
                        + "\"caregivers\":[{\"name\":\"M\\ud800\",\"relationship\":\"MOTHER\"}]}")
                .post("/api/v1/children").then().statusCode(400).body("code", equalTo("INVALID_TEXT"))
                .body("violations[0].field", equalTo("fullName"));
    }

    @Test
    void jsonIsReadAsTypedWithoutCoercionOrEpochDates() {
        String base = "\"unitCode\":\"06298\",\"channel\":\"MEETING\",\"topics\":[\"DROWNING\"],\"organiser\":\"Hội LHPN\"";
        for (String[] bad : new String[][]{
                {"\"heldOn\":-99999999", "heldOn"}, {"\"heldOn\":\"-0001-01-01\"", "heldOn"}, {"\"heldOn\":\"1899-12-31\"", "heldOn"},
                {"\"heldOn\":\"2025-01-01\",\"adultsReached\":1.9", "adultsReached"},
                {"\"heldOn\":\"2025-01-01\",\"adultsReached\":\"12\"", "adultsReached"},
                {"\"heldOn\":\"2025-01-01\",\"adultsReached\":9223372036854775808", "adultsReached"},
                {"\"heldOn\":\"2025-01-01\",\"adultsReached\":1e999", "adultsReached"},
                {"\"heldOn\":\"2025-01-01\",\"note\":-99999999", "note"}}) {
            Api.badRequestAs("commune.yenphuc").contentType("application/json").body("{" + base + "," + bad[0] + "}")
                    .post("/api/v1/awareness-activities").then().statusCode(400).body("code", equalTo("INVALID_VALUE"))
                    .body("violations[0].field", equalTo(bad[1]));
        }
    }

    @Test
    void aBodyNeedsItsMediaTypeAndAnAnswerOneThatAcceptAllows() {
        Api.badRequestAs("admin").body("{\"code\":\"X7\"}".getBytes(StandardCharsets.UTF_8))
                .post(UNITS).then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        Api.badRequestAs("admin").accept("text/csv").get(UNITS).then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void aBodySentInPiecesIsReadWholeAndOnlyForACallerWhoseTokenHolds() throws Exception {
        // Half a megabyte of white space ahead of the field that is wrong: the answer names it, so the
        // body, sent in chunks without a length, was read to its end.
        String padded = "{\"unitCode\":\"06298\",\"channel\":\"MEETING\",\"topics\":[\"DROWNING\"],\"heldOn\":\"2025-01-01\","
                + " ".repeat(500_000) + "\"adultsReached\":1.9}";
        HttpResponse<String> read = chunked("/api/v1/awareness-activities", Tokens.of("commune.yenphuc"), padded);
        assertThat(read.statusCode()).isEqualTo(400);
        assertThat(read.body()).contains("INVALID_VALUE", "adultsReached");
        // Past the limit: refused for a signed-in caller, but callers refused first learn only that.
        String big = "{\"note\":\"" + "x".repeat(3_000_000) + "\"}";
        assertThat(chunked(UNITS, Tokens.of("admin"), big).body()).contains("BODY_TOO_LARGE", "limit of 1048576 bytes");
        assertThat(chunked(UNITS, "not-a-token", big).statusCode()).isEqualTo(401);
        assertThat(chunked(UNITS, null, big).statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyThatStopsArrivingClosesTheConnection() throws Exception {
        // The test profile allows a body 2 s (quarkus.http.read-timeout); this one sends its first
        // chunk and no more, and the service closes the connection without an answer.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + UNITS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.of("admin")
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aClientThatWaitsForLeaveToSendItsBodyIsGivenIt() throws Exception {
        byte[] body = "{\"code\":\"X8\"}".getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + UNITS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.of("admin")
                    + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            java.io.InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(25), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write(body);
            out.flush();
            assertThat(new String(in.readNBytes(24), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 400 Bad Request");
        }
    }

    /** POSTs {@code body} over HTTP/1.1 in chunks, without a {@code Content-Length}. */
    private static HttpResponse<String> chunked(String path, String token, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .version(HttpClient.Version.HTTP_1_1).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
