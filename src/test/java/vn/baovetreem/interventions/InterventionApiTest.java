package vn.baovetreem.interventions;

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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class InterventionApiTest {

    static final String INTERVENTIONS = "/api/v1/interventions";

    /** A child born on {@code born} in {@code village}, registered by the Yên Phúc officer. */
    static UUID child(String village, String born) {
        return TestChildren.register(village, born, "Hỗ Trợ");
    }

    static void span(UUID child, String group, String subgroup, String start, String end) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("code", group, "subcode", subgroup, "startDate", start));
        if (end != null) {
            body.put("endDate", end);
        }
        Api.as("commune.yenphuc").contentType("application/json").body(body)
                .post("/api/v1/children/" + child + "/circumstances").then().statusCode(201);
    }

    static Response support(UUID child, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("childId", child.toString(), "protectionLevel", "SUPPORT"));
        body.putAll(fields);
        return Api.as("commune.yenphuc").contentType("application/json").body(body).post(INTERVENTIONS);
    }

    @Test
    void socialAllowanceIsCheckedAgainstTheRateAndTheCoefficientForTheChildsAge() {
        UUID eleven = child("06283_01", "2015-03-12");
        support(eleven, Map.of("type", "SOCIAL_ALLOWANCE", "status", "COMPLETED", "allowanceGroup", "DISABILITY_SEVERE",
                "monthlyAmountVnd", 720000, "startDate", "2024-01-01", "endDate", "2024-06-30")).then()
                .statusCode(201)
                .body("allowance.asOf", equalTo("2024-06-30"))
                .body("allowance.standardRateVnd", equalTo(360000))
                .body("allowance.coefficient", equalTo(2.0f))
                .body("allowance.expectedMonthlyAmountVnd", equalTo(720000))
                .body("allowance.differs", equalTo(false));
        support(eleven, Map.of("type", "SOCIAL_ALLOWANCE", "status", "COMPLETED", "allowanceGroup", "DISABILITY_SEVERE",
                "monthlyAmountVnd", 720000, "startDate", "2024-07-01", "endDate", "2024-12-31")).then()
                .statusCode(201)
                .body("allowance.standardRateVnd", equalTo(500000))
                .body("allowance.standardRateConfirmed", equalTo(false))
                .body("allowance.expectedMonthlyAmountVnd", equalTo(1000000))
                .body("allowance.differs", equalTo(true));

        UUID toddler = child("06283_01", "2023-01-15");
        support(toddler, Map.of("type", "SOCIAL_ALLOWANCE", "status", "COMPLETED", "allowanceGroup", "NO_MEANS_OF_SUPPORT",
                "monthlyAmountVnd", 1250000, "startDate", "2025-01-01", "endDate", "2025-12-31")).then()
                .statusCode(201)
                .body("allowance.childAge", equalTo(2))
                .body("allowance.coefficient", equalTo(2.5f))
                .body("allowance.differs", equalTo(false));

        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body(Map.of("childId", eleven.toString(), "type", "SOCIAL_ALLOWANCE", "protectionLevel", "SUPPORT", "startDate", "2025-01-01"))
                .post(INTERVENTIONS).then().statusCode(400).body("violations.field", contains("allowanceGroup"));
    }

    @Test
    void villageUsersReadTheirOwnAndNobodyWritesOutsideScope() {
        UUID mine = child("06283_01", "2016-05-01");
        String id = support(mine, Map.of("type", "COUNSELLING", "startDate", "2025-02-01")).then().statusCode(201)
                .body("status", equalTo("PLANNED")).extract().path("id");

        Api.as("village.ichhuu").get(INTERVENTIONS + "/" + id).then().statusCode(200).body("child.id", equalTo(mine.toString()));
        Api.as("village.ichhuu").get("/api/v1/children/" + mine + "/interventions").then().statusCode(200)
                .body("items.id", contains(id));
        Api.as("village.thon2").get(INTERVENTIONS + "/" + id).then().statusCode(404);
        Api.as("village.thon2").queryParam("child", mine.toString()).get(INTERVENTIONS).then().statusCode(200).body("items", hasSize(0));
        Api.as("district.langson").get(INTERVENTIONS + "/" + id).then().statusCode(200);
        Api.as("commune.vanquan").get(INTERVENTIONS + "/" + id).then().statusCode(404);

        Map<String, Object> body = Map.of("childId", mine.toString(), "type", "COUNSELLING", "protectionLevel", "SUPPORT", "startDate", "2025-02-01");
        for (String who : List.of("village.ichhuu", "district.langson", "cp-importer")) {
            Api.badRequestAs(who).contentType("application/json").body(body).post(INTERVENTIONS).then().statusCode(403);
        }
        Api.badRequestAs("commune.vanquan").contentType("application/json").body(body).post(INTERVENTIONS).then()
                .statusCode(400).body("violations.field", contains("childId"));
        Api.as("commune.vanquan").contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"note\":\"x\"}").patch(INTERVENTIONS + "/" + id).then().statusCode(404);
        Api.as("commune.yenphuc").get(INTERVENTIONS + "/" + id).then().statusCode(200).body("note", nullValue());
    }

    @Test
    void batchWithOneWrongChildRecordsNothingAndNamesIt() {
        UUID first = child("06283_03", "2014-01-01");
        UUID second = child("06283_03", "2013-01-01");
        String outside = Api.as("commune.vanquan").contentType("application/json")
                .body(Map.of("fullName", "Vi Văn Ngoài " + System.nanoTime() % 100_000, "dateOfBirth", "2014-01-01", "sex", "MALE", "villageCode", "06253_01"))
                .post("/api/v1/children").then().statusCode(201).extract().path("id");
        Map<String, Object> batch = new LinkedHashMap<>(Map.of("title", "Lớp học bơi hè 2025", "status", "COMPLETED",
                "type", "SWIMMING_LESSONS", "protectionLevel", "PREVENTION", "fundingSource", "SOCIAL_CONTRIBUTIONS",
                "amountVnd", 150000, "startDate", "2025-07-01", "endDate", "2025-07-31"));
        batch.put("childIds", List.of(first.toString(), outside, second.toString(), UUID.randomUUID().toString()));

        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(batch).post("/api/v1/intervention-batches").then()
                .statusCode(400)
                .body("violations.field", contains("childIds[1]", "childIds[3]"));
        Api.as("commune.yenphuc").get("/api/v1/children/" + first + "/interventions").then().statusCode(200).body("items", hasSize(0));

        batch.put("childIds", List.of(first.toString(), second.toString()));
        String key = UUID.randomUUID().toString();
        Response created = Api.as("commune.yenphuc").contentType("application/json").header("Idempotency-Key", key).body(batch)
                .post("/api/v1/intervention-batches");
        created.then().statusCode(201).body("size", equalTo(2)).body("items.child.id", contains(first.toString(), second.toString()));
        Api.as("commune.yenphuc").contentType("application/json").header("Idempotency-Key", key).body(batch)
                .post("/api/v1/intervention-batches").then().statusCode(201).header("Idempotency-Replayed", "true");
        Api.as("commune.yenphuc").queryParam("child", second.toString()).get(INTERVENTIONS).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].batchId", equalTo(created.path("batchId")));
    }

    @Test
    void supportMovesThroughItsStatesWithEtags() {
        UUID child = child("06283_01", "2017-09-09");
        Response created = support(child, Map.of("type", "EDUCATION_SUPPORT", "startDate", "2025-09-01", "amountVnd", 500000));
        String url = INTERVENTIONS + "/" + created.path("id");
        String started = Api.as("commune.yenphuc").contentType("application/json").header("If-Match", created.header("ETag"))
                .body(Map.of("action", "START", "date", "2025-09-05")).post(url + "/transitions").then()
                .statusCode(200).body("status", equalTo("ONGOING")).body("startDate", equalTo("2025-09-05")).extract().header("ETag");
        Api.badRequestAs("commune.yenphuc").contentType("application/json").header("If-Match", started)
                .body(Map.of("action", "COMPLETE", "date", "2026-05-31")).post(url + "/transitions").then()
                .statusCode(400).body("violations.field", contains("outcome"));
        String completed = Api.as("commune.yenphuc").contentType("application/json").header("If-Match", started)
                .body(Map.of("action", "COMPLETE", "date", "2026-05-31", "outcome", "Finished the school year")).post(url + "/transitions")
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("endDate", equalTo("2026-05-31")).extract().header("ETag");
        Api.as("commune.yenphuc").contentType("application/json").header("If-Match", completed)
                .body(Map.of("action", "CANCEL", "reason", "x")).post(url + "/transitions").then()
                .statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        Api.badRequestAs("commune.yenphuc").contentType("application/merge-patch+json")
                .body("{\"provider\":\"Trường tiểu học\"}").patch(url).then().statusCode(428);
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", completed)
                .body("{\"provider\":\"Trường tiểu học Yên Phúc\",\"amountVnd\":null}").patch(url).then()
                .statusCode(200).body("provider", equalTo("Trường tiểu học Yên Phúc")).body("amountVnd", nullValue());
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", completed)
                .body("{\"note\":\"stale\"}").patch(url).then().statusCode(412);
        Api.as("commune.yenphuc").queryParam("recordId", created.path("id").toString()).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", hasItem("COMPLETE"));
    }

    @Test
    void mergedDuplicateTakesItsSupportsToTheSurvivor() {
        UUID survivor = child("06283_01", "2016-02-02");
        UUID duplicate = child("06283_01", "2016-02-02");
        String support = support(duplicate, Map.of("type", "MATERIAL_SUPPORT", "startDate", "2025-09-01")).then()
                .statusCode(201).extract().path("id");
        String etag = Api.as("commune.yenphuc").get("/api/v1/children/" + duplicate).then().extract().header("ETag");
        Api.as("commune.yenphuc").contentType("application/json").header("If-Match", etag)
                .body(Map.of("survivorId", survivor.toString())).post("/api/v1/children/" + duplicate + "/merge").then()
                .statusCode(200);
        Api.as("commune.yenphuc").get("/api/v1/children/" + survivor + "/interventions").then().statusCode(200)
                .body("items.id", contains(support));
        Api.as("commune.yenphuc").get("/api/v1/children/" + survivor + "/history").then().statusCode(200)
                .body("items.find { it.action == 'MERGE' }.after.merge.otherRecordsMoved", contains("intervention " + support));
    }

    @Test
    void ratesAreReferenceDataThatOnlyAdministratorsExtend() {
        Api.as("village.ichhuu").get("/api/v1/social-assistance-rates").then().statusCode(200)
                .body("items.monthlyVnd", hasItem(360000));
        Map<String, Object> rate = Map.of("validFrom", "2030-01-01", "monthlyVnd", 650000, "legalRef", "Test rate", "confirmed", true);
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(rate).post("/api/v1/social-assistance-rates")
                .then().statusCode(403);
        Api.as("admin").contentType("application/json").body(rate).post("/api/v1/social-assistance-rates").then()
                .statusCode(201).body("monthlyVnd", equalTo(650000));
        Api.as("admin").contentType("application/json").body(rate).post("/api/v1/social-assistance-rates").then()
                .statusCode(409).body("code", equalTo("RATE_EXISTS")).body("detail", containsString("2030-01-01"));
    }

    @Test
    void coverageCountsEachChildOnceAndOnlyWhatOverlapsThePeriod() {
        String village = "06298_02";
        UUID a = child(village, "2015-01-01");
        span(a, "HCDB_D", "HCDB_D_2", "2024-01-01", null);
        support(a, Map.of("type", "SOCIAL_ALLOWANCE", "status", "ONGOING", "allowanceGroup", "DISABILITY_SEVERE",
                "monthlyAmountVnd", 1000000, "startDate", "2025-01-01", "fundingSource", "STATE_BUDGET")).then().statusCode(201);
        UUID b = child(village, "2014-01-01");
        span(b, "HCDB_C", "HCDB_C_1", "2024-01-01", "2024-12-31");
        UUID c = child(village, "2016-01-01");
        span(c, "HCDB_C", "HCDB_C_1", "2025-03-01", null);
        support(c, Map.of("type", "HEALTH_INSURANCE_CARD", "status", "COMPLETED", "startDate", "2025-04-01", "endDate", "2025-04-01",
                "amountVnd", 800000, "fundingSource", "STATE_BUDGET")).then().statusCode(201);
        support(c, Map.of("type", "COUNSELLING", "status", "ONGOING", "startDate", "2025-05-01")).then().statusCode(201);
        UUID d = child(village, "2017-01-01");
        span(d, "HCDB_A", "HCDB_A_3", "2025-01-01", null);
        support(d, Map.of("type", "MATERIAL_SUPPORT", "status", "PLANNED", "startDate", "2025-06-01", "amountVnd", 200000,
                "fundingSource", "CHILD_PROTECTION_FUND")).then().statusCode(201);
        support(d, Map.of("type", "MATERIAL_SUPPORT", "status", "COMPLETED", "startDate", "2024-05-01", "endDate", "2024-06-01",
                "amountVnd", 300000, "fundingSource", "CHILD_PROTECTION_FUND")).then().statusCode(201);
        UUID e = child(village, "2015-06-01");
        support(e, Map.of("type", "COUNSELLING", "status", "COMPLETED", "startDate", "2025-02-01", "endDate", "2025-02-01")).then().statusCode(201);
        UUID agedOut = child(village, "2008-06-01");
        span(agedOut, "HCDB_D", "HCDB_D_2", "2020-01-01", null);

        Response coverage = Api.as("commune.yenphuc").queryParam("unit", village).queryParam("from", "2025-01-01")
                .queryParam("to", "2025-12-31").get("/api/v1/support-coverage");
        coverage.then().statusCode(200)
                .body("childrenInSpecialCircumstances", equalTo(3))
                .body("supported", equalTo(2))
                .body("share", equalTo(66.7f))
                .body("byGroup.group", contains("HCDB_A", "HCDB_C", "HCDB_D"))
                .body("byGroup.supported", contains(0, 1, 1))
                .body("bySupportType.type", contains("COUNSELLING", "HEALTH_INSURANCE_CARD", "SOCIAL_ALLOWANCE"))
                .body("bySupportType.children", contains(1, 1, 1))
                .body("unsupported", equalTo(1))
                .body("unsupportedChildren.id", contains(d.toString()))
                .body("unsupportedChildren[0].groups", contains("HCDB_A"));
        assertThat(coverage.jsonPath().getList("unsupportedChildren")).hasSize(coverage.jsonPath().getInt("unsupported"));

        Api.as("commune.yenphuc").queryParam("unit", village).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .get("/api/v1/support-coverage").then().statusCode(200)
                .body("childrenInSpecialCircumstances", equalTo(2))
                .body("supported", equalTo(0))
                .body("unsupportedChildren.id", org.hamcrest.Matchers.containsInAnyOrder(a.toString(), b.toString()));

        Api.as("commune.yenphuc").queryParam("unit", village).queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                .get("/api/v1/funding-summary").then().statusCode(200)
                .body("totalVnd", equalTo(13000000))
                .body("byFundingSource.fundingSource", contains("CHILD_PROTECTION_FUND", "STATE_BUDGET", "UNSPECIFIED"))
                .body("byFundingSource.amountVnd", contains(200000, 12800000, 0));

        Api.as("village.ichhuu").queryParam("unit", village).get("/api/v1/support-coverage").then().statusCode(404);
        Api.as("district.langson").queryParam("unit", village).queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                .get("/api/v1/support-coverage").then().statusCode(200).body("supported", equalTo(2));
        Api.badRequestAs("admin").queryParam("unit", village).get("/api/v1/support-coverage").then().statusCode(403);
    }

    @Test
    void invalidSupportsAreRefusedNamingTheFieldAndChangeNothing() {
        UUID child = child("06283_04", "2015-05-05");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("type", Map.of("type", "MAGIC", "startDate", "2025-01-01"));
        cases.put("fundingSource", Map.of("type", "COUNSELLING", "fundingSource", "LOTTERY", "startDate", "2025-01-01"));
        cases.put("endDate", Map.of("type", "COUNSELLING", "startDate", "2025-01-01", "endDate", "2024-12-31"));
        cases.put("startDate", Map.of("type", "COUNSELLING", "startDate", "2015-01-01"));
        cases.put("allowanceGroup", Map.of("type", "COUNSELLING", "startDate", "2025-01-01", "allowanceGroup", "DISABILITY_SEVERE",
                "monthlyAmountVnd", 1000000));
        cases.put("amountVnd", Map.of("type", "COUNSELLING", "startDate", "2025-01-01", "amountVnd", -5));
        cases.put("caseId", Map.of("type", "COUNSELLING", "startDate", "2025-01-01", "caseId", UUID.randomUUID().toString()));
        cases.put("status", Map.of("type", "COUNSELLING", "startDate", "2025-01-01", "status", "CANCELLED"));
        cases.forEach((field, fields) -> {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("childId", child.toString(), "protectionLevel", "SUPPORT"));
            body.putAll(fields);
            Api.badRequestAs("commune.yenphuc").contentType("application/json").body(body).post(INTERVENTIONS).then()
                    .statusCode(400).body("violations.field", hasItem(field));
        });
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body(Map.of("childId", child.toString(), "protectionLevel", "SUPPORT", "type", "COUNSELLING",
                        "startDate", "2025-01-01", "colour", "blue"))
                .post(INTERVENTIONS).then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        Api.as("commune.yenphuc").get("/api/v1/children/" + child + "/interventions").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void listFiltersNarrowTheSupports() {
        UUID child = child("06283_04", "2014-04-04");
        support(child, Map.of("type", "COUNSELLING", "status", "COMPLETED", "startDate", "2024-03-01", "endDate", "2024-03-31",
                "provider", "Trạm Y tế xã Yên Phúc")).then().statusCode(201);
        support(child, Map.of("type", "LEGAL_AID", "status", "ONGOING", "startDate", "2025-06-01",
                "fundingSource", "STATE_BUDGET")).then().statusCode(201);
        String base = INTERVENTIONS + "?child=" + child;
        Api.as("commune.yenphuc").get(base).then().statusCode(200).body("items.type", contains("LEGAL_AID", "COUNSELLING"));
        Api.as("commune.yenphuc").get(base + "&type=COUNSELLING").then().statusCode(200).body("items", hasSize(1));
        Api.as("commune.yenphuc").get(base + "&status=ONGOING").then().statusCode(200).body("items.type", contains("LEGAL_AID"));
        Api.as("commune.yenphuc").get(base + "&fundingSource=STATE_BUDGET").then().statusCode(200).body("items", hasSize(1));
        Api.as("commune.yenphuc").get(base + "&provider=tram y te").then().statusCode(200).body("items.type", contains("COUNSELLING"));
        Api.as("commune.yenphuc").get(base + "&activeFrom=2024-04-01&activeTo=2025-05-31").then().statusCode(200).body("items", hasSize(0));
        Api.as("commune.yenphuc").get(base + "&activeFrom=2024-03-31&activeTo=2024-03-31").then().statusCode(200)
                .body("items.type", contains("COUNSELLING"));
        Api.as("commune.yenphuc").get(base + "&unit=06253").then().statusCode(200).body("items", hasSize(0));
        Api.badRequestAs("commune.yenphuc").get(base + "&status=DONE").then().statusCode(400).body("violations.field", contains("status"));
        Api.badRequestAs("commune.yenphuc").get(INTERVENTIONS + "?child=abc").then().statusCode(400).body("violations.field", contains("child"));
    }
}
