package vn.baovetreem.prevention;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static vn.baovetreem.testing.IndicatorValues.row;
import static vn.baovetreem.testing.IndicatorValues.values;

@QuarkusTest
class HouseholdApiTest {

    private static final String HOUSEHOLDS = "/api/v1/households";
    private static final String COMMUNE = "commune.yenphuc";
    /** The 15 criteria the seeded checklist marks mandatory. */
    private static final List<String> MANDATORY = List.of("SH01", "SH04", "SH05", "SH08", "SH09", "SH12", "SH14", "SH17", "SH18",
            "SH19", "SH20", "SH22", "SH25", "SH26", "SH27");
    private static final List<String> ALL = IntStream.rangeClosed(1, 33).mapToObj(i -> String.format("SH%02d", i)).toList();

    static String household(String who, String village, String head, UUID... children) {
        return Api.as(who).contentType("application/json")
                .body(Map.of("villageCode", village, "headName", head, "childIds", List.of(children)))
                .post(HOUSEHOLDS).then().statusCode(201).extract().path("id");
    }

    static Response assess(String who, String id, int year, String day, List<String> criteria) {
        return Api.as(who).contentType("application/json")
                .body(Map.of("assessedOn", day, "assessor", "Nông Thị Hoa", "criteriaMet", criteria))
                .put(HOUSEHOLDS + "/" + id + "/assessments/" + year);
    }

    private static List<String> allBut(String... missing) {
        List<String> met = new ArrayList<>(ALL);
        met.removeAll(List.of(missing));
        return met;
    }

    private static void injury(UUID child, String occurredAt, String place) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("childId", child.toString(), "type", "INJURY",
                "sourceChannel", "HEALTH_FACILITY", "receivedAt", occurredAt, "occurredAt", occurredAt,
                "injuryMechanism", "BURN", "injuryPlace", place));
        Api.as(COMMUNE).contentType("application/json").body(body).post("/api/v1/cases").then().statusCode(201);
    }

    @Test
    void aDistrictUserSeesAHouseholdsAddressMaskedAsOnTheChild() {
        String village = "06283_08";
        UUID child = TestChildren.register(village, "2017-01-01", "Nhà Địa Chỉ");
        String id = Api.as(COMMUNE).contentType("application/json").body(Map.of("villageCode", village, "headName", "Lò Văn Chỉ",
                        "address", "Nhà số 7, ngõ 3", "childIds", List.of(child)))
                .post(HOUSEHOLDS).then().statusCode(201).extract().path("id");
        Api.as(COMMUNE).get(HOUSEHOLDS + "/" + id).then().statusCode(200).body("address", equalTo("Nhà số 7, ngõ 3"));
        Api.as("district.langson").get(HOUSEHOLDS + "/" + id).then().statusCode(200).body("address", equalTo("***"))
                .body("headName", equalTo("Lò Văn Chỉ"));
        Api.as("district.langson").queryParam("childId", child.toString()).get(HOUSEHOLDS).then().statusCode(200)
                .body("items[0].address", equalTo("***"));
    }

    @Test
    void theResultFollowsTheQd548RuleAndIsNeverEntered() {
        String village = "06283_07";
        UUID a1 = TestChildren.register(village, "2019-01-01", "Nhà A");
        UUID b1 = TestChildren.register(village, "2018-01-01", "Nhà B");
        UUID c1 = TestChildren.register(village, "2021-01-01", "Nhà C");
        UUID c2 = TestChildren.register(village, "2016-01-01", "Nhà C");
        UUID d1 = TestChildren.register(village, "2015-01-01", "Nhà D");
        UUID e1 = TestChildren.register(village, "2020-01-01", "Nhà E");
        String a = household(COMMUNE, village, "Hoàng Văn A", a1);
        String b = household(COMMUNE, village, "Hoàng Văn B", b1);
        String c = household(COMMUNE, village, "Hoàng Văn C", c1, c2);
        String d = household(COMMUNE, village, "Hoàng Văn D", d1);
        String e = household(COMMUNE, village, "Hoàng Văn E", e1);

        // A: thirty criteria met, but the pond by the house (mandatory SH04) is not fenced.
        assess(COMMUNE, a, 2025, "2025-05-10", allBut("SH04", "SH31", "SH32")).then().statusCode(201)
                .body("result.criteriaMet", equalTo(30)).body("result.mandatoryMissing", contains("SH04"))
                .body("result.safe", equalTo(false)).body("result.provisional", equalTo(true));
        // B: exactly 23, every mandatory one among them; an injury on the road does not count.
        List<String> twentyThree = new ArrayList<>(MANDATORY);
        twentyThree.addAll(List.of("SH02", "SH03", "SH06", "SH07", "SH10", "SH11", "SH13", "SH15"));
        assess(COMMUNE, b, 2025, "2025-05-10", twentyThree).then().statusCode(201)
                .body("result.criteriaMet", equalTo(23)).body("result.safe", equalTo(true));
        injury(b1, "2025-08-01T02:00:00Z", "ROAD");
        // C: every criterion, but a child was burned at home in 2025 (after the visit): not safe that year, safe in 2024.
        assess(COMMUNE, c, 2024, "2024-06-01", ALL).then().statusCode(201).body("result.safe", equalTo(true));
        assess(COMMUNE, c, 2025, "2025-04-01", ALL).then().statusCode(201).body("result.safe", equalTo(true));
        injury(c2, "2025-09-20T03:00:00Z", "HOME");
        // D: all mandatory ones but only 22 in all.
        assess(COMMUNE, d, 2025, "2025-05-10", twentyThree.subList(0, 22)).then().statusCode(201)
                .body("result.criteriaMet", equalTo(22)).body("result.mandatoryMissing", empty()).body("result.safe", equalTo(false));

        Api.as(COMMUNE).get(HOUSEHOLDS + "/" + c + "/assessments").then().statusCode(200)
                .body("items.year", contains(2025, 2024))
                .body("items[0].result.safe", equalTo(false)).body("items[0].result.injuriesAtHome", equalTo(1))
                .body("items[1].result.safe", equalTo(true)).body("items[1].result.injuriesAtHome", equalTo(0));
        Api.as(COMMUNE).get(HOUSEHOLDS + "/" + b).then().statusCode(200)
                .body("latestAssessment.result.safe", equalTo(true)).body("children.id", contains(b1.toString()));

        var list = Api.as(COMMUNE).queryParam("village", village).queryParam("pageSize", "50");
        list.queryParam("year", "2025").queryParam("safe", "true").get(HOUSEHOLDS).then().statusCode(200)
                .body("items.id", contains(b));
        Api.as(COMMUNE).queryParam("village", village).queryParam("year", "2025").queryParam("safe", "false").get(HOUSEHOLDS)
                .then().statusCode(200).body("items.id", containsInAnyOrder(a, c, d));
        Api.as(COMMUNE).queryParam("village", village).queryParam("notAssessedIn", "2025").get(HOUSEHOLDS)
                .then().statusCode(200).body("items.id", contains(e));
        Api.badRequestAs(COMMUNE).queryParam("safe", "true").get(HOUSEHOLDS).then().statusCode(400);

        // The indicator counts the same results: one safe home of five with children in 2025, one in 2024 (C).
        JsonPath y2025 = values(village, "2025", "safe-homes", null);
        assertThat(row(y2025, "safe-homes", village, null, null)).containsExactly(1, 5, "20.0");
        JsonPath y2024 = values(village, "2024", "safe-homes", null);
        assertThat(row(y2024, "safe-homes", village, null, null)).containsExactly(1, 5, "20.0");

        // Corrections need the assessment's ETag; the pond fenced, A becomes safe.
        assess(COMMUNE, a, 2025, "2025-06-10", allBut("SH31", "SH32")).then().statusCode(428);
        String etag = Api.as(COMMUNE).get(HOUSEHOLDS + "/" + a + "/assessments/2025").then().statusCode(200).extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("assessedOn", "2025-06-10", "assessor", "Nông Thị Hoa", "criteriaMet", allBut("SH31", "SH32")))
                .put(HOUSEHOLDS + "/" + a + "/assessments/2025").then().statusCode(200)
                .body("result.safe", equalTo(true)).body("assessedOn", equalTo("2025-06-10"));
    }

    @Test
    void assessmentsAreCheckedAgainstTheChecklist() {
        Api.as("village.ichhuu").get("/api/v1/safe-home-checklist").then().statusCode(200)
                .body("minimumMet", equalTo(23)).body("mandatoryCount", equalTo(15))
                .body("criteria", hasSize(33)).body("areas", hasSize(6))
                .body("criteria.find { it.code == 'SH04' }.provisional", equalTo(false))
                .body("criteria.findAll { it.mandatory }.code", containsInAnyOrder(MANDATORY.toArray()));
        String village = "06283_08";
        String h = household(COMMUNE, village, "Lộc Văn G", TestChildren.register(village, "2019-02-02", "Nhà G"));
        Api.badRequestAs(COMMUNE).contentType("application/json")
                .body(Map.of("assessedOn", "2024-12-31", "assessor", "X", "criteriaMet", List.of("SH01", "SH01", "SH99")))
                .put(HOUSEHOLDS + "/" + h + "/assessments/2025").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("assessedOn", "criteriaMet[1]", "criteriaMet[2]"));
        Api.badRequestAs(COMMUNE).get(HOUSEHOLDS + "/" + h + "/assessments/25").then().statusCode(404);
    }

    @Test
    void villageUsersKeepTheirOwnVillageAndDistrictUsersRead() {
        UUID child = TestChildren.register("06283_01", "2020-03-03", "Nhà Ích Hữu");
        UUID neighbour = TestChildren.register("06283_02", "2020-03-03", "Nhà Thôn Hai");
        String h = household("village.ichhuu", "06283_01", "Nông Văn Tư", child);
        assess("village.ichhuu", h, 2025, "2025-05-01", ALL).then().statusCode(201);

        Api.badRequestAs("village.thon2").get(HOUSEHOLDS + "/" + h).then().statusCode(404);
        Api.badRequestAs("village.thon2").get(HOUSEHOLDS + "/" + h + "/assessments").then().statusCode(404);
        Api.badRequestAs("village.thon2").header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("headName", "X")).patch(HOUSEHOLDS + "/" + h).then().statusCode(404);
        Api.badRequestAs("village.thon2").contentType("application/json")
                .body(Map.of("assessedOn", "2025-05-01", "assessor", "X", "criteriaMet", List.of()))
                .put(HOUSEHOLDS + "/" + h + "/assessments/2025").then().statusCode(404);
        Api.as("village.thon2").queryParam("pageSize", "200").get(HOUSEHOLDS).then().statusCode(200)
                .body("items.id", not(hasItem(h)));
        Api.badRequestAs("village.ichhuu").contentType("application/json")
                .body(Map.of("villageCode", "06283_02", "headName", "X", "childIds", List.of(neighbour)))
                .post(HOUSEHOLDS).then().statusCode(400).body("violations.field", containsInAnyOrder("villageCode", "childIds[0]"));
        Api.badRequestAs("village.ichhuu").contentType("application/json")
                .body(Map.of("villageCode", "06283_01", "headName", "X", "childIds", List.of(child)))
                .post(HOUSEHOLDS).then().statusCode(400).body("violations[0].field", equalTo("childIds[0]"));

        Api.as("district.langson").get(HOUSEHOLDS + "/" + h).then().statusCode(200).body("latestAssessment.result.safe", equalTo(true));
        String etag = Api.as("district.langson").get(HOUSEHOLDS + "/" + h).then().extract().header("ETag");
        Api.badRequestAs("district.langson").header("If-Match", etag).contentType("application/json")
                .body(Map.of("headName", "X")).patch(HOUSEHOLDS + "/" + h).then().statusCode(403);
        assess("district.langson", h, 2024, "2024-05-01", ALL).then().statusCode(403);
    }

    @Test
    void aMergedDuplicateLeavesItsPlaceToTheSurvivor() {
        String village = "06283_09";
        UUID survivor = TestChildren.register(village, "2017-05-05", "Nhà H");
        UUID duplicate = TestChildren.register(village, "2017-05-05", "Nhà H bis");
        String h = household(COMMUNE, village, "Hà Văn H", duplicate);
        String etag = Api.as(COMMUNE).get("/api/v1/children/" + duplicate).then().extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json").body(Map.of("survivorId", survivor.toString()))
                .post("/api/v1/children/" + duplicate + "/merge").then().statusCode(200);
        Api.as(COMMUNE).get(HOUSEHOLDS + "/" + h).then().statusCode(200).body("children.id", contains(survivor.toString()));
        Api.as(COMMUNE).queryParam("childId", survivor.toString()).get(HOUSEHOLDS).then().statusCode(200).body("items.id", contains(h));
    }
}
