package vn.baovetreem.areas;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The unit edits an administrator makes after the fact (a village entered today as of 2020, a
 * village merged into another), seen through the seeded 2025 reorganisation of Văn Quan: Hòa Bình
 * (06274) and Tú Xuyên (06277) merged into Văn Quan (06253), which kept its code and moved from
 * the district (184) to the province on 1 July 2025.
 */
@QuarkusTest
class UnitHistoryApiTest {

    private static final String UNITS = "/api/v1/admin-units";

    @Inject
    AgroalDataSource database;

    @Test
    void aVillageEnteredAsOf2020UnderACommuneThatMergedSinceFollowsItIntoItsSuccessor() {
        String village = village("06274", "2020-01-01");
        Api.as("admin").get(UNITS + "/" + village).then().statusCode(200)
                .body("history.parentCode", contains("06274", "06253"))
                .body("history.validTo", contains("2025-06-30", null))
                .body("history.path", contains("20.184.06274." + village, "20.06253." + village));
        registerChild(village);

        assertThat(part("06274", "2024", village)).isEqualTo(1);
        assertThat(part("06253", "2025", village)).isEqualTo(1);
        assertThat(part("20", "2025", "06253")).isGreaterThanOrEqualTo(1);
        assertThat(villagesOf("06253", "2026-01-01", village)).contains(village);
    }

    @Test
    void aVillageEnteredAsOf2020UnderACommuneThatKeptItsCodeCountsThereBeforeTheReorganisationToo() {
        String village = village("06253", "2020-01-01");
        Api.as("admin").get(UNITS + "/" + village).then().statusCode(200)
                .body("history.path", contains("20.184.06253." + village, "20.06253." + village));
        registerChild(village);

        assertThat(part("06253", "2025-H1", village)).isEqualTo(1);
        assertThat(part("184", "2025-H1", "06253")).isGreaterThanOrEqualTo(1);
        assertThat(villagesOf("06253", "2025-06-30", village)).contains(village);
    }

    @Test
    void aRetiredVillagesChildrenCountTowardItsSuccessorFromTheNextDay() {
        String retired = village("06277", "2020-01-01");
        String successor = village("06253", "2020-01-01");
        String child = registerChild(retired);
        retire(retired, "2025-06-30", successor);

        assertThat(part("06277", "2024", retired)).isEqualTo(1);
        assertThat(values(successor, "2025").getLong("indicators[0].values[0].numerator")).isEqualTo(1);
        assertThat(part("06253", "2025", successor)).isEqualTo(1);
        assertThat(values("06253", "2025").getList("indicators[0].values.unitCode")).doesNotContain(retired);
        Api.as("commune.vanquan").get("/api/v1/children/" + child).then().statusCode(200).body("village.code", equalTo(retired));
    }

    @Test
    void aVillageRetiredIntoAVillageOfAnotherCommuneTakesItsChildrenIntoThatCommunesFiguresAndScope() {
        String retired = village("06298", "2024-01-01");
        Api.as("admin").get(UNITS + "/" + retired).then().statusCode(200)
                .body("history.path", contains("20.184.06298." + retired, "20.06298." + retired));
        String child = registerChild("commune.yenphuc", retired);
        String staying = village("06298", "2024-01-01");
        String stayed = registerChild("commune.yenphuc", staying);
        Api.as("commune.vanquan").get("/api/v1/children/" + child).then().statusCode(404);
        String successor = village("06253", "2020-01-01");
        retire(retired, "2025-12-31", successor);

        assertThat(part("06253", "2026", successor)).isEqualTo(1);
        assertThat(part("06298", "2025", retired)).isEqualTo(1);
        Api.as("commune.vanquan").get("/api/v1/children/" + child).then().statusCode(200);
        Api.as("commune.vanquan").queryParam("unit", successor).get("/api/v1/children").then().statusCode(200)
                .body("items.id", hasItem(child));
        // A list filtered by the commune the village left no longer holds them, even for the province.
        Api.as("district.langson").queryParam("unit", "06298").queryParam("q", "Lịch Sử " + retired).get("/api/v1/children")
                .then().statusCode(200).body("items.id", not(hasItem(child)));
        Api.as("district.langson").queryParam("unit", "06253").queryParam("q", "Lịch Sử " + retired).get("/api/v1/children")
                .then().statusCode(200).body("items.id", hasItem(child));
        // Lists without a name are narrowed to the communes that hold the unit's subtrees, or the caller's, the village's old one among them.
        Api.as("district.langson").queryParam("unit", "06253").queryParam("village", retired).get("/api/v1/children")
                .then().statusCode(200).body("items.id", hasItem(child));
        Api.as("commune.vanquan").queryParam("village", retired).get("/api/v1/children")
                .then().statusCode(200).body("items.id", hasItem(child));
        // The commune the village left no longer sees its children: they count, and are seen, in Văn Quan.
        Api.badRequestAs("commune.yenphuc").get("/api/v1/children/" + child).then().statusCode(404);
        Api.as("commune.yenphuc").queryParam("q", "Lịch Sử " + retired).get("/api/v1/children").then().statusCode(200)
                .body("items.id", not(hasItem(child)));
        Api.as("commune.yenphuc").queryParam("village", retired).get("/api/v1/children").then().statusCode(200)
                .body("items", empty());
        // A unit that shares no subtree with the caller's scope lists nothing, without a row read.
        Api.as("commune.yenphuc").queryParam("unit", successor).get("/api/v1/children").then().statusCode(200)
                .body("items", empty());
        Api.as("commune.yenphuc").queryParam("unit", "06298").queryParam("q", "Lịch Sử " + staying).get("/api/v1/children")
                .then().statusCode(200).body("items.id", hasItem(stayed));
    }

    @Test
    void aListOfAMergedCommuneKeepsWhatItHeldEvenOfVillagesRetiredSince() throws SQLException {
        String retired = village("06283", "2021-01-01");
        String successor = village("06283", "2021-01-01");
        retire(retired, "2024-06-30", successor);
        // A child registered in 2023, while the village sat under An Sơn (written as an import of old data would be).
        UUID child = UUID.randomUUID();
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into child (id, full_name, search_name, sort_name, date_of_birth, sex, village_code, unit_path,
                                   created_at, created_by, updated_at)
                values (?, ?, ?, ?, date '2015-03-03', 'FEMALE', ?, cast(? as ltree), now(), 'test', now())""")) {
            insert.setObject(1, child);
            insert.setString(2, "Lịch Sử " + retired);
            insert.setString(3, "lich su " + retired.toLowerCase());
            insert.setString(4, "su lich su " + retired.toLowerCase());
            insert.setString(5, retired);
            insert.setString(6, "20.184.06283." + retired);
            insert.executeUpdate();
        }

        // An Sơn merged into Yên Phúc in 2025: nothing counts toward it now, so nothing has left it.
        Api.as("district.langson").queryParam("unit", "06283").queryParam("q", "Lịch Sử " + retired).get("/api/v1/children")
                .then().statusCode(200).body("items.id", hasItem(child.toString()));
        Api.as("commune.yenphuc").get("/api/v1/children/" + child).then().statusCode(200);
    }

    @Test
    void aUnitThatWouldStandInNoUnitIsRefusedWithWhatToDo() {
        Api.badRequestAs("admin").contentType("application/json").body(newUnit(code("06274"), "VILLAGE", "06274", "2025-08-01"))
                .post(UNITS).then().statusCode(400).body("code", equalTo("INVALID_PARENT"))
                .body("detail", containsString("create the unit under its successor 06253"));
        Api.badRequestAs("admin").contentType("application/json").body(newUnit(code("06283"), "VILLAGE", "06283", "2019-01-01"))
                .post(UNITS).then().statusCode(400).body("code", equalTo("INVALID_PARENT"))
                .body("detail", containsString("came into force only on 2020-01-01"));
        // The districts were abolished on 1 July 2025 without successors.
        Api.badRequestAs("admin").contentType("application/json").body(newUnit(code("C"), "COMMUNE", "184", "2024-01-01"))
                .post(UNITS).then().statusCode(400).body("code", equalTo("INVALID_PARENT"))
                .body("detail", containsString("from 2025-07-01, because 184 was retired on 2025-06-30 without a successor"));
        String district = code("D");
        Api.as("admin").contentType("application/json").body(newUnit(district, "DISTRICT", "20", "2020-01-01")).post(UNITS)
                .then().statusCode(201);
        Api.badRequestAs("admin").contentType("application/json").header("If-Match", "*")
                .body(Map.of("validTo", "2024-12-31", "successorCode", "184"))
                .post(UNITS + "/" + district + "/retirement").then().statusCode(400).body("code", equalTo("INVALID_SUCCESSOR"))
                .body("detail", containsString("would count in no unit from 2025-07-01"));
        Api.as("admin").get(UNITS + "/" + district).then().statusCode(200).body("validTo", equalTo(null));

        String first = village("06253", "2021-01-01");
        String second = village("06253", "2021-01-01");
        retire(first, "2024-06-30", second);
        Api.badRequestAs("admin").contentType("application/json").header("If-Match", "*")
                .body(Map.of("validTo", "2023-12-31", "successorCode", first))
                .post(UNITS + "/" + second + "/retirement").then().statusCode(400).body("code", equalTo("INVALID_SUCCESSOR"))
                .body("detail", containsString("would count in no unit from 2024-07-01, because the successors of"))
                .body("detail", containsString("lead back to it"));
    }

    @Test
    void theSettingsListHoldsTheCodeACaseWithoutASettingIsCountedUnder() {
        List<String> settings = Api.as("commune.yenphuc").get("/api/v1/code-lists/abuse-settings").then().statusCode(200)
                .extract().path("entries.code");
        assertThat(settings).contains("UNKNOWN");
    }

    private static String code(String parent) {
        return parent + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static String village(String commune, String validFrom) {
        String code = code(commune);
        Api.as("admin").contentType("application/json").body(newUnit(code, "VILLAGE", commune, validFrom)).post(UNITS)
                .then().statusCode(201);
        return code;
    }

    private static Map<String, Object> newUnit(String code, String level, String parent, String validFrom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("level", level);
        body.put("name", "Thôn " + code);
        body.put("kind", level.equals("VILLAGE") ? "Thôn" : "Xã");
        body.put("parentCode", parent);
        body.put("validFrom", validFrom);
        return body;
    }

    private static void retire(String code, String lastDay, String successor) {
        Api.as("admin").contentType("application/json").header("If-Match", "*")
                .body(Map.of("validTo", lastDay, "successorCode", successor))
                .post(UNITS + "/" + code + "/retirement").then().statusCode(200);
    }

    private static String registerChild(String village) {
        return registerChild("commune.vanquan", village);
    }

    private static String registerChild(String officer, String village) {
        return Api.as(officer).contentType("application/json")
                .body(Map.of("fullName", "Lịch Sử " + village, "dateOfBirth", "2015-03-03", "sex", "FEMALE", "villageCode", village))
                .post("/api/v1/children").then().statusCode(201).extract().path("id");
    }

    private static JsonPath values(String unit, String period) {
        return Api.as("admin").queryParam("unit", unit).queryParam("period", period).queryParam("keys", "child-population")
                .queryParam("by", "UNIT").get("/api/v1/indicator-values").then().statusCode(200).extract().jsonPath();
    }

    /** The child population of {@code part} as a part of {@code unit}'s figures for {@code period}. */
    private static long part(String unit, String period, String part) {
        Number n = values(unit, period).get("indicators[0].values.find { it.unitCode == '" + part + "' && it.disaggregation == null }.numerator");
        assertThat(n).as(part + " in " + unit + "'s figures for " + period).isNotNull();
        return n.longValue();
    }

    /** The codes of the units under {@code commune} on {@code validOn} whose name holds {@code village}. */
    private static List<String> villagesOf(String commune, String validOn, String village) {
        return Api.as("admin").queryParam("parent", commune).queryParam("validOn", validOn).queryParam("q", village).get(UNITS)
                .then().statusCode(200).extract().jsonPath().getList("items.code");
    }
}
