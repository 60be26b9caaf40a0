package vn.baovetreem.plans;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class PlanApiTest {

    private static final String PLANS = "/api/v1/plans";
    private static final String COMMUNE = "commune.yenphuc";
    private static final String DISTRICT = "district.langson";

    static String plan(String commune, int year) {
        return Api.as(COMMUNE).contentType("application/json")
                .body(Map.of("communeCode", commune, "year", year, "title", "Kế hoạch công tác trẻ em năm " + year))
                .post(PLANS).then().statusCode(201).extract().path("id");
    }

    static String target(String who, String plan, Map<String, Object> body) {
        return Api.as(who).contentType("application/json").body(body).post(PLANS + "/" + plan + "/targets")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> indicatorTarget(String description, String key, Map<String, String> filter, int value) {
        Map<String, Object> measure = new LinkedHashMap<>(Map.of("kind", "INDICATOR", "indicatorKey", key));
        if (filter != null) {
            measure.put("filter", filter);
        }
        return Map.of("description", description, "measure", measure, "targetValue", value, "unit", "PERCENT", "comparison", "AT_LEAST");
    }

    private static Map<String, Object> progressRow(JsonPath progress, String targetId) {
        return progress.getMap("targets.find { it.targetId == '" + targetId + "' }");
    }

    @Test
    void progressIsComputedFromLiveDataAndMatchesTheIndicators() {
        String plan = plan("06283", 2024);
        String supported = target(COMMUNE, plan, indicatorTarget("100% trẻ em có hoàn cảnh đặc biệt được hỗ trợ", "sc-children-supported",
                null, 100));
        String disability = target(COMMUNE, plan, indicatorTarget("100% trẻ em khuyết tật được hỗ trợ", "sc-children-supported",
                Map.of("disaggregation", "SC_GROUP", "category", "HCDB_D"), 100));
        String database = target(COMMUNE, plan, indicatorTarget("Duy trì cơ sở dữ liệu trẻ em", "records-with-personal-id", null, 95));
        String fund = target(COMMUNE, plan, Map.of("description", "Vận động Quỹ Bảo trợ trẻ em", "measure", Map.of("kind", "MANUAL"),
                "targetValue", 20_000_000, "unit", "VND", "comparison", "AT_LEAST"));
        String forum = target(COMMUNE, plan, Map.of("description", "Tổ chức Diễn đàn trẻ em", "measure", Map.of("kind", "MANUAL"),
                "targetValue", 1, "unit", "YES_NO", "comparison", "EQUAL"));
        for (String[] v : new String[][]{{fund, "2024-06-01", "12500000"}, {fund, "2024-11-20", "21000000"}, {forum, "2024-12-15", "0"}}) {
            Api.as(COMMUNE).contentType("application/json")
                    .body(Map.of("reportedOn", v[1], "value", new BigDecimal(v[2]), "evidence", "Sổ quỹ xã", "reporter", "Kế toán xã"))
                    .post(PLANS + "/" + plan + "/targets/" + v[0] + "/values").then().statusCode(201);
        }
        Api.badRequestAs(COMMUNE).contentType("application/json")
                .body(Map.of("reportedOn", "2024-06-01", "value", 5, "evidence", "x", "reporter", "x"))
                .post(PLANS + "/" + plan + "/targets/" + supported + "/values").then().statusCode(409)
                .body("code", equalTo("NOT_A_MANUAL_TARGET"));

        JsonPath progress = Api.as(COMMUNE).queryParam("asOf", "2024-10-31").get(PLANS + "/" + plan + "/progress")
                .then().statusCode(200).extract().jsonPath();
        assertThat(progress.getString("from")).isEqualTo("2024-01-01");
        assertThat(progress.getString("to")).isEqualTo("2024-10-31");
        JsonPath indicators = Api.as(COMMUNE).queryParam("unit", "06283").queryParam("from", "2024-01-01").queryParam("to", "2024-10-31")
                .queryParam("keys", "sc-children-supported,records-with-personal-id").queryParam("by", "SC_GROUP")
                .get("/api/v1/indicator-values").then().statusCode(200).extract().jsonPath();
        Map<String, Object> total = indicators.getMap("indicators.find { it.key == 'sc-children-supported' }.values"
                + ".find { it.disaggregation == null }");
        assertThat(progressRow(progress, supported)).containsEntry("numerator", total.get("numerator"))
                .containsEntry("denominator", total.get("denominator"));
        Map<String, Object> records = indicators.getMap("indicators.find { it.key == 'records-with-personal-id' }.values[0]");
        assertThat(progressRow(progress, database)).containsEntry("numerator", records.get("numerator"))
                .containsEntry("denominator", records.get("denominator"));
        Map<String, Object> hcdbD = indicators.getMap("indicators.find { it.key == 'sc-children-supported' }.values"
                + ".find { it.disaggregation == 'SC_GROUP' && it.category == 'HCDB_D' }");
        if (hcdbD != null) {
            assertThat(progressRow(progress, disability)).containsEntry("numerator", hcdbD.get("numerator"));
        } else {
            assertThat(progressRow(progress, disability)).containsEntry("status", "NO_DATA");
        }
        // 12.5 million by 31 October is below the 16.7 million that 305 days of the year call for.
        assertThat(progressRow(progress, fund)).containsEntry("status", "AT_RISK").containsEntry("reportedOn", "2024-06-01");
        assertThat(progressRow(progress, forum)).containsEntry("status", "NO_DATA");

        JsonPath halfYear = Api.as("village.ichhuu").queryParam("period", "2024-H1").get(PLANS + "/" + plan + "/progress")
                .then().statusCode(200).extract().jsonPath();
        assertThat(progressRow(halfYear, fund)).containsEntry("status", "ON_TRACK");
        JsonPath yearEnd = Api.as(DISTRICT).queryParam("asOf", "2025-03-01").get(PLANS + "/" + plan + "/progress")
                .then().statusCode(200).extract().jsonPath();
        assertThat(yearEnd.getString("to")).isEqualTo("2024-12-31");
        assertThat(progressRow(yearEnd, fund)).containsEntry("status", "MET");
        assertThat(progressRow(yearEnd, forum)).containsEntry("status", "NOT_MET");

        Api.as(DISTRICT).queryParam("unit", "20").queryParam("year", "2024").queryParam("asOf", "2024-10-31").get(PLANS + "/progress")
                .then().statusCode(200).body("items.plan.id", hasItem(plan));
        Api.as("village.thon2").get(PLANS + "/" + plan).then().statusCode(200).body("communeCode", equalTo("06283"));
        Api.badRequestAs("commune.vanquan").get(PLANS + "/" + plan).then().statusCode(404);
        Api.badRequestAs(COMMUNE).queryParam("period", "2025-H1").get(PLANS + "/" + plan + "/progress").then().statusCode(400);
    }

    @Test
    void targetsSetByTheDistrictBelongToTheDistrict() {
        String plan = plan("06298", 2026);
        Api.badRequestAs(COMMUNE).contentType("application/json")
                .body(Map.of("communeCode", "06298", "year", 2026, "title", "Bản trùng"))
                .post(PLANS).then().statusCode(409).body("code", equalTo("PLAN_EXISTS"));
        String byDistrict = target(DISTRICT, plan, indicatorTarget("Tỷ lệ ngôi nhà an toàn", "safe-homes", null, 50));
        String byCommune = target(COMMUNE, plan, indicatorTarget("Điểm nguy cơ đuối nước được rào chắn", "hazard-sites-mitigated", null, 80));
        Api.as(COMMUNE).get(PLANS + "/" + plan + "/targets").then().statusCode(200)
                .body("items.setByDistrict", containsInAnyOrder(true, false));

        String etag = Api.as(COMMUNE).get(PLANS + "/" + plan + "/targets/" + byDistrict).then().extract().header("ETag");
        Api.badRequestAs(COMMUNE).header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("targetValue", 10))
                .patch(PLANS + "/" + plan + "/targets/" + byDistrict).then().statusCode(403).body("code", equalTo("TARGET_SET_BY_DISTRICT"));
        Api.badRequestAs(COMMUNE).header("If-Match", etag).delete(PLANS + "/" + plan + "/targets/" + byDistrict)
                .then().statusCode(403).body("code", equalTo("TARGET_SET_BY_DISTRICT"));
        Api.badRequestAs(DISTRICT).header("If-Match", Api.as(DISTRICT).get(PLANS + "/" + plan + "/targets/" + byCommune)
                .then().extract().header("ETag")).delete(PLANS + "/" + plan + "/targets/" + byCommune).then().statusCode(403);
        Api.as(DISTRICT).header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("targetValue", 60))
                .patch(PLANS + "/" + plan + "/targets/" + byDistrict).then().statusCode(200).body("targetValue", equalTo(60));
        String communeTag = Api.as(COMMUNE).get(PLANS + "/" + plan + "/targets/" + byCommune).then().extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", communeTag).delete(PLANS + "/" + plan + "/targets/" + byCommune).then().statusCode(204);
        Api.as(COMMUNE).get(PLANS + "/" + plan + "/targets").then().body("items", hasSize(1));

        Api.badRequestAs(COMMUNE).contentType("application/json").body(Map.of("description", "Sai", "measure",
                        Map.of("kind", "INDICATOR", "indicatorKey", "sc-children-supported", "filter",
                                Map.of("disaggregation", "ABUSE_FORM", "category", "VIOLENCE")),
                        "targetValue", 150, "unit", "COUNT", "comparison", "AT_LEAST"))
                .post(PLANS + "/" + plan + "/targets").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("unit", "measure.filter.disaggregation"));
        Api.badRequestAs(COMMUNE).contentType("application/json").body(Map.of("description", "Sai", "measure",
                        Map.of("kind", "INDICATOR", "indicatorKey", "infant-mortality"), "targetValue", 10, "unit", "PERCENT",
                        "comparison", "AT_MOST"))
                .post(PLANS + "/" + plan + "/targets").then().statusCode(400).body("violations[0].field", equalTo("measure.indicatorKey"));
        Api.badRequestAs(DISTRICT).contentType("application/json").body(Map.of("communeCode", "06253", "year", 2026, "title", "X"))
                .post(PLANS).then().statusCode(403);

        String planTag = Api.as(COMMUNE).get(PLANS + "/" + plan).then().extract().header("ETag");
        Api.badRequestAs(COMMUNE).header("If-Match", planTag).contentType("application/merge-patch+json").body(Map.of("status", "ADOPTED"))
                .patch(PLANS + "/" + plan).then().statusCode(400).body("violations[0].field", equalTo("adoptedOn"));
        String adopted = Api.as(COMMUNE).header("If-Match", planTag).contentType("application/merge-patch+json")
                .body(Map.of("status", "ADOPTED", "adoptedOn", "2026-03-20", "documentNumber", "45/KH-UBND"))
                .patch(PLANS + "/" + plan).then().statusCode(200).body("status", equalTo("ADOPTED")).extract().header("ETag");
        Api.badRequestAs(COMMUNE).header("If-Match", adopted).contentType("application/merge-patch+json").body(Map.of("status", "DRAFT"))
                .patch(PLANS + "/" + plan).then().statusCode(409).body("allowedActions", containsInAnyOrder("ADOPTED", "CLOSED"));
        Api.as("village.ichhuu").queryParam("year", "2026").get(PLANS).then().statusCode(200).body("items.id", hasItem(plan));
    }
}
