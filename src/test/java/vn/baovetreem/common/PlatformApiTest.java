package vn.baovetreem.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.File;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

/** What operators and frontends rely on beyond the API itself. */
@QuarkusTest
class PlatformApiTest {

    @Test
    void servedContractIsTheFileInTheRepository() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode file = yaml.readTree(new File("openapi/openapi.yaml"));
        String served = RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(yaml.readTree(served)).isEqualTo(file);
    }

    @Test
    void readinessCoversTheDatabase() {
        RestAssured.get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
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
        RestAssured.given().header("Origin", "http://localhost:5173").get("/q/health/live").then()
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
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
