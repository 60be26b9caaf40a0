package vn.baovetreem.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.ImportJobs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * An answer that confirms a personal ID is registered outside the caller's area is audited, and a
 * caller who keeps asking is stopped with 429 after the allowance (20 an hour).
 */
@QuarkusTest
class ScopeProbeApiTest {

    @Test
    void confirmationsOfRecordsOutsideTheAreaAreAuditedAndLimited() {
        String personalId = "020215" + ThreadLocalRandom.current().nextInt(800_000, 900_000);
        Api.as("commune.yenphuc").contentType("application/json").body(Map.of("personalId", personalId, "fullName", "Hà Văn Dò",
                "dateOfBirth", "2015-03-12", "sex", "MALE", "villageCode", "06283_01")).post("/api/v1/children").then().statusCode(201);
        Map<String, Object> probe = Map.of("personalId", personalId, "fullName", "Hà Văn Thử", "dateOfBirth", "2015-03-12",
                "sex", "MALE", "villageCode", "06253_01");
        for (int i = 0; i < 20; i++) {
            Api.badRequestAs("test.prober").contentType("application/json").body(probe).post("/api/v1/children").then()
                    .statusCode(409).body("code", equalTo("PERSONAL_ID_TAKEN")).body("existing", nullValue());
        }
        Response refused = Api.badRequestAs("test.prober").contentType("application/json").body(probe).post("/api/v1/children");
        refused.then().statusCode(429).body("code", equalTo("TOO_MANY_PROBES"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();

        String trail = Api.as("admin").queryParam("recordType", "scope-probe").queryParam("actor", "test.prober")
                .queryParam("pageSize", 200).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.size()", equalTo(20)).body("items[0].action", equalTo("PROBE"))
                .body("items[0].after.answer", equalTo("PERSONAL_ID_TAKEN")).extract().asString();
        assertThat(trail).doesNotContain(personalId);
        // The commune's own trail does not show other callers' probes.
        Api.as("commune.vanquan").queryParam("recordType", "scope-probe").get("/api/v1/audit-events").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void parallelProbesCannotTogetherPassTheLimit() throws Exception {
        String personalId = "020215" + ThreadLocalRandom.current().nextInt(600_000, 700_000);
        Api.as("commune.yenphuc").contentType("application/json").body(Map.of("personalId", personalId, "fullName", "Hà Văn Song",
                "dateOfBirth", "2015-03-12", "sex", "MALE", "villageCode", "06283_01")).post("/api/v1/children").then().statusCode(201);
        Map<String, Object> probe = Map.of("personalId", personalId, "fullName", "Hà Văn Thử", "dateOfBirth", "2015-03-12",
                "sex", "MALE", "villageCode", "06253_02");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                answers.add(pool.submit(() -> Api.badRequestAs("test.racer").contentType("application/json").body(probe)
                        .post("/api/v1/children").then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(409, 429);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anImportRowMatchingARecordOutsideTheAreaIsAProbeToo() {
        String personalId = "020215" + ThreadLocalRandom.current().nextInt(700_000, 800_000);
        Api.as("commune.vanquan").contentType("application/json").body(Map.of("personalId", personalId, "fullName", "Hà Văn Nhập",
                "dateOfBirth", "2015-03-12", "sex", "MALE", "villageCode", "06253_02")).post("/api/v1/children").then().statusCode(201);
        byte[] file = ("personalId,fullName,dateOfBirth,sex,villageCode\n" + personalId + ",Hà Văn Nhập,2015-03-12,MALE,06283_01\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String job = ImportJobs.start("cp-importer", "kind=children", "text/csv", file);
        assertThat(ImportJobs.finished("cp-importer", job).getString("status")).isEqualTo("FAILED");
        Api.as("cp-importer").get("/api/v1/imports/" + job + "/errors").then().statusCode(200)
                .body("items[0].column", equalTo("personalId"));
        String trail = Api.as("admin").queryParam("recordType", "scope-probe").queryParam("recordId", "IMPORT_IDENTIFIER_MATCH")
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items[0].after.count", equalTo(1)).extract().asString();
        assertThat(trail).doesNotContain(personalId);
    }
}
