package vn.baovetreem.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.baovetreem.testing.IndicatorValues.row;
import static vn.baovetreem.testing.IndicatorValues.values;

/**
 * Every computable indicator on a small dataset built by hand in thôn 06283_17 (under An Sơn until
 * 30 June 2025, under Yên Phúc since), whose answers are worked out below:
 * <pre>
 * A girl   born 2015-06-01  special circumstance 2024-03-01..2025-02-15, counselling Jan-Mar 2025, personal ID
 * B boy    born 2009-12-20  turns 16 on 2025-12-20; abuse case 2025-05-10 (violence, family) at 15
 * C boy    born 2012-01-01  abuse cases 2025-03-01 (violence, family) and 2025-09-01 (violence + neglect, school)
 * D girl   born 2018-02-02  moved away 2024-10-01
 * E boy    born 2016-07-07  survivor of a merge; the duplicate E' brought a risk span from 2025-02-01
 * F boy    born 2020-01-01  drowning 2025-07-15, recovered
 * G girl   born 2014-04-04  swimming lessons June 2025, online-safety skills October 2025
 * </pre>
 * Population at the end of 2025: A, C, E, F, G (B is 16, D left before the year, E' is merged).
 */
@QuarkusTest
class IndicatorApiTest {

    static final String VILLAGE = "06283_17";
    static final String COMMUNE = "commune.yenphuc";
    private static final String WORD = "Chỉ Tiêu " + (System.nanoTime() % 100_000);
    private static boolean built;

    /** Built once, on the first test (Quarkus is not up yet in a static @BeforeAll). */
    @BeforeEach
    void buildTheDataset() {
        if (built) {
            return;
        }
        built = true;
        String a = child("Lương Thị A", "2015-06-01", "FEMALE", null);
        Api.as(COMMUNE).contentType("application/json")
                .body(Map.of("code", "HCDB_D", "subcode", "HCDB_D_2", "startDate", "2024-03-01", "endDate", "2025-02-15"))
                .post("/api/v1/children/" + a + "/circumstances").then().statusCode(201);
        support(a, "COUNSELLING", "2025-01-10", "2025-03-01");
        String b = child("Hoàng Văn B", "2009-12-20", "MALE", "Học nghề");
        // Saturday 10 May 2025: the plan was due by Friday 16 May and submitted on the 26th.
        planned(abuse(b, "2025-05-10T03:00:00Z", List.of("VIOLENCE"), "FAMILY"), "2025-05-26T03:00:00Z", "2025-05-27T03:00:00Z");
        String c = child("Nông Văn C", "2012-01-01", "MALE", null);
        // Saturday 1 March 2025: drafted by Friday 7 March, approved within two working days.
        planned(abuse(c, "2025-03-01T03:00:00Z", List.of("VIOLENCE"), "FAMILY"), "2025-03-04T03:00:00Z", "2025-03-05T03:00:00Z");
        abuse(c, "2025-09-01T03:00:00Z", List.of("VIOLENCE", "NEGLECT"), "SCHOOL");
        String d = child("Vi Thị D", "2018-02-02", "FEMALE", null);
        String etag = Api.as(COMMUNE).get("/api/v1/children/" + d).then().extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("action", "MOVE_AWAY", "date", "2024-10-01", "movedToUnitCode", "06253"))
                .post("/api/v1/children/" + d + "/transitions").then().statusCode(200);
        String e = child("Lộc Văn E", "2016-07-07", "MALE", null);
        String duplicate = child("Lộc Văn E bis", "2016-07-07", "MALE", null);
        Api.as(COMMUNE).contentType("application/json").body(Map.of("code", "LEFT_BEHIND", "startDate", "2025-02-01"))
                .post("/api/v1/children/" + duplicate + "/risks").then().statusCode(201);
        String dupTag = Api.as(COMMUNE).get("/api/v1/children/" + duplicate).then().extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", dupTag).contentType("application/json").body(Map.of("survivorId", e))
                .post("/api/v1/children/" + duplicate + "/merge").then().statusCode(200);
        String f = child("Mã Văn F", "2020-01-01", "MALE", null);
        Map<String, Object> drowning = new LinkedHashMap<>(Map.of("childId", f, "type", "INJURY", "sourceChannel", "HEALTH_FACILITY",
                "receivedAt", "2025-07-15T09:00:00Z", "occurredAt", "2025-07-15T08:00:00Z", "injuryMechanism", "DROWNING",
                "injuryOutcome", "RECOVERED"));
        Api.as(COMMUNE).contentType("application/json").body(drowning).post("/api/v1/cases").then().statusCode(201);
        String g = child("Triệu Thị G", "2014-04-04", "FEMALE", null);
        support(g, "SWIMMING_LESSONS", "2025-06-01", "2025-06-30");
        support(g, "ONLINE_SAFETY_SKILLS", "2025-10-01", "2025-10-01");

        // A pond found on 1 April 2025 and fenced on 20 May; one awareness session in May.
        String site = Api.as(COMMUNE).contentType("application/json").body(Map.of("villageCode", VILLAGE, "kind", "POND",
                        "description", "Ao đầu thôn " + WORD, "riskLevel", "HIGH", "surveyedOn", "2025-04-01",
                        "measures", List.of(Map.of("measure", "FENCE_OR_BARRIER", "status", "NEEDED"))))
                .post("/api/v1/hazard-sites").then().statusCode(201).extract().path("id");
        Api.as(COMMUNE).contentType("application/json").body(Map.of("inspectedOn", "2025-05-20", "inspector", "Trưởng thôn",
                        "measuresChecked", List.of(Map.of("measure", "FENCE_OR_BARRIER", "status", "INSTALLED"))))
                .post("/api/v1/hazard-sites/" + site + "/inspections").then().statusCode(201);
        Api.as(COMMUNE).contentType("application/json").body(Map.of("unitCode", VILLAGE, "heldOn", "2025-05-25",
                        "channel", "VILLAGE_LOUDSPEAKER", "topics", List.of("DROWNING_PREVENTION", "HOTLINE_111"),
                        "title", "Phòng chống đuối nước " + WORD, "organiser", "Trưởng thôn", "adultsReached", 20,
                        "girlsReached", 5, "boysReached", 7))
                .post("/api/v1/awareness-activities").then().statusCode(201);
    }

    /** Takes a case from its report to an approved plan, submitting and approving at the times given. */
    static void planned(String id, String submittedAt, String approvedAt) {
        String day = submittedAt.substring(0, 10);
        step(id, Map.of("action", "ASSESS_INITIAL", "riskLevel", "MEDIUM", "emergency", false, "occurredAt", day + "T01:00:00Z"));
        step(id, Map.of("action", "ASSESS_DETAILED", "note", "Đánh giá cụ thể", "occurredAt", day + "T01:10:00Z"));
        step(id, Map.of("action", "HOLD_CONFERENCE", "participants", List.of("Chủ tịch UBND xã"), "decisions", "Lập kế hoạch",
                "occurredAt", day + "T01:20:00Z"));
        String etag = Api.as(COMMUNE).get("/api/v1/cases/" + id).then().extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json").body(Map.of("items", List.of(Map.of(
                        "measure", "FAMILY_COUNSELLING", "responsiblePerson", "Cán bộ xã", "startOn", day, "endOn", day,
                        "estimatedCostVnd", 0))))
                .put("/api/v1/cases/" + id + "/plan").then().statusCode(200);
        step(id, Map.of("action", "SUBMIT_PLAN", "occurredAt", submittedAt));
        step(id, Map.of("action", "APPROVE_PLAN", "occurredAt", approvedAt));
    }

    static void step(String id, Map<String, Object> body) {
        String etag = Api.as(COMMUNE).get("/api/v1/cases/" + id).then().extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json").body(body)
                .post("/api/v1/cases/" + id + "/transitions").then().statusCode(200);
    }

    static String child(String name, String born, String sex, String continuing) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("fullName", name + " " + WORD, "dateOfBirth", born, "sex", sex,
                "villageCode", VILLAGE));
        if (continuing != null) {
            body.put("continuingSupportReason", continuing);
        }
        if (name.endsWith(" A")) {
            body.put("personalId", "020315" + String.format("%06d", System.nanoTime() % 1_000_000));
        }
        return Api.as(COMMUNE).contentType("application/json").body(body).post("/api/v1/children").then().statusCode(201)
                .extract().path("id");
    }

    static void support(String child, String type, String start, String end) {
        Api.as(COMMUNE).contentType("application/json").body(Map.of("childId", child, "type", type, "protectionLevel", "SUPPORT",
                "status", "COMPLETED", "startDate", start, "endDate", end)).post("/api/v1/interventions").then().statusCode(201);
    }

    static String abuse(String child, String receivedAt, List<String> forms, String setting) {
        return Api.as(COMMUNE).contentType("application/json").body(Map.of("childId", child, "type", "ABUSE", "sourceChannel", "SCHOOL",
                        "receivedAt", receivedAt, "abuseForms", forms, "setting", setting)).post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void childrenAreCountedOnceAtTheEndOfThePeriod() {
        JsonPath json = values(VILLAGE, "2025", "child-population,children-special-circumstances,sc-children-supported,"
                + "children-at-risk,records-with-personal-id", "SEX,AGE_BAND,SC_GROUP,SUPPORT_TYPE");
        assertThat(row(json, "child-population", VILLAGE, null, null)).containsExactly(5, null, "5");
        assertThat(row(json, "child-population", VILLAGE, "SEX", "FEMALE")).containsExactly(2, null, "2");
        assertThat(row(json, "child-population", VILLAGE, "SEX", "MALE")).containsExactly(3, null, "3");
        assertThat(row(json, "child-population", VILLAGE, "AGE_BAND", "AGE_0_5")).containsExactly(1, null, "1");
        assertThat(row(json, "child-population", VILLAGE, "AGE_BAND", "AGE_6_10")).containsExactly(2, null, "2");
        assertThat(row(json, "child-population", VILLAGE, "AGE_BAND", "AGE_11_15")).containsExactly(2, null, "2");
        // A's span started before 2025 and ended inside it.
        assertThat(row(json, "children-special-circumstances", VILLAGE, null, null)).containsExactly(1, 5, "20.0");
        assertThat(row(json, "children-special-circumstances", VILLAGE, "SC_GROUP", "HCDB_D")).containsExactly(1, 5, "20.0");
        assertThat(row(json, "sc-children-supported", VILLAGE, null, null)).containsExactly(1, 1, "100.0");
        assertThat(row(json, "sc-children-supported", VILLAGE, "SUPPORT_TYPE", "COUNSELLING")).containsExactly(1, 1, "100.0");
        // The merged duplicate's risk span follows E; the duplicate itself is not counted.
        assertThat(row(json, "children-at-risk", VILLAGE, null, null)).containsExactly(1, 5, "20.0");
        assertThat(row(json, "records-with-personal-id", VILLAGE, null, null)).containsExactly(1, 5, "20.0");
        // 2024: B was 15 and D had not moved yet.
        assertThat(row(values(VILLAGE, "2024", "child-population", null), "child-population", VILLAGE, null, null))
                .containsExactly(7, null, "7");
    }

    @Test
    void figuresAskedAgainAfterAWriteCountTheWriteAndAreTheSameUntilTheNext() {
        String village = "06283_10";
        registered("Hà Văn H", village);
        long before = population(village);
        assertThat(population(village)).as("asked again, nothing written").isEqualTo(before);
        String child = registered("Hà Thị K", village);
        assertThat(population(village)).isEqualTo(before + 1);
        assertThat(population(village)).isEqualTo(before + 1);

        String etag = Api.as(COMMUNE).get("/api/v1/children/" + child).then().extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("action", "MOVE_AWAY", "date", "2024-06-01", "movedToUnitCode", "06253"))
                .post("/api/v1/children/" + child + "/transitions").then().statusCode(200);
        assertThat(population(village)).as("moved away before 2025").isEqualTo(before);
    }

    @Test
    void aCommuneAskedAgainAfterAWriteInOneVillageCountsThatVillageAgainAndKeepsTheOthers() {
        String village = "06283_11";
        registered("Hà Văn L", village);
        Map<String, Integer> before = populationByUnit("06298");
        registered("Hà Thị M", village);
        Map<String, Integer> after = populationByUnit("06298");
        assertThat(after.get(village)).isEqualTo(before.get(village) + 1);
        assertThat(after.get("06298")).isEqualTo(before.get("06298") + 1);
        before.remove(village);
        before.remove("06298");
        assertThat(after).containsAllEntriesOf(before).hasSize(before.size() + 2);
    }

    /** The child population of a unit and of each unit below it, by code. */
    private static Map<String, Integer> populationByUnit(String unit) {
        JsonPath json = values(unit, "2025", "child-population", "UNIT");
        Map<String, Integer> population = new TreeMap<>();
        json.getList("indicators[0].values.findAll { it.disaggregation == null }", Map.class)
                .forEach(v -> population.put((String) v.get("unitCode"), (Integer) v.get("numerator")));
        return population;
    }

    private static String registered(String name, String village) {
        return Api.as(COMMUNE).contentType("application/json").body(Map.of("fullName", name + " " + WORD,
                        "dateOfBirth", "2016-05-05", "sex", "FEMALE", "villageCode", village))
                .post("/api/v1/children").then().statusCode(201).extract().path("id");
    }

    private static long population(String village) {
        return ((Number) row(values(village, "2025", "child-population", null), "child-population", village, null, null).getFirst())
                .longValue();
    }

    @Test
    void casesCountChildrenOnceAndAgeThemAtTheEvent() {
        JsonPath json = values(VILLAGE, "2025", "abused-children,abuse-cases,abused-children-supported,children-injured,"
                + "children-drowned,injury-deaths", "SEX,AGE_BAND,ABUSE_FORM,SETTING,HANDLING_OUTCOME,FATALITY,INJURY_MECHANISM");
        // B (15 when reported, 16 by the end of the year) and C (two cases).
        assertThat(row(json, "abused-children", VILLAGE, null, null)).containsExactly(2, null, "2");
        assertThat(row(json, "abused-children", VILLAGE, "AGE_BAND", "AGE_11_15")).containsExactly(2, null, "2");
        assertThat(row(json, "abused-children", VILLAGE, "ABUSE_FORM", "VIOLENCE")).containsExactly(2, null, "2");
        assertThat(row(json, "abused-children", VILLAGE, "ABUSE_FORM", "NEGLECT")).containsExactly(1, null, "1");
        assertThat(row(json, "abused-children", VILLAGE, "SETTING", "FAMILY")).containsExactly(2, null, "2");
        assertThat(row(json, "abused-children", VILLAGE, "SETTING", "SCHOOL")).containsExactly(1, null, "1");
        assertThat(row(json, "abuse-cases", VILLAGE, null, null)).containsExactly(3, null, "3");
        assertThat(row(json, "abuse-cases", VILLAGE, "HANDLING_OUTCOME", "NONE")).containsExactly(3, null, "3");
        assertThat(row(json, "abused-children-supported", VILLAGE, null, null)).containsExactly(0, 2, "0.0");
        assertThat(row(json, "children-injured", VILLAGE, null, null)).containsExactly(1, 5, "20000.0");
        assertThat(row(json, "children-drowned", VILLAGE, "FATALITY", "NON_FATAL")).containsExactly(1, null, "1");
        assertThat(row(json, "injury-deaths", VILLAGE, null, null)).containsExactly(0, null, "0");
    }

    @Test
    void plansOnTimeNeedBothDeadlinesMet() {
        assertThat(row(values(VILLAGE, "2025", "abuse-plans-on-time", null), "abuse-plans-on-time", VILLAGE, null, null))
                .containsExactly(1, 2, "50.0");
        assertThat(row(values(VILLAGE, "2025-Q1", "abuse-plans-on-time", null), "abuse-plans-on-time", VILLAGE, null, null))
                .containsExactly(1, 1, "100.0");
    }

    @Test
    void preventionIsCountedFromTheRegisters() {
        JsonPath json = values(VILLAGE, "2025", "hazard-sites-mitigated,awareness-sessions,awareness-reach", "TOPIC,HAZARD_KIND");
        assertThat(row(json, "hazard-sites-mitigated", VILLAGE, null, null)).containsExactly(1, 1, "100.0");
        assertThat(row(json, "hazard-sites-mitigated", VILLAGE, "HAZARD_KIND", "POND")).containsExactly(1, 1, "100.0");
        assertThat(row(json, "awareness-sessions", VILLAGE, null, null)).containsExactly(1, null, "1");
        // Reach counts each activity once in the total, and once under each of its topics.
        assertThat(row(json, "awareness-reach", VILLAGE, null, null)).containsExactly(32, null, "32");
        assertThat(row(json, "awareness-reach", VILLAGE, "TOPIC", "HOTLINE_111")).containsExactly(32, null, "32");
        assertThat(row(json, "awareness-reach", VILLAGE, "TOPIC", "DROWNING_PREVENTION")).containsExactly(32, null, "32");
        // On 30 April the pond was known and not yet fenced.
        JsonPath april = Api.as(COMMUNE).queryParam("unit", VILLAGE).queryParam("from", "2025-01-01").queryParam("to", "2025-04-30")
                .queryParam("keys", "hazard-sites-mitigated").get("/api/v1/indicator-values").then().statusCode(200).extract().jsonPath();
        assertThat(row(april, "hazard-sites-mitigated", VILLAGE, null, null)).containsExactly(0, 1, "0.0");
        assertThat(april.getString("period.dhis2")).isNull();
    }

    @Test
    void supportsCountWhenTheyOverlapThePeriod() {
        JsonPath json = values(VILLAGE, "2025", "swimming-safety-taught,online-safety-skills", "SUPPORT_TYPE");
        // Aged 6 to under 16: A, C, E, G; only G was taught.
        assertThat(row(json, "swimming-safety-taught", VILLAGE, null, null)).containsExactly(1, 4, "25.0");
        assertThat(row(json, "swimming-safety-taught", VILLAGE, "SUPPORT_TYPE", "SWIMMING_LESSONS")).containsExactly(1, 4, "25.0");
        assertThat(row(json, "online-safety-skills", VILLAGE, null, null)).containsExactly(1, 5, "20.0");
        assertThat(json.getString("indicators.find { it.key == 'online-safety-skills' }.officialCode")).isEqualTo("0605");
        // Over the first half of 2025 nobody was taught yet, and B, still 15 on 30 June, counts.
        assertThat(row(values(VILLAGE, "2025-H1", "online-safety-skills", null), "online-safety-skills", VILLAGE, null, null))
                .containsExactly(0, 6, "0.0");
    }

    @Test
    void aVillageOfAnSonCountsTowardYenPhucAfterTheMerger() {
        assertThat(row(values("06283", "2024", "child-population", "UNIT"), "child-population", VILLAGE, null, null))
                .containsExactly(7, null, "7");
        assertThat(row(values("06298", "2025-H2", "child-population", "UNIT"), "child-population", VILLAGE, null, null))
                .containsExactly(5, null, "5");
        JsonPath before = values("06298", "2024", "child-population", "UNIT");
        assertThat(before.getList("indicators[0].values.unitCode", String.class)).doesNotContain(VILLAGE);
        Api.badRequestAs(COMMUNE).queryParam("unit", "06283").queryParam("period", "2025").get("/api/v1/indicator-values")
                .then().statusCode(400).body("code", equalTo("UNIT_NOT_IN_FORCE"));
    }

    @Test
    void unitFactsFeedTheirIndicators() {
        Api.as(COMMUNE).contentType("application/json").body(Map.of("culturalSportsFacility", true))
                .put("/api/v1/admin-units/" + VILLAGE + "/facts/2025").then().statusCode(200)
                .body("culturalSportsFacility", equalTo(true));
        Api.badRequestAs(COMMUNE).contentType("application/json").body(Map.of("playArea", true))
                .put("/api/v1/admin-units/06283_18/facts/2025").then().statusCode(400).body("violations.field", hasItem("playArea"));
        Api.as("district.langson").contentType("application/json").body(Map.of("culturalSportsFacility", true))
                .put("/api/v1/admin-units/06283_18/facts/2025").then().statusCode(403);
        String etag = Api.as(COMMUNE).get("/api/v1/admin-units/" + VILLAGE + "/facts/2025").then().statusCode(200).extract().header("ETag");
        Api.as(COMMUNE).contentType("application/json").body(Map.of("culturalSportsFacility", true))
                .put("/api/v1/admin-units/" + VILLAGE + "/facts/2025").then().statusCode(428);
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json").body(Map.of("culturalSportsFacility", true, "note", "Nhà văn hóa thôn"))
                .put("/api/v1/admin-units/" + VILLAGE + "/facts/2025").then().statusCode(200);
        assertThat(row(values(VILLAGE, "2025", "villages-with-child-facilities", null), "villages-with-child-facilities", VILLAGE, null, null))
                .containsExactly(1, 1, "100.0");
        assertThat(row(values(VILLAGE, "2024", "villages-with-child-facilities", null), "villages-with-child-facilities", VILLAGE, null, null))
                .containsExactly(0, 1, "0.0");
    }

    @Test
    void smallCountsAreSuppressedOnRequest() {
        JsonPath json = Api.as(COMMUNE).queryParam("unit", VILLAGE).queryParam("period", "2025").queryParam("keys", "child-population")
                .queryParam("suppressBelow", 6).get("/api/v1/indicator-values").then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("indicators[0].values[0].suppressed")).isTrue();
        assertThat(json.getString("indicators[0].values[0].numerator")).isNull();
    }

    @Test
    void theCatalogueMarksProvisionalCodesAndSaysWhoHoldsTheRest() {
        JsonPath catalogue = Api.as("village.ichhuu").get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
        assertThat(catalogue.getList("indicators.findAll { it.officialCode != null }.officialCode")).containsExactlyInAnyOrder("0605", "0101");
        assertThat(catalogue.getList("indicators.findAll { it.officialCode == null }.provisional")).containsOnly(true);
        assertThat(catalogue.getList("indicators.findAll { !it.computable }.heldBy")).doesNotContainNull().isNotEmpty();
        Api.as("cp-aggregator").get("/api/v1/indicators/abused-children").then().statusCode(200).body("officialCode", equalTo("0101"))
                .body("group.appendix", equalTo("ABUSE"));
        Api.as("cp-aggregator").get("/api/v1/indicators/no-such-thing").then().statusCode(404);
    }

    @Test
    void theExportComesInFourFormatsAndIsNotSentAgainWhenUnchanged() throws Exception {
        var json = Api.as(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025").get("/api/v1/exports/circular-13");
        json.then().statusCode(200).body("unit.code", equalTo("06298"))
                .body("indicators.find { it.key == 'child-population' }.values.unitCode", hasItem(VILLAGE));
        String etag = json.header("ETag");
        Api.as(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025").header("If-None-Match", etag)
                .get("/api/v1/exports/circular-13").then().statusCode(304);

        byte[] csv = Api.as(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025").queryParam("format", "csv")
                .get("/api/v1/exports/circular-13").then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFcatalogue_version,").contains("Dân số trẻ em").doesNotContain(WORD);
        assertThat(text.lines().filter(l -> l.contains(",child-population,") && l.contains("," + VILLAGE + ",")).count()).isGreaterThan(1);

        var dhis2 = Api.as(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025-H2").queryParam("format", "dhis2")
                .get("/api/v1/exports/circular-13").then().statusCode(200).extract().jsonPath();
        assertThat(dhis2.getString("period")).isEqualTo("2025S2");
        assertThat(dhis2.getList("dataValues.orgUnit", String.class)).contains("06298").doesNotContain(VILLAGE);
        assertThat(dhis2.getList("dataValues.dataElement", String.class)).contains("CP_CHILD_POPULATION_N", "CP_CHILD_POPULATION_N_SEX");
        assertThat(dhis2.getList("dataValues.categoryOptionCombo", String.class)).contains("SEX_MALE");
        Api.badRequestAs(COMMUNE).queryParam("unit", "06298").queryParam("from", "2025-01-05").queryParam("to", "2025-03-31")
                .queryParam("format", "dhis2").get("/api/v1/exports/circular-13").then().statusCode(400)
                .body("code", equalTo("PERIOD_NOT_IN_DHIS2"));

        byte[] xlsx = Api.as(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025").queryParam("format", "xlsx")
                .get("/api/v1/exports/circular-13").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isGreaterThan(3);
            Sheet first = book.getSheetAt(0);
            assertThat(first.getRow(3).getCell(0).getStringCellValue()).isEqualTo("BÁO CÁO CHỈ TIÊU THỐNG KÊ VỀ TRẺ EM");
            assertThat(first.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        }
        // The same files through the download operation that generated clients use, in every format.
        for (String format : List.of("json", "csv", "xlsx", "dhis2")) {
            var export = Api.as(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025").queryParam("format", format)
                    .get("/api/v1/exports/circular-13").then().statusCode(200).extract();
            Api.as(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025").queryParam("format", format)
                    .get("/api/v1/exports/circular-13/download").then().statusCode(200)
                    .header("ETag", export.header("ETag")).header("Content-Disposition", export.header("Content-Disposition"))
                    .contentType(export.contentType());
        }
        Api.badRequestAs(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025")
                .get("/api/v1/exports/circular-13/download").then().statusCode(400).body("violations.field", hasItem("format"));
        Api.as("village.ichhuu").queryParam("unit", "06283_01").queryParam("period", "2025").get("/api/v1/exports/circular-13")
                .then().statusCode(403);
        Api.as("commune.vanquan").queryParam("unit", "06298").queryParam("period", "2025").get("/api/v1/exports/circular-13")
                .then().statusCode(404);
    }

    @Test
    void theDhis2MetadataNamesEveryDataElementOfTheExport() {
        JsonPath metadata = Api.as("cp-aggregator").get("/api/v1/exports/dhis2-metadata").then().statusCode(200).extract().jsonPath();
        List<String> elements = metadata.getList("dataElements.code", String.class);
        assertThat(elements).contains("CP_CHILD_POPULATION_N", "CP_ONLINE_SAFETY_SKILLS_D", "CP_ABUSED_CHILDREN_N_ABUSE_FORM")
                .allMatch(code -> code.length() <= 50).doesNotHaveDuplicates();
        assertThat(metadata.getList("categoryOptionCombos.code", String.class)).contains("SEX_FEMALE", "AGE_BAND_AGE_6_15")
                .doesNotHaveDuplicates();
        assertThat(metadata.getList("dataElements.findAll { it.code == 'CP_CHILD_POPULATION_N' }.description", String.class).getFirst())
                .contains("Provisional");
    }

    @Test
    void theDhis2MetadataRebuildsEveryPercentageAndGroupsTheElementsIntoDataSetsInOneFile() throws IOException {
        JsonPath metadata = Api.as("cp-aggregator").get("/api/v1/exports/dhis2-metadata").then().statusCode(200).extract().jsonPath();
        Map<String, String> codeById = new LinkedHashMap<>();
        for (String type : List.of("categoryOptions", "categories", "categoryCombos", "categoryOptionCombos", "dataElements",
                "indicatorTypes", "indicators", "dataSets")) {
            List<Map<String, Object>> objects = metadata.getList(type);
            assertThat(objects).as(type).isNotEmpty();
            for (Map<String, Object> o : objects) {
                assertThat((String) o.get("id")).as(type + " " + o.get("code")).matches("[a-zA-Z][a-zA-Z0-9]{10}");
                assertThat(codeById.put((String) o.get("id"), (String) o.get("code"))).as("id of " + o.get("code")).isNull();
                if (!type.equals("categoryOptionCombos")) {
                    assertThat(o.get("translations").toString()).as(type + " " + o.get("code")).contains("locale=vi", "property=NAME");
                }
            }
        }
        // Every reference points at an object of the file, by id and code alike.
        List<Map<String, Object>> refs = metadata.getList("dataElements.findAll { it.categoryCombo != null }.categoryCombo");
        refs.addAll(metadata.getList("indicators.indicatorType"));
        refs.addAll(metadata.getList("dataSets.dataSetElements.flatten().dataElement"));
        refs.addAll(metadata.getList("categories.categoryOptions.flatten()"));
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(codeById.get((String) ref.get("id"))).isEqualTo(ref.get("code")));

        Map<String, String> elementIds = new LinkedHashMap<>();
        metadata.getList("dataElements", Map.class).forEach(e -> elementIds.put((String) e.get("code"), (String) e.get("id")));
        JsonNode catalogue;
        try (var in = getClass().getClassLoader().getResourceAsStream("indicators/catalogue.json")) {
            catalogue = new ObjectMapper().readTree(in);
        }
        int ratios = 0;
        for (JsonNode indicator : catalogue.get("indicators")) {
            String code = "CP_" + indicator.get("key").asText().toUpperCase().replace('-', '_');
            if (!indicator.get("kind").asText().equals("COUNT") && elementIds.containsKey(code + "_D")) {
                ratios++;
                Map<String, Object> rebuilt = metadata.getMap("indicators.find { it.code == '" + code + "' }");
                assertThat(rebuilt).as(code).isNotNull();
                assertThat(rebuilt.get("numerator")).isEqualTo("#{" + elementIds.get(code + "_N") + "}");
                assertThat(rebuilt.get("denominator")).isEqualTo("#{" + elementIds.get(code + "_D") + "}");
            }
        }
        assertThat(metadata.getList("indicators")).hasSize(ratios).isNotEmpty();
        assertThat(metadata.getList("dataSets.periodType", String.class)).containsExactlyInAnyOrder("SixMonthly", "Yearly");
        for (int i = 0; i < 2; i++) {
            assertThat(metadata.getList("dataSets[" + i + "].dataSetElements.dataElement.code", String.class))
                    .containsExactlyInAnyOrderElementsOf(elementIds.keySet());
        }

        // The contract's example shows the ids the service gives.
        JsonNode example = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(new java.io.File(Api.CONTRACT))
                .at("/paths/~1exports~1dhis2-metadata/get/responses/200/content/application~1json/examples/sex/value");
        example.get("indicators").forEach(x -> assertThat(x.get("numerator").asText())
                .isEqualTo(metadata.getString("indicators.find { it.code == '" + x.get("code").asText() + "' }.numerator")));
        for (String type : List.of("categoryOptions", "dataElements", "indicatorTypes", "indicators", "dataSets")) {
            example.get(type).forEach(x -> assertThat(codeById.get(x.get("id").asText())).as(type + " example").isEqualTo(x.get("code").asText()));
        }
    }

    @Test
    void everyCategoryTheIndicatorsEmitIsACodeOfItsDisaggregation() throws IOException {
        UUID child = TestChildren.register("06283_19", "2016-02-02", "Không Rõ");
        Api.as(COMMUNE).contentType("application/json").body(Map.of("childId", child.toString(), "type", "ABUSE",
                        "sourceChannel", "COMMUNITY", "receivedAt", "2025-04-04T03:00:00Z", "summary", "Hàng xóm báo tin",
                        "abuseForms", List.of("NEGLECT"), "childInDanger", false))
                .post("/api/v1/cases").then().statusCode(201);

        JsonNode catalogue;
        try (var in = getClass().getClassLoader().getResourceAsStream("indicators/catalogue.json")) {
            catalogue = new ObjectMapper().readTree(in);
        }
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (JsonNode d : catalogue.get("disaggregations")) {
            Set<String> codes = new HashSet<>();
            if (d.has("codeList")) {
                codes.addAll(Api.as(COMMUNE).get("/api/v1/code-lists/" + d.get("codeList").asText()).then().statusCode(200)
                        .extract().jsonPath().getList("entries.code", String.class));
            }
            d.path("categories").forEach(c -> codes.add(c.asText()));
            allowed.put(d.get("code").asText(), codes);
        }
        catalogue.get("indicators").forEach(i -> i.path("ageBands").forEach(b -> allowed.get("AGE_BAND").add(b.get("code").asText())));

        String by = String.join(",", allowed.keySet().stream().filter(d -> !d.equals("UNIT")).toList());
        JsonPath json = Api.as(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025").queryParam("by", by)
                .get("/api/v1/indicator-values").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = json.getList("indicators.flatten().findAll { it.values != null }.values.flatten()"
                + ".findAll { it.disaggregation != null }");
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(r -> r.get("disaggregation") + "=" + r.get("category"))
                .contains("SETTING=UNKNOWN")
                .allMatch(pair -> allowed.get(pair.substring(0, pair.indexOf('='))).contains(pair.substring(pair.indexOf('=') + 1)));
    }

    @Test
    void theCircular13WorkbookIsLaidOutForA4InTheOfficialStyle() throws IOException {
        byte[] xlsx = Api.as(COMMUNE).queryParam("unit", "06298").queryParam("period", "2025").queryParam("format", "xlsx")
                .get("/api/v1/exports/circular-13").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet first = book.getSheetAt(0);
            assertThat(first.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ỦY BAN NHÂN DÂN");
            assertThat(first.getRow(1).getCell(0).getStringCellValue()).isEqualTo("XÃ YÊN PHÚC");
            List<String> names = new java.util.ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(31)).doesNotHaveDuplicates();
            // Each sheet name is its group's full name, or the words of it that fit: never a word cut in two.
            List<Map<String, Object>> groups = Api.as(COMMUNE).get("/api/v1/indicators").then().statusCode(200).extract().jsonPath()
                    .getList("indicators.group");
            List<String> fullNames = groups.stream().map(g -> switch ((String) g.get("appendix")) {
                case "SITUATION" -> "TE";
                case "ABUSE" -> "XH";
                default -> "Khác";
            } + (g.get("code") == null ? "" : " " + g.get("code")) + " " + g.get("nameVi")).distinct().toList();
            assertThat(names).allSatisfy(name -> assertThat(fullNames).anyMatch(full -> full.equals(name) || full.startsWith(name + " ")));

            Map<String, Row> firstRowOf = new LinkedHashMap<>();
            List<Row> ageRows = new java.util.ArrayList<>();
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    if (row.getRowNum() > 8 && row.getCell(2) != null && !row.getCell(2).getStringCellValue().isEmpty()) {
                        firstRowOf.put(row.getCell(2).getStringCellValue(), row);
                    }
                    if (row.getRowNum() > 8 && row.getCell(4) != null && "Yên Phúc".equals(row.getCell(4).getStringCellValue())
                            && row.getCell(5).getStringCellValue().startsWith("Nhóm tuổi") && ageRows.size() < 3) {
                        ageRows.add(row);
                    }
                }
            }
            Row population = firstRowOf.get("Dân số trẻ em");
            assertThat(population.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(population.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("[$-42A]#,##0");
            Row mortality = firstRowOf.get("Tỷ suất chết của trẻ em dưới 1 tuổi");
            assertThat(mortality.getCell(3).getStringCellValue()).isEqualTo("‰ trẻ đẻ sống");
            // A note that wraps over several lines gets the height for them.
            assertThat(mortality.getCell(9).getStringCellValue()).startsWith("Không tính được tại đây");
            assertThat(mortality.getHeightInPoints()).isGreaterThan(first.getDefaultRowHeightInPoints() * 1.5f);
            assertThat(ageRows).extracting(r -> r.getCell(5).getStringCellValue())
                    .containsExactly("Nhóm tuổi: 0 – dưới 6 tuổi", "Nhóm tuổi: 6 – dưới 11 tuổi", "Nhóm tuổi: 11 – dưới 16 tuổi");
        }
    }
}
