package vn.baovetreem.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestStack;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;

/** What operators and frontends rely on beyond the API itself. */
@QuarkusTest
class PlatformApiTest {

    @Test
    void servedContractIsTheFileInTheRepository() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode file = yaml.readTree(new File(Api.CONTRACT));
        String served = RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        // Only the sign-in scheme names the Keycloak this service is configured with, not the local run's.
        ObjectNode flow = (ObjectNode) file.at("/components/securitySchemes/keycloak/flows/authorizationCode");
        flow.put("authorizationUrl", TestStack.realmUrl() + "/protocol/openid-connect/auth");
        flow.put("tokenUrl", TestStack.realmUrl() + "/protocol/openid-connect/token");
        flow.put("refreshUrl", TestStack.realmUrl() + "/protocol/openid-connect/token");
        assertThat(differences(file, yaml.readTree(served), "")).as("where the served contract differs from the file").isEmpty();
    }

    /** The JSON pointers at which {@code expected} and {@code actual} differ. */
    private static List<String> differences(JsonNode expected, JsonNode actual, String at) {
        List<String> found = new ArrayList<>();
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode e = expected.get(name);
                JsonNode a = actual.get(name);
                if (e == null || a == null) {
                    found.add(at + "/" + name + (e == null ? " only served" : " only in the file"));
                } else {
                    found.addAll(differences(e, a, at + "/" + name));
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                found.addAll(differences(expected.get(i), actual.get(i), at + "/" + i));
            }
        } else if (!expected.equals(actual)) {
            found.add(at + ": " + expected + " in the file, " + actual + " served");
        }
        return found;
    }

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void readinessCoversTheDatabaseAndKeycloakOnTheManagementInterface() {
        RestAssured.get(health + "/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Keycloak"));
        RestAssured.get(health + "/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedOnlyOnTheManagementInterfaceAndLabelTemplatesNotRecords() {
        RestAssured.get("/q/metrics").then().statusCode(404);
        RestAssured.get("/q/health/ready").then().statusCode(404);
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            sent.add(id);
            Api.badRequestAs("commune.yenphuc").get("/api/v1/children/" + id).then().statusCode(404);
            String refused = "probe" + UUID.randomUUID().toString().substring(0, 8);
            sent.add(refused);
            Api.badRequestAs("commune.yenphuc").urlEncodingEnabled(false).get("/api/v1/children/" + refused + "%00")
                    .then().statusCode(400);
            Api.anonymous().get("/" + refused).then().statusCode(404);
        }
        String scraped = RestAssured.get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                .extract().asString();
        assertThat(scraped).contains("uri=\"/children/{id}\"", "uri=\"/REFUSED\"", "uri=\"/NOT_FOUND\"");
        sent.forEach(value -> assertThat(scraped).doesNotContain(value));
    }

    @Test
    void corsPreflightFromTheConfiguredOriginIsAnsweredAndExposesEtagAndLocation() {
        RestAssured.given()
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/api/v1/admin-units/06283")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("PATCH"));
        RestAssured.given().header("Origin", "http://localhost:5173").get("/api/v1/me").then()
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void aBrowserDownloadingAnExportMayReadItsFileNameAndAWriterItsVersionAndReplay() {
        Response download = Api.as("commune.yenphuc").header("Origin", "http://localhost:5173")
                .queryParam("unit", "06298").queryParam("period", "2025").queryParam("format", "csv")
                .get("/api/v1/exports/circular-13");
        download.then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:5173");
        List<String> exposed = List.of(download.header("Access-Control-Expose-Headers").split("\\s*,\\s*"));
        assertThat(download.header("Content-Disposition")).contains("filename");
        assertThat(exposed).contains("Content-Disposition", "ETag", "Location", "Idempotency-Replayed", "Retry-After",
                "Content-Language", "X-Request-Id");
    }

    @Test
    void corsRefusesOtherOrigins() {
        RestAssured.given()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/me")
                .then()
                .statusCode(403);
    }
}
