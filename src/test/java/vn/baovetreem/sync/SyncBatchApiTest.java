package vn.baovetreem.sync;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A simulated phone: seeds its village, records changes offline while the commune changes some of the same records, syncs. */
@QuarkusTest
class SyncBatchApiTest {

    private static final String BATCH = "/api/v1/sync/batch";
    private static final String ICH_HUU = "06283_01";

    private static Map<String, Object> op(String ref, String method, String path, Map<String, Object> fields) {
        Map<String, Object> op = new LinkedHashMap<>(Map.of("ref", ref, "method", method, "path", path));
        op.putAll(fields);
        return op;
    }

    private static List<Map<String, Object>> send(List<Map<String, Object>> operations) {
        return Api.as("village.ichhuu").contentType("application/json").body(Map.of("operations", operations)).post(BATCH)
                .then().statusCode(200).extract().path("outcomes");
    }

    private static String etag(String who, String path) {
        return Api.as(who).get("/api/v1" + path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void offlineWorkIsAppliedOnceAndNothingAChangedRecordHeldIsOverwritten() {
        UUID visited = TestChildren.register(ICH_HUU, "2016-08-08", "Visit");
        String site = Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("kind", "POND", "riskLevel", "HIGH", "villageCode", ICH_HUU, "description", "Ao sau nhà văn hoá",
                        "surveyedOn", "2026-04-01"))
                .post("/api/v1/hazard-sites").then().statusCode(201).extract().path("id");
        String childEtag = etag("village.ichhuu", "/children/" + visited);
        String siteEtag = etag("village.ichhuu", "/hazard-sites/" + site);

        // While the phone is offline, the commune corrects the child's record.
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", childEtag)
                .body(Map.of("note", "Sửa ở xã")).patch("/api/v1/children/" + visited).then().statusCode(200);

        String name = "Lò Văn Ngoại Tuyến " + System.nanoTime();
        List<Map<String, Object>> operations = List.of(
                op("c1", "POST", "/children", Map.of("idempotencyKey", UUID.randomUUID().toString(),
                        "body", Map.of("fullName", name, "dateOfBirth", "2019-04-02", "sex", "MALE", "villageCode", ICH_HUU))),
                op("c1-span", "POST", "/children/${c1}/circumstances", Map.of("idempotencyKey", UUID.randomUUID().toString(),
                        "body", Map.of("code", "HCDB_C", "subcode", "HCDB_C_1", "startDate", "2026-11-28"))),
                op("visit", "PATCH", "/children/" + visited, Map.of("ifMatch", childEtag, "body", Map.of("address", "Nhà mới"))),
                op("pond", "PATCH", "/hazard-sites/" + site, Map.of("ifMatch", siteEtag, "body", Map.of("note", "Đã rào một phía"))),
                op("unit", "POST", "/admin-units", Map.of("body", Map.of("code", "06283_99"))),
                op("after-unit", "POST", "/children/${unit}/risks", Map.of("body", Map.of("code", "X"))),
                op("nowhere", "PATCH", "/children/${nobody}", Map.of("ifMatch", "*", "body", Map.of("note", "x"))));

        List<Map<String, Object>> first = send(operations);
        assertThat(first).extracting(o -> o.get("status")).containsExactly(201, 201, 412, 200, 400, 424, 400);
        assertThat(first).filteredOn(o -> (int) o.get("status") >= 400).extracting(o -> (Object) ((Map<?, ?>) o.get("body")).get("code"))
                .containsExactly("PRECONDITION_FAILED", "BATCH_OPERATION_NOT_ALLOWED", "BATCH_DEPENDENCY_FAILED", "BATCH_UNKNOWN_REFERENCE");
        String created = (String) ((Map<?, ?>) first.getFirst().get("body")).get("id");
        assertThat(((Map<?, ?>) first.get(1).get("body")).get("childId")).isEqualTo(created);
        assertThat(first.getFirst().get("location")).as("a path, not the address the batch used inside").isEqualTo("/api/v1/children/" + created);
        Map<?, ?> current = (Map<?, ?>) first.get(2).get("current");
        assertThat(((Map<?, ?>) current.get("record")).get("note")).as("the version the commune made, to show beside the phone's")
                .isEqualTo("Sửa ở xã");
        assertThat(current.get("etag")).isEqualTo(etag("village.ichhuu", "/children/" + visited));
        Api.as("village.ichhuu").get("/api/v1/children/" + visited).then().statusCode(200)
                .body("note", equalTo("Sửa ở xã")).body("address", org.hamcrest.Matchers.not(equalTo("Nhà mới")));

        // The answer was lost: the phone sends the same batch again.
        List<Map<String, Object>> again = send(operations);
        assertThat(again).extracting(o -> o.get("status")).containsExactly(201, 201, 412, 412, 400, 424, 400);
        assertThat(((Map<?, ?>) again.getFirst().get("body")).get("id")).as("replayed, not created twice").isEqualTo(created);
        assertThat(((Map<?, ?>) again.get(1).get("body")).get("id")).isEqualTo(((Map<?, ?>) first.get(1).get("body")).get("id"));
        Response named = Api.as("village.ichhuu").queryParam("q", name).get("/api/v1/children").then().statusCode(200).extract().response();
        assertThat(named.<List<Object>>path("items")).hasSize(1);
    }

    @Test
    void aBatchIsCheckedAsAWholeBeforeAnyOperationRuns() {
        Api.badRequestAs("village.ichhuu").contentType("application/json").body(Map.of("operations", List.of()))
                .post(BATCH).then().statusCode(400);
        Map<String, Object> twice = op("a", "PATCH", "/children/" + UUID.randomUUID(), Map.of("ifMatch", "*", "body", Map.of()));
        Api.badRequestAs("village.ichhuu").contentType("application/json").body(Map.of("operations", List.of(twice, twice)))
                .post(BATCH).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Api.badRequestAs("village.ichhuu").contentType("application/json")
                .body(Map.of("operations", List.of(op("a", "DELETE", "/children", Map.of())))).post(BATCH).then().statusCode(400);
        Map<String, Object> badHeader = op("a", "PATCH", "/children/" + UUID.randomUUID(), Map.of("ifMatch", "\"v1\"\nX-Evil: 1", "body", Map.of()));
        Api.badRequestAs("village.ichhuu").contentType("application/json").body(Map.of("operations", List.of(badHeader)))
                .post(BATCH).then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.containsString("ifMatch"));
        Map<String, Object> badKey = op("a", "POST", "/children", Map.of("idempotencyKey", "khoá", "body", Map.of()));
        Api.badRequestAs("village.ichhuu").contentType("application/json").body(Map.of("operations", List.of(badKey)))
                .post(BATCH).then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.containsString("idempotencyKey"));
        Api.badRequestAs("cp-aggregator").contentType("application/json").body(Map.of("operations", List.of(twice)))
                .post(BATCH).then().statusCode(403);
    }
}
