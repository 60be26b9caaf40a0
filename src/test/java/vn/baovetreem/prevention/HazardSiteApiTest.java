package vn.baovetreem.prevention;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class HazardSiteApiTest {

    private static final String SITES = "/api/v1/hazard-sites";

    private static String site(String who, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", "POND", "riskLevel", "HIGH"));
        body.putAll(fields);
        return Api.as(who).contentType("application/json").body(body).post(SITES).then().statusCode(201).extract().path("id");
    }

    private static void inspect(String id, String on, String measure, String status) {
        Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("inspectedOn", on, "inspector", "Nông Văn Hải", "measuresChecked", List.of(Map.of("measure", measure, "status", status))))
                .post(SITES + "/" + id + "/inspections").then().statusCode(201);
    }

    @Test
    void notMitigatedOnADayFollowsEachMeasuresHistory() {
        String village = "06319_02";
        String a = site("commune.yenphuc", Map.of("villageCode", village, "description", "Ao đầu làng " + System.nanoTime(),
                "surveyedOn", "2024-03-01", "latitude", 21.86, "longitude", 106.55,
                "measures", List.of(Map.of("measure", "FENCE_OR_BARRIER", "status", "NEEDED"))));
        inspect(a, "2024-06-15", "FENCE_OR_BARRIER", "INSTALLED");
        inspect(a, "2025-04-01", "FENCE_OR_BARRIER", "DAMAGED");
        inspect(a, "2025-05-10", "FENCE_OR_BARRIER", "INSTALLED");
        String b = site("commune.yenphuc", Map.of("villageCode", village, "kind", "RIVER_OR_STREAM", "description", "Khúc suối sau trường",
                "surveyedOn", "2025-03-01", "latitude", 21.87, "longitude", 106.56));
        String c = site("commune.yenphuc", Map.of("villageCode", village, "kind", "WELL", "description", "Giếng cũ",
                "surveyedOn", "2024-03-01", "measures", List.of(Map.of("measure", "WARNING_SIGN", "status", "INSTALLED"),
                        Map.of("measure", "RESCUE_EQUIPMENT", "status", "NEEDED"))));

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("2024-06-01", List.of(a, c));
        expected.put("2024-07-01", List.of(c));
        expected.put("2025-04-15", List.of(a, b, c));
        expected.put("2025-06-01", List.of(b, c));
        expected.forEach((day, ids) -> Api.as("commune.yenphuc").queryParam("village", village).queryParam("notMitigatedOn", day)
                .queryParam("pageSize", "200").get(SITES).then().statusCode(200)
                .body("items.id", containsInAnyOrder(ids.toArray())));

        Api.as("commune.yenphuc").get(SITES + "/" + a).then().statusCode(200)
                .body("mitigated", equalTo(true))
                .body("lastInspectedOn", equalTo("2025-05-10"))
                .body("measures[0].since", equalTo("2025-05-10"));
        Api.as("commune.yenphuc").queryParam("village", village).queryParam("notInspectedSince", "2025-01-01").get(SITES).then()
                .statusCode(200).body("items.id", containsInAnyOrder(b, c));
    }

    @Test
    void geoJsonHasTheSitesWithCoordinates() {
        String village = "06319_03";
        String mapped = site("commune.yenphuc", Map.of("villageCode", village, "description", "Hồ thủy lợi", "kind", "RESERVOIR_OR_DAM",
                "latitude", 21.8512, "longitude", 106.5498));
        String unmapped = site("commune.yenphuc", Map.of("villageCode", village, "description", "Hố công trình", "kind", "FLOODED_PIT"));
        Response geo = Api.as("district.langson").accept("application/geo+json").queryParam("village", village)
                .queryParam("pageSize", "200").get(SITES);
        geo.then().statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features.id", hasItem(mapped))
                .body("features.id", not(hasItem(unmapped)))
                .body("features.find { it.id == '" + mapped + "' }.geometry.type", equalTo("Point"))
                .body("features.find { it.id == '" + mapped + "' }.geometry.coordinates", contains(106.5498f, 21.8512f))
                .body("features.find { it.id == '" + mapped + "' }.properties.kind", equalTo("RESERVOIR_OR_DAM"));
    }

    @Test
    void villageUsersWorkInTheirVillageAndDistrictUsersOnlyRead() {
        String id = site("village.ichhuu", Map.of("villageCode", "06283_01", "description", "Ao nhà ông Tư", "surveyedOn", "2026-04-01"));
        Api.as("village.ichhuu").contentType("application/json")
                .body(Map.of("inspectedOn", "2026-05-01", "inspector", "Trưởng thôn", "findings", "Chưa có rào"))
                .post(SITES + "/" + id + "/inspections").then().statusCode(201);

        Api.as("village.thon2").get(SITES + "/" + id).then().statusCode(404);
        Api.as("village.thon2").contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"riskLevel\":\"LOW\"}").patch(SITES + "/" + id).then().statusCode(404);
        Api.as("village.thon2").contentType("application/json").body(Map.of("inspectedOn", "2026-05-01", "inspector", "X"))
                .post(SITES + "/" + id + "/inspections").then().statusCode(404);
        Api.badRequestAs("village.thon2").contentType("application/json")
                .body(Map.of("villageCode", "06283_01", "kind", "POND", "riskLevel", "HIGH", "description", "x"))
                .post(SITES).then().statusCode(400).body("violations.field", contains("villageCode"));
        Api.as("commune.vanquan").get(SITES + "/" + id).then().statusCode(404);

        Api.as("district.langson").get(SITES + "/" + id).then().statusCode(200).body("lastInspectedOn", equalTo("2026-05-01"));
        Api.badRequestAs("district.langson").contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"riskLevel\":\"LOW\"}").patch(SITES + "/" + id).then().statusCode(403);
        Api.badRequestAs("district.langson").contentType("application/json").body(Map.of("inspectedOn", "2026-05-01", "inspector", "X"))
                .post(SITES + "/" + id + "/inspections").then().statusCode(403);

        String etag = Api.as("village.ichhuu").get(SITES + "/" + id).then().extract().header("ETag");
        Api.as("village.ichhuu").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"riskLevel\":\"MEDIUM\",\"note\":\"Đã lấp một nửa\"}").patch(SITES + "/" + id).then()
                .statusCode(200).body("riskLevel", equalTo("MEDIUM"));
        Api.as("village.ichhuu").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"riskLevel\":\"LOW\"}").patch(SITES + "/" + id).then().statusCode(412);
    }

    @Test
    void invalidSitesAreRefusedNamingTheField() {
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("kind", Map.of("kind", "VOLCANO"));
        cases.put("riskLevel", Map.of("riskLevel", "EXTREME"));
        cases.put("latitude", Map.of("latitude", 21.85));
        cases.put("surveyedOn", Map.of("surveyedOn", "2099-01-01"));
        cases.put("measures[0].measure", Map.of("measures", List.of(Map.of("measure", "MAGIC", "status", "NEEDED"))));
        cases.put("measures[1].measure", Map.of("measures", List.of(Map.of("measure", "COVER", "status", "NEEDED"),
                Map.of("measure", "COVER", "status", "INSTALLED"))));
        cases.forEach((field, fields) -> {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("villageCode", "06283_01", "kind", "POND", "riskLevel", "HIGH",
                    "description", "Ao"));
            body.putAll(fields);
            Api.badRequestAs("commune.yenphuc").contentType("application/json").body(body).post(SITES).then()
                    .statusCode(400).body("violations.field", hasItem(field));
        });
    }
}
