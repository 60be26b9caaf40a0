package vn.baovetreem.areas;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AdminUnitApiTest {

    private static final String UNITS = "/api/v1/admin-units";

    @Test
    void aCorrectedNameShowsAtOnceWhereRecordsNameTheUnit() {
        String village = "06283_09";
        UUID child = TestChildren.register(village, "2017-03-03", "Tên Thôn");
        String path = "/api/v1/children/" + child;
        String before = Api.as("commune.yenphuc").get(path).then().statusCode(200).extract().path("village.name");
        rename(village, "Thôn Đổi Tên (test)");
        try {
            Api.as("commune.yenphuc").get(path).then().statusCode(200).body("village.name", equalTo("Thôn Đổi Tên (test)"));
        } finally {
            rename(village, before);
        }
    }

    private static void rename(String code, String name) {
        String etag = Api.as("admin").get(UNITS + "/" + code).then().statusCode(200).extract().header("ETag");
        Api.as("admin").contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("name", name))
                .patch(UNITS + "/" + code).then().statusCode(200);
    }

    @Test
    void anSonSitsUnderVanQuanUnderLangSonUntilItsMergerIntoYenPhuc() {
        Api.as("village.ichhuu").get(UNITS + "/06283").then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("An Sơn"))
                .body("level", equalTo("COMMUNE"))
                .body("validFrom", equalTo("2020-01-01"))
                .body("validTo", equalTo("2025-06-30"))
                .body("ancestors.code", contains("20", "184"))
                .body("ancestors.name", contains("Lạng Sơn", "Văn Quan"))
                .body("successor.code", equalTo("06298"))
                .body("successor.name", equalTo("Yên Phúc"));
    }

    @Test
    void yenPhucKeepsBinhPhucsCodeAndListsItsPredecessors() {
        Api.as("commune.yenphuc").get(UNITS + "/06298").then()
                .statusCode(200)
                .body("name", equalTo("Yên Phúc"))
                .body("ancestors.code", contains("20"))
                .body("predecessors.code", contains("06283", "06319"))
                .body("history.name", contains("Bình Phúc", "Yên Phúc"));
        Api.as("commune.yenphuc").queryParam("validOn", "2024-05-01").get(UNITS + "/06298").then()
                .statusCode(200)
                .body("name", equalTo("Bình Phúc"))
                .body("ancestors.code", contains("20", "184"));
    }

    @Test
    void nameSearchIgnoresDiacriticsAndCase() {
        Api.as("village.ichhuu").queryParam("q", "an son").get(UNITS).then()
                .statusCode(200)
                .body("items.code", hasItem("06283"));
        // Under Yên Phúc: other tests may name a village of their own Ích Hữu.
        Api.as("village.ichhuu").queryParam("q", "ÍCH hữu").queryParam("parent", "06298").get(UNITS).then()
                .statusCode(200)
                .body("items.code", contains("06283_01"));
    }

    @Test
    void anSonIn2024AndYenPhucIn2026HaveTheRightVillages() {
        List<String> anSon2024 = Api.as("commune.yenphuc").queryParam("parent", "06283").queryParam("validOn", "2024-06-30")
                .queryParam("pageSize", "100").get(UNITS).then().statusCode(200).extract().jsonPath().getList("items.code");
        assertThat(anSon2024).hasSize(20).contains("06283_01", "06283_20");

        List<String> yenPhuc2026 = Api.as("commune.yenphuc").queryParam("parent", "06298").queryParam("validOn", "2026-06-30")
                .queryParam("pageSize", "100").get(UNITS).then().statusCode(200).extract().jsonPath().getList("items.code");
        assertThat(yenPhuc2026).contains("06283_01", "06283_20", "06298_01", "06319_01").doesNotContain("06253_01");

        Api.as("commune.yenphuc").queryParam("parent", "06283").queryParam("validOn", "2026-06-30").get(UNITS).then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void villageIsDescribedAsItWasOnTheDateAsked() {
        Api.as("village.ichhuu").queryParam("validOn", "2024-01-01").get(UNITS + "/06283_01").then()
                .statusCode(200)
                .body("parentCode", equalTo("06283"))
                .body("ancestors.code", contains("20", "184", "06283"))
                .body("demo", equalTo(false));
        Api.as("village.ichhuu").get(UNITS + "/06283_01").then()
                .statusCode(200)
                .body("parentCode", equalTo("06298"))
                .body("ancestors.code", contains("20", "06298"));
    }

    @Test
    void listIsPaginatedWithAnOpaqueCursorWithoutRepeats() {
        Response first = Api.as("district.langson").queryParam("level", "COMMUNE").queryParam("pageSize", "30").get(UNITS);
        first.then().statusCode(200).body("items", hasSize(30)).body("nextPageToken", notNullValue());
        Response second = Api.as("district.langson").queryParam("level", "COMMUNE").queryParam("pageSize", "30")
                .queryParam("pageToken", first.jsonPath().getString("nextPageToken")).get(UNITS);
        second.then().statusCode(200);
        List<String> a = first.jsonPath().getList("items.code");
        List<String> b = second.jsonPath().getList("items.code");
        assertThat(b).isNotEmpty().doesNotContainAnyElementsOf(a);
        assertThat(a.getLast()).isLessThan(b.getFirst());
    }

    @Test
    void unknownUnitIsNotFound() {
        Api.badRequestAs("admin").get(UNITS + "/99999").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void adminCreatesCorrectsAndRetiresAUnitAndEveryChangeIsAudited() {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String successor = code + "S";
        Response created = Api.as("admin").contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"level\":\"COMMUNE\",\"name\":\"Xã Thử\",\"kind\":\"Xã\",\"parentCode\":\"20\",\"validFrom\":\"2026-01-01\"}")
                .post(UNITS);
        created.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(UNITS + "/" + code))
                .header("ETag", equalTo("\"v0\""))
                .body("path", equalTo("20." + code));
        Api.as("admin").contentType("application/json")
                .body("{\"code\":\"" + successor + "\",\"level\":\"COMMUNE\",\"name\":\"Xã Kế Thừa\",\"kind\":\"Xã\",\"parentCode\":\"20\",\"validFrom\":\"2026-01-01\"}")
                .post(UNITS).then().statusCode(201);
        Api.as("admin").contentType("application/json")
                .body("{\"code\":\"" + code + "_01\",\"level\":\"VILLAGE\",\"name\":\"Thôn Thử\",\"kind\":\"Thôn\",\"parentCode\":\"" + code + "\",\"validFrom\":\"2026-01-01\"}")
                .post(UNITS).then().statusCode(201);

        String etag = Api.as("admin").contentType("application/merge-patch+json").header("If-Match", "\"v0\"")
                .body("{\"name\":\"Xã Thử Nghiệm\",\"note\":\"test\"}")
                .patch(UNITS + "/" + code).then().statusCode(200)
                .body("name", equalTo("Xã Thử Nghiệm")).body("note", equalTo("test"))
                .extract().header("ETag");
        Api.as("admin").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"note\":null}")
                .patch(UNITS + "/" + code).then().statusCode(200).body("note", nullValue());

        String current = Api.as("admin").get(UNITS + "/" + code).then().extract().header("ETag");
        Api.as("admin").contentType("application/json").header("If-Match", current)
                .body("{\"validTo\":\"2026-06-30\",\"successorCode\":\"" + successor + "\"}")
                .post(UNITS + "/" + code + "/retirement").then().statusCode(200)
                .body("validTo", equalTo("2026-06-30")).body("successor.code", equalTo(successor));

        Api.as("admin").queryParam("validOn", "2026-07-01").get(UNITS + "/" + code + "_01").then()
                .statusCode(200).body("parentCode", equalTo(successor)).body("path", equalTo("20." + successor + "." + code + "_01"));

        Api.as("admin").queryParam("recordId", code).get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.action", contains("RETIRE", "UPDATE", "UPDATE", "CREATE"))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].clientId", equalTo("cp-test"))
                .body("items[0].requestId", notNullValue())
                .body("items[1].before.note", equalTo("test"));
    }

    @Test
    void communeUserCannotCreateOrRetireUnits() {
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body("{\"code\":\"06298_99\",\"level\":\"VILLAGE\",\"name\":\"Thôn Mới\",\"kind\":\"Thôn\",\"parentCode\":\"06298\"}")
                .post(UNITS).then().statusCode(403).body("code", equalTo("ROLE_NOT_ALLOWED"));
        Api.badRequestAs("commune.yenphuc").contentType("application/json").header("If-Match", "*")
                .body("{\"validTo\":\"2026-06-30\",\"successorCode\":\"06283_02\"}")
                .post(UNITS + "/06283_01/retirement").then().statusCode(403);
        Api.as("village.ichhuu").get(UNITS + "/06283_01").then().body("validTo", nullValue());
    }

    @Test
    void changesNeedACurrentIfMatch() {
        Api.badRequestAs("admin").contentType("application/merge-patch+json").body("{\"note\":\"x\"}")
                .patch(UNITS + "/06283_02").then().statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));
        Api.as("admin").contentType("application/merge-patch+json").header("If-Match", "\"v999\"").body("{\"note\":\"x\"}")
                .patch(UNITS + "/06283_02").then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
    }

    @Test
    void patchRefusesReadOnlyFieldsAndBadValues() {
        Api.badRequestAs("admin").contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"code\":\"X1\",\"name\":\"\",\"demo\":\"yes\"}")
                .patch(UNITS + "/06283_03").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("code"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("demo"));
    }

    @Test
    void createIsIdempotentWithTheSameKeyAndRefusesTheKeyWithAnotherBody() {
        String code = "I" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String key = UUID.randomUUID().toString();
        String body = "{\"code\":\"" + code + "\",\"level\":\"VILLAGE\",\"name\":\"Thôn Lặp\",\"kind\":\"Thôn\",\"parentCode\":\"06298\"}";
        Response first = Api.as("admin").contentType("application/json").header("Idempotency-Key", key).body(body).post(UNITS);
        first.then().statusCode(201);
        Response replay = Api.as("admin").contentType("application/json").header("Idempotency-Key", key).body(body).post(UNITS);
        replay.then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .body("code", equalTo(code));
        Api.as("admin").contentType("application/json").header("Idempotency-Key", key)
                .body(body.replace("Thôn Lặp", "Thôn Khác")).post(UNITS).then()
                .statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.as("admin").queryParam("recordId", code).get("/api/v1/audit-events").then().body("items", hasSize(1));
        Api.as("admin").contentType("application/json").body(body).post(UNITS).then()
                .statusCode(409).body("code", equalTo("UNIT_CODE_TAKEN"));
    }

    @Test
    void createValidatesLevelsParentsAndFields() {
        Api.badRequestAs("admin").contentType("application/json")
                .body("{\"code\":\"bad code!\",\"level\":\"VILLAGE\",\"name\":\"\",\"kind\":\"Thôn\"}")
                .post(UNITS).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("code"))
                .body("violations.field", hasItem("name"));
        Api.badRequestAs("admin").contentType("application/json")
                .body("{\"code\":\"V0001\",\"level\":\"VILLAGE\",\"name\":\"Thôn\",\"kind\":\"Thôn\",\"parentCode\":\"184\"}")
                .post(UNITS).then().statusCode(400).body("code", equalTo("INVALID_PARENT"));
        Api.badRequestAs("admin").contentType("application/json")
                .body("{\"code\":\"V0002\",\"level\":\"HAMLET\",\"name\":\"Thôn\",\"kind\":\"Thôn\",\"parentCode\":\"06298\"}")
                .post(UNITS).then().statusCode(400).body("code", equalTo("INVALID_VALUE")).body("violations[0].field", equalTo("level"));
    }

    @Test
    void retiredUnitsAreHiddenWhenAskingForADateAfterTheirEnd() {
        Api.as("district.langson").queryParam("level", "DISTRICT").queryParam("validOn", "2026-01-01").get(UNITS).then()
                .statusCode(200).body("items", hasSize(0));
        Api.as("district.langson").queryParam("level", "DISTRICT").queryParam("validOn", "2025-01-01").get(UNITS).then()
                .statusCode(200).body("items.code", hasItem("184")).body("items.code", not(hasItem("20")));
    }
}
