package vn.baovetreem.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.baovetreem.cases.CaseAction.*;

@QuarkusTest
class CaseApiTest {

    static final String CASES = "/api/v1/cases";
    static final String COMMUNE = "commune.yenphuc";
    static final String VILLAGE = "village.ichhuu";
    static final String DISTRICT = "district.langson";
    static final String REPORTER_NAME = "Hoàng Thị Kín Đáo";
    static final String REPORTER_PHONE = "0912000111";

    @Inject
    EntityManager em;

    static UUID child() {
        return TestChildren.register("06283_01", "2015-05-05", "Vụ Việc");
    }

    static Map<String, Object> abuse(UUID child, Instant receivedAt, boolean inDanger) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("childId", child.toString());
        body.put("type", "ABUSE");
        body.put("sourceChannel", "SCHOOL");
        body.put("receivedAt", receivedAt.toString());
        body.put("summary", "Cô giáo thấy vết bầm trên tay");
        body.put("abuseForms", List.of("VIOLENCE"));
        body.put("setting", "FAMILY");
        body.put("perpetratorRelationship", "STEP_PARENT");
        body.put("childInDanger", inDanger);
        body.put("reporter", Map.of("name", REPORTER_NAME, "relationship", "Giáo viên", "phone", REPORTER_PHONE));
        return body;
    }

    static String report(String who, Map<String, Object> body) {
        return Api.as(who).contentType("application/json").body(body).post(CASES).then().statusCode(201).extract().path("id");
    }

    static Response act(String who, String id, Map<String, ?> body) {
        String etag = Api.as(who).get(CASES + "/" + id).then().statusCode(200).extract().header("ETag");
        return Api.as(who).header("If-Match", etag).contentType("application/json").body(body).post(CASES + "/" + id + "/transitions");
    }

    static void step(String id, Map<String, ?> body) {
        act(COMMUNE, id, body).then().statusCode(200);
    }

    static void draftPlan(String id, long cost) {
        String etag = Api.as(COMMUNE).get(CASES + "/" + id).then().statusCode(200).extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("items", List.of(Map.of("measure", "FAMILY_COUNSELLING", "responsiblePerson", "Nông Thị Hoa",
                        "provider", "Trung tâm CTXH tỉnh", "startOn", "2025-09-08", "endOn", "2025-12-08", "estimatedCostVnd", cost))))
                .put(CASES + "/" + id + "/plan").then().statusCode(200);
    }

    /** The commune may take exactly {@code expected} now, and every other action answers 409 listing them. */
    static void onlyAllowed(String id, CaseAction... expected) {
        String[] names = Arrays.stream(expected).map(Enum::name).toArray(String[]::new);
        String etag = Api.as(COMMUNE).get(CASES + "/" + id).then().statusCode(200)
                .body("allowedActions", containsInAnyOrder((Object[]) names)).extract().header("ETag");
        Set<CaseAction> others = EnumSet.allOf(CaseAction.class);
        others.removeAll(List.of(expected));
        for (CaseAction other : others) {
            // The bare action, without the fields it would need: the answer is what is possible now.
            Response refused = Api.badRequestAs(COMMUNE).header("If-Match", etag).contentType("application/json")
                    .body(Map.of("action", other.name())).post(CASES + "/" + id + "/transitions");
            refused.then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
            List<String> listed = refused.then().extract().path("allowedActions");
            assertThat(listed == null ? List.of() : listed).as("allowed after refusing " + other).containsExactlyInAnyOrder(names);
        }
    }

    @Test
    void everyAllowedStepWorksAndEveryOtherAnswers409() {
        String id = report(VILLAGE, abuse(child(), Instant.now().minus(Duration.ofHours(2)), true));
        onlyAllowed(id, ASSESS_INITIAL, PROTECT_EMERGENCY, CLOSE_UNSUBSTANTIATED, ASSIGN, TRANSFER, ESCALATE);
        step(id, Map.of("action", "ASSESS_INITIAL", "riskLevel", "HIGH", "emergency", true));
        onlyAllowed(id, PROTECT_EMERGENCY, SEPARATE, ASSESS_DETAILED, CLOSE_UNSUBSTANTIATED, ASSIGN, TRANSFER, ESCALATE);
        step(id, Map.of("action", "PROTECT_EMERGENCY", "note", "Đưa trẻ về nhà bà ngoại"));
        onlyAllowed(id, SEPARATE, ASSESS_DETAILED, ASSIGN, TRANSFER, ESCALATE);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        step(id, Map.of("action", "SEPARATE", "separation", Map.of("startsOn", today, "endsOn",
                java.time.LocalDate.parse(today).plusDays(10).toString(), "place", "Nhà bà ngoại")));
        onlyAllowed(id, EXTEND_SEPARATION, END_SEPARATION, ASSESS_DETAILED, ASSIGN, ESCALATE);
        step(id, Map.of("action", "EXTEND_SEPARATION", "endsOn", java.time.LocalDate.parse(today).plusDays(20).toString(),
                "reason", "Công an đang điều tra"));
        step(id, Map.of("action", "END_SEPARATION"));
        onlyAllowed(id, SEPARATE, ASSESS_DETAILED, ASSIGN, TRANSFER, ESCALATE);
        step(id, Map.of("action", "ASSIGN", "officer", COMMUNE));
        step(id, Map.of("action", "ASSESS_DETAILED", "note", "Mẹ có khả năng bảo vệ trẻ"));
        onlyAllowed(id, SEPARATE, HOLD_CONFERENCE, ASSIGN, TRANSFER, ESCALATE);
        step(id, Map.of("action", "HOLD_CONFERENCE", "participants", List.of("Chủ tịch UBND xã", "Công an xã"), "decisions", "Lập kế hoạch"));
        onlyAllowed(id, SEPARATE, ASSIGN, TRANSFER, ESCALATE);
        draftPlan(id, 1_000_000);
        onlyAllowed(id, SEPARATE, SUBMIT_PLAN, ASSIGN, TRANSFER, ESCALATE);
        step(id, Map.of("action", "SUBMIT_PLAN"));
        onlyAllowed(id, SEPARATE, APPROVE_PLAN, RETURN_PLAN, ASSIGN, TRANSFER, ESCALATE);
        step(id, Map.of("action", "RETURN_PLAN", "reason", "Thiếu chi phí"));
        onlyAllowed(id, SEPARATE, ASSIGN, TRANSFER, ESCALATE);
        draftPlan(id, 1_500_000);
        step(id, Map.of("action", "SUBMIT_PLAN"));
        step(id, Map.of("action", "APPROVE_PLAN"));
        onlyAllowed(id, SEPARATE, START_IMPLEMENTATION, ASSIGN, TRANSFER, ESCALATE);
        step(id, Map.of("action", "START_IMPLEMENTATION"));
        onlyAllowed(id, SEPARATE, REVIEW, ASSIGN, TRANSFER, ESCALATE);
        step(id, Map.of("action", "REVIEW", "reviewOutcome", "RISK_REMAINS"));
        onlyAllowed(id, SEPARATE, CLOSE, REPLAN, ASSIGN, TRANSFER, ESCALATE);
        step(id, Map.of("action", "REPLAN", "reason", "Trẻ chưa ổn định"));
        draftPlan(id, 2_000_000);
        step(id, Map.of("action", "SUBMIT_PLAN"));
        step(id, Map.of("action", "APPROVE_PLAN"));
        step(id, Map.of("action", "START_IMPLEMENTATION"));
        step(id, Map.of("action", "REVIEW", "reviewOutcome", "SAFE_AND_STABLE", "riskLevel", "LOW"));
        act(COMMUNE, id, Map.of("action", "CLOSE", "closureReason", "SAFE_AND_STABLE")).then().statusCode(400)
                .body("violations.field", hasItem("handlingOutcome"));
        step(id, Map.of("action", "CLOSE", "closureReason", "SAFE_AND_STABLE", "handlingOutcome", "ADMINISTRATIVE_SANCTION"));
        onlyAllowed(id);

        // The approved version is frozen; the earlier ones stay readable.
        Api.as(COMMUNE).get(CASES + "/" + id + "/plan").then().statusCode(200)
                .body("version", equalTo(3)).body("approved", equalTo(true)).body("totalCostVnd", equalTo(2_000_000));
        Api.as(COMMUNE).queryParam("version", 1).get(CASES + "/" + id + "/plan").then().statusCode(200)
                .body("approved", equalTo(false)).body("submitted", equalTo(true));
        String etag = Api.as(COMMUNE).get(CASES + "/" + id).then().extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("items", List.of(Map.of("measure", "LEGAL_AID", "responsiblePerson", "X", "startOn", "2025-09-08",
                        "endOn", "2025-12-08", "estimatedCostVnd", 0))))
                .put(CASES + "/" + id + "/plan").then().statusCode(409).body("code", equalTo("PLAN_NOT_EDITABLE"));

        // The timeline tells the whole story, in order.
        List<String> story = Api.as(COMMUNE).get(CASES + "/" + id + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.collect { it.action ?: it.kind }");
        assertThat(story).containsExactly("REPORTED", "ASSESS_INITIAL", "PROTECT_EMERGENCY", "SEPARATE", "EXTEND_SEPARATION",
                "END_SEPARATION", "ASSIGN", "ASSESS_DETAILED", "HOLD_CONFERENCE", "PLAN_VERSION", "SUBMIT_PLAN", "RETURN_PLAN",
                "PLAN_VERSION", "SUBMIT_PLAN", "APPROVE_PLAN", "START_IMPLEMENTATION", "REVIEW", "REPLAN", "PLAN_VERSION",
                "SUBMIT_PLAN", "APPROVE_PLAN", "START_IMPLEMENTATION", "REVIEW", "CLOSE");
    }

    @Test
    void theTimelineCannotBeChangedThroughTheApiNorInTheDatabase() {
        String id = report(COMMUNE, abuse(child(), Instant.now().minus(Duration.ofHours(1)), false));
        step(id, Map.of("action", "CLOSE_UNSUBSTANTIATED", "reason", "Không có dấu hiệu xâm hại"));
        Api.as(COMMUNE).contentType("application/json").body(Map.of("text", "Đã báo lại nhà trường")).post(CASES + "/" + id + "/notes")
                .then().statusCode(201).body("kind", equalTo("NOTE"));
        Api.badRequestAs(COMMUNE).delete(CASES + "/" + id + "/timeline").then().statusCode(405);
        Api.badRequestAs(COMMUNE).contentType("application/json").body("{}").put(CASES + "/" + id + "/timeline").then().statusCode(405);
        UUID caseId = UUID.fromString(id);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update case_event set note = 'sửa' where case_id = ?1").setParameter(1, caseId).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from case_event where case_id = ?1").setParameter(1, caseId).executeUpdate()))
                .hasStackTraceContaining("append-only");
        Api.as(COMMUNE).get(CASES + "/" + id + "/timeline").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.contains("REPORTED", "TRANSITION", "NOTE"));
    }

    @Test
    void planSubmittedOnTheFridayBeforeNationalDayIsDueTheThursdayAfter() {
        // Monday 25 August 2025; Monday 1 and Tuesday 2 September are the National Day holidays.
        String id = report(COMMUNE, abuse(child(), Instant.parse("2025-08-25T02:00:00Z"), false));
        step(id, Map.of("action", "ASSESS_INITIAL", "riskLevel", "MEDIUM", "emergency", false, "occurredAt", "2025-08-25T08:00:00Z"));
        step(id, Map.of("action", "ASSESS_DETAILED", "note", "Gia đình hợp tác", "occurredAt", "2025-08-26T08:00:00Z"));
        step(id, Map.of("action", "HOLD_CONFERENCE", "participants", List.of("Chủ tịch UBND xã"), "decisions", "Lập kế hoạch",
                "occurredAt", "2025-08-27T08:00:00Z"));
        draftPlan(id, 500_000);
        step(id, Map.of("action", "SUBMIT_PLAN", "occurredAt", "2025-08-29T03:00:00Z"));
        Response submitted = Api.as(COMMUNE).get(CASES + "/" + id);
        // Plan drafted: 5 working days after Monday 25 August skip the holidays: Wednesday 3 September.
        submitted.then().body("deadlines.find { it.step == 'PLAN_DRAFTED' }.dueAt", equalTo("2025-09-03T17:00:00Z"))
                .body("deadlines.find { it.step == 'PLAN_DRAFTED' }.onTime", equalTo(true))
                // Approval: 2 working days after Friday 29 August: Wednesday 3, Thursday 4 September.
                .body("deadlines.find { it.step == 'PLAN_APPROVAL' }.dueAt", equalTo("2025-09-04T17:00:00Z"))
                .body("deadlines.find { it.step == 'PLAN_APPROVAL' }.overdue", equalTo(true))
                .body("deadlines.find { it.step == 'EMERGENCY_PROTECTION' }", nullValue());
        step(id, Map.of("action", "APPROVE_PLAN", "occurredAt", "2025-09-04T09:00:00Z"));
        Api.as(COMMUNE).get(CASES + "/" + id).then()
                .body("deadlines.find { it.step == 'PLAN_APPROVAL' }.onTime", equalTo(true))
                .body("deadlines.find { it.step == 'PLAN_APPROVAL' }.overdue", equalTo(false));
    }

    @Test
    void anEmergencyNotProtectedWithin12HoursIsListedAsOverdue() {
        UUID child = child();
        String late = report(COMMUNE, abuse(child, Instant.now().minus(Duration.ofHours(13)), true));
        String recent = report(COMMUNE, abuse(child, Instant.now().minus(Duration.ofHours(1)), true));
        Api.as(COMMUNE).queryParam("child", child).queryParam("overdue", true).get(CASES).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(late))
                .body("items[0].deadlines.find { it.step == 'EMERGENCY_PROTECTION' }.overdue", equalTo(true));
        Api.as(COMMUNE).queryParam("child", child).queryParam("dueBefore", Instant.now().plus(Duration.ofHours(12)).toString())
                .get(CASES).then().statusCode(200).body("items.id", containsInAnyOrder(late, recent));
        // Latest received first, one per page.
        String next = Api.as(COMMUNE).queryParam("child", child).queryParam("pageSize", 1).get(CASES).then()
                .body("items.id", org.hamcrest.Matchers.contains(recent)).extract().path("nextPageToken");
        Api.as(COMMUNE).queryParam("child", child).queryParam("pageSize", 1).queryParam("pageToken", next).get(CASES).then()
                .body("items.id", org.hamcrest.Matchers.contains(late));
        step(late, Map.of("action", "PROTECT_EMERGENCY", "note", "Đã đưa trẻ đến nơi an toàn"));
        Api.as(COMMUNE).queryParam("child", child).queryParam("overdue", true).get(CASES).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        Api.as(COMMUNE).get(CASES + "/" + late).then()
                .body("deadlines.find { it.step == 'EMERGENCY_PROTECTION' }.onTime", equalTo(false));
    }

    /**
     * A change answers the case from what it read before the change and the deadlines it left, not
     * by reading it again: what it answers is what a read then shows, for steps that move deadlines
     * and steps that do not, and for times given to the nanosecond, which the database keeps to the
     * microsecond.
     */
    @Test
    void whatAChangeAnswersIsWhatAReadThenShows() {
        Response created = Api.as(COMMUNE).contentType("application/json")
                .body(abuse(child(), Instant.parse("2025-08-25T02:00:00.123456789Z"), true)).post(CASES);
        String id = created.then().statusCode(201).extract().path("id");
        sameAsRead(id, created);
        String etag = created.header("ETag");
        sameAsRead(id, Api.as(COMMUNE).header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("receivedAt", "2025-08-24T02:00:00Z")).patch(CASES + "/" + id));
        List<Map<String, ?>> steps = List.of(
                Map.of("action", "ASSIGN", "officer", COMMUNE),
                Map.of("action", "ASSESS_INITIAL", "riskLevel", "HIGH", "emergency", true, "occurredAt", "2025-08-24T08:00:00Z"),
                Map.of("action", "PROTECT_EMERGENCY", "note", "Đưa trẻ về nhà bà ngoại", "occurredAt", "2025-08-24T09:00:00.000000500Z"),
                Map.of("action", "SEPARATE", "separation", Map.of("startsOn", "2025-08-25", "endsOn", "2025-09-05", "place", "Nhà bà ngoại"),
                        "occurredAt", "2025-08-25T09:00:00Z"),
                Map.of("action", "ESCALATE", "reason", "Cần huyện hỗ trợ"),
                Map.of("action", "ASSESS_DETAILED", "note", "Gia đình hợp tác", "occurredAt", "2025-08-26T08:00:00Z"),
                Map.of("action", "HOLD_CONFERENCE", "participants", List.of("Chủ tịch UBND xã"), "decisions", "Lập kế hoạch",
                        "occurredAt", "2025-08-27T08:00:00Z"));
        for (Map<String, ?> step : steps) {
            sameAsRead(id, act(COMMUNE, id, step));
        }
        draftPlan(id, 500_000);
        sameAsRead(id, act(COMMUNE, id, Map.of("action", "SUBMIT_PLAN", "occurredAt", "2025-08-29T03:00:00Z")));
        sameAsRead(id, act(COMMUNE, id, Map.of("action", "APPROVE_PLAN", "occurredAt", "2025-09-04T09:00:00Z")));
        Api.as(COMMUNE).get(CASES + "/" + id).then().body("deadlines.step",
                org.hamcrest.Matchers.contains("EMERGENCY_PROTECTION", "PLAN_DRAFTED", "PLAN_APPROVAL", "SEPARATION_ENDED"));
    }

    private static void sameAsRead(String id, Response answered) {
        assertThat(answered.statusCode()).as(answered.asString()).isIn(200, 201);
        Response read = Api.as(COMMUNE).get(CASES + "/" + id);
        assertThat(answered.header("ETag")).isEqualTo(read.header("ETag"));
        assertThat(answered.jsonPath().getMap("")).isEqualTo(read.jsonPath().getMap(""));
    }

    @Test
    void theReporterIsSeenOnlyByTheCommuneOfTheCase() {
        String id = report(VILLAGE, abuse(child(), Instant.now().minus(Duration.ofHours(3)), false));
        step(id, Map.of("action", "ASSESS_INITIAL", "riskLevel", "HIGH", "emergency", false));
        Api.as(COMMUNE).get(CASES + "/" + id).then().statusCode(200).body("disclosure", equalTo("WITH_REPORTER"))
                .body("reporter.name", equalTo(REPORTER_NAME)).body("reporter.phone", equalTo(REPORTER_PHONE));
        for (String who : List.of(VILLAGE, DISTRICT, "admin")) {
            for (String path : List.of(CASES + "/" + id, CASES + "/" + id + "/timeline", CASES + "?pageSize=200")) {
                String body = Api.as(who).get(path).then().statusCode(200).extract().asString();
                assertThat(body).as(who + " " + path).doesNotContain(REPORTER_NAME).doesNotContain(REPORTER_PHONE);
            }
        }
        Api.as(VILLAGE).get(CASES + "/" + id).then().body("disclosure", equalTo("VILLAGE")).body("assessment", nullValue())
                .body("summary", equalTo("Cô giáo thấy vết bầm trên tay"));
        Api.as(VILLAGE).get(CASES + "/" + id + "/plan").then().statusCode(403).body("code", equalTo("PLAN_NOT_VISIBLE"));
        // Nor can the village read the hidden assessment one filter at a time.
        Api.badRequestAs(VILLAGE).queryParam("riskLevel", "HIGH").get(CASES).then().statusCode(403)
                .body("code", equalTo("FILTER_NOT_ALLOWED"));
        Api.as(DISTRICT).queryParam("riskLevel", "HIGH").queryParam("pageSize", 200).get(CASES).then().statusCode(200)
                .body("items.id", hasItem(id));
        Api.as(DISTRICT).get(CASES + "/" + id).then().body("disclosure", equalTo("MASKED")).body("summary", equalTo("***"))
                .body("assessment.riskLevel", equalTo("HIGH"));
        Api.as(DISTRICT).contentType("application/json").body(Map.of("text", "Góp ý")).post(CASES + "/" + id + "/notes")
                .then().statusCode(409).body("code", equalTo("CASE_NOT_ESCALATED"));

        step(id, Map.of("action", "ESCALATE", "reason", "Cần hỗ trợ của huyện"));
        Api.as(DISTRICT).get(CASES + "/" + id).then().body("disclosure", equalTo("FULL"))
                .body("summary", equalTo("Cô giáo thấy vết bầm trên tay")).body("reporter", nullValue())
                .body("allowedActions", containsInAnyOrder("RETURN_ESCALATION"));
        Api.as(DISTRICT).contentType("application/json").body(Map.of("text", "Huyện sẽ cử cán bộ")).post(CASES + "/" + id + "/notes")
                .then().statusCode(201);
        act(DISTRICT, id, Map.of("action", "RETURN_ESCALATION", "note", "Xã tiếp tục xử lý")).then().statusCode(200)
                .body("escalated", equalTo(false)).body("disclosure", equalTo("MASKED"));
        // The audit trail of the case, which district users read, keeps no reporter either.
        String trail = Api.as(DISTRICT).queryParam("recordType", "case").queryParam("recordId", id).get("/api/v1/audit-events")
                .then().statusCode(200).extract().asString();
        assertThat(trail).contains("ESCALATE").doesNotContain(REPORTER_NAME).doesNotContain(REPORTER_PHONE);
    }

    @Test
    void twoTransitionsWithTheSameETagOneWinsOneGets412() throws Exception {
        String id = report(COMMUNE, abuse(child(), Instant.now().minus(Duration.ofHours(1)), false));
        String etag = Api.as(COMMUNE).get(CASES + "/" + id).then().extract().header("ETag");
        Callable<Integer> assess = () -> Api.as(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("action", "ASSESS_INITIAL", "riskLevel", "LOW", "emergency", false))
                .post(CASES + "/" + id + "/transitions").statusCode();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = pool.invokeAll(List.of(assess, assess));
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdown();
        }
        List<String> actions = Api.as(COMMUNE).get(CASES + "/" + id + "/timeline").then().extract().path("items.action");
        assertThat(actions.stream().filter("ASSESS_INITIAL"::equals)).hasSize(1);
    }

    @Test
    void aTransferIsAcceptedOrDeclinedByTheReceivingCommune() {
        String id = report(COMMUNE, abuse(child(), Instant.now().minus(Duration.ofHours(5)), false));
        step(id, Map.of("action", "TRANSFER", "toCommuneCode", "06253", "reason", "Gia đình chuyển đến Vân Quan"));
        onlyAllowed(id);
        Api.as("commune.vanquan").get(CASES + "/" + id).then().statusCode(200).body("disclosure", equalTo("FULL"))
                .body("reporter", nullValue()).body("transfer.toCommuneCode", equalTo("06253"))
                .body("allowedActions", containsInAnyOrder("ACCEPT_TRANSFER", "DECLINE_TRANSFER"));
        act("commune.vanquan", id, Map.of("action", "DECLINE_TRANSFER", "reason", "Gia đình chưa chuyển đến")).then().statusCode(200);
        Api.as("commune.vanquan").get(CASES + "/" + id).then().statusCode(404);
        step(id, Map.of("action", "TRANSFER", "toCommuneCode", "06253", "reason", "Gia đình đã chuyển đến"));
        act("commune.vanquan", id, Map.of("action", "ACCEPT_TRANSFER")).then().statusCode(200)
                .body("communeCode", equalTo("06253")).body("disclosure", equalTo("WITH_REPORTER"));
        Api.as(COMMUNE).get(CASES + "/" + id).then().statusCode(404);
        act("commune.vanquan", id, Map.of("action", "ASSESS_INITIAL", "riskLevel", "LOW", "emergency", false)).then().statusCode(200);
    }

    @Test
    void reportsAreCheckedForTheirTypeAndNumberedPerCommuneAndYear() {
        UUID child = child();
        Map<String, Object> wrong = new LinkedHashMap<>(abuse(child, Instant.now().plus(Duration.ofDays(1)), false));
        wrong.put("abuseForms", List.of("VIOLENCE", "VIOLENCE"));
        wrong.put("injuryMechanism", "DROWNING");
        wrong.put("sexualAbuseSubtype", "RAPE");
        wrong.put("reporter", Map.of("phone", "12345"));
        Api.badRequestAs(COMMUNE).contentType("application/json").body(wrong).post(CASES).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("receivedAt", "abuseForms", "injuryMechanism", "sexualAbuseSubtype",
                        "reporter.phone"));
        Map<String, Object> atRisk = new LinkedHashMap<>(Map.of("childId", child.toString(), "type", "AT_RISK",
                "sourceChannel", "COMMUNITY", "receivedAt", "2025-03-01T02:00:00Z"));
        Api.badRequestAs(COMMUNE).contentType("application/json").body(atRisk).post(CASES).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("riskCategory"));
        atRisk.put("riskCategory", "LEFT_BEHIND");
        Response first = Api.as(COMMUNE).contentType("application/json").body(atRisk).post(CASES);
        Response second = Api.as(COMMUNE).contentType("application/json").body(atRisk).post(CASES);
        String a = first.then().statusCode(201).extract().path("caseNumber");
        String b = second.then().statusCode(201).extract().path("caseNumber");
        String commune = first.then().extract().path("communeCode");
        assertThat(a).matches("2025-" + commune + "-\\d{4}");
        assertThat(Integer.parseInt(b.substring(b.lastIndexOf('-') + 1))).isEqualTo(Integer.parseInt(a.substring(a.lastIndexOf('-') + 1)) + 1);

        String id = first.then().extract().path("id");
        String etag = Api.as(COMMUNE).get(CASES + "/" + id).then().statusCode(200).extract().header("ETag");
        Api.badRequestAs(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("action", "ASSESS_INITIAL", "riskLevel", "LOW", "emergency", false, "closureReason", "OTHER"))
                .post(CASES + "/" + id + "/transitions")
                .then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD")).body("violations.field", containsInAnyOrder("closureReason"));
        Api.badRequestAs(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("action", "ASSESS_INITIAL", "riskLevel", "LOW")).post(CASES + "/" + id + "/transitions")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("violations.field", containsInAnyOrder("emergency"));
        step(id, Map.of("action", "ASSESS_INITIAL", "riskLevel", "LOW", "emergency", false));
        act(COMMUNE, id, Map.of("action", "SEPARATE", "separation", Map.of("startsOn", "2025-03-02", "endsOn", "2025-03-20")))
                .then().statusCode(400).body("violations.field", containsInAnyOrder("separation.endsOn"));
        Api.as(VILLAGE).get(CASES + "/" + id).then().statusCode(200);
        Api.as("village.thon2").get(CASES + "/" + id).then().statusCode(404);
        Api.as(VILLAGE).contentType("application/json").body(Map.of("action", "CLOSE_UNSUBSTANTIATED", "reason", "x"))
                .header("If-Match", "\"v0\"").post(CASES + "/" + id + "/transitions").then().statusCode(403);
    }

    @Test
    void correctionsAreRecheckedAndTheTimelineNamesTheFieldsNotTheValues() {
        String id = report(COMMUNE, abuse(child(), Instant.now().minus(Duration.ofHours(2)), false));
        String etag = Api.as(COMMUNE).get(CASES + "/" + id).then().extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("handlingOutcome", "UNDER_INVESTIGATION", "reporter", Map.of("phone", "0987 654 321")))
                .patch(CASES + "/" + id).then().statusCode(200)
                .body("handlingOutcome", equalTo("UNDER_INVESTIGATION")).body("reporter.phone", equalTo("0987654321"))
                .body("reporter.name", equalTo(REPORTER_NAME));
        String timeline = Api.as(COMMUNE).get(CASES + "/" + id + "/timeline").then().extract().asString();
        assertThat(timeline).contains("\"fields\":[\"handlingOutcome\",\"reporter\"]").doesNotContain("0987654321");
        String newEtag = Api.as(COMMUNE).get(CASES + "/" + id).then().extract().header("ETag");
        Api.badRequestAs(COMMUNE).header("If-Match", newEtag).contentType("application/merge-patch+json")
                .body(Map.of("injuryMechanism", "FALL")).patch(CASES + "/" + id).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("injuryMechanism"));
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("summary", "x"))
                .patch(CASES + "/" + id).then().statusCode(412);
    }

    @Test
    void aSupportMayNameACaseOfItsChildOnly() {
        UUID child = child();
        String id = report(COMMUNE, abuse(child, Instant.now().minus(Duration.ofHours(2)), false));
        String otherCase = report(COMMUNE, abuse(child(), Instant.now().minus(Duration.ofHours(2)), false));
        Map<String, Object> support = new LinkedHashMap<>(Map.of("childId", child.toString(), "protectionLevel", "INTERVENTION",
                "type", "COUNSELLING", "startDate", "2025-09-10", "status", "ONGOING"));
        support.put("caseId", otherCase);
        Api.badRequestAs(COMMUNE).contentType("application/json").body(support).post("/api/v1/interventions").then().statusCode(400)
                .body("violations.field", hasItem("caseId"));
        support.put("caseId", id);
        Api.as(COMMUNE).contentType("application/json").body(support).post("/api/v1/interventions").then().statusCode(201)
                .body("caseId", equalTo(id));
        Api.as(COMMUNE).queryParam("case", id).get("/api/v1/interventions").then().statusCode(200)
                .body("items.caseId", not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void replacingACalendarYearMovesTheDeadlinesOfOpenCases() {
        // Monday 23 December 2024: five working days end on Monday 30 December.
        String id = report(COMMUNE, abuse(child(), Instant.parse("2024-12-23T02:00:00Z"), false));
        String due = "deadlines.find { it.step == 'PLAN_DRAFTED' }.dueAt";
        Api.as(COMMUNE).get(CASES + "/" + id).then().body(due, equalTo("2024-12-30T17:00:00Z"));
        Response calendar = Api.as("admin").get("/api/v1/calendars/2024");
        List<Map<String, Object>> days = calendar.then().statusCode(200).extract().path("days");
        List<Map<String, Object>> withExtra = new java.util.ArrayList<>(days);
        withExtra.add(Map.of("date", "2024-12-30", "kind", "HOLIDAY", "name", "Nghỉ thử (test)"));
        String etag = Api.as("admin").header("If-Match", calendar.header("ETag")).contentType("application/json")
                .body(Map.of("days", withExtra)).put("/api/v1/calendars/2024").then().statusCode(200).extract().header("ETag");
        try {
            Api.as(COMMUNE).get(CASES + "/" + id).then().body(due, equalTo("2024-12-31T17:00:00Z"));
        } finally {
            Api.as("admin").header("If-Match", etag).contentType("application/json").body(Map.of("days", days))
                    .put("/api/v1/calendars/2024").then().statusCode(200);
        }
        Api.as(COMMUNE).get(CASES + "/" + id).then().body(due, equalTo("2024-12-30T17:00:00Z"));
    }

    @Test
    void aMergedDuplicatesCasesFollowItIntoTheSurvivor() {
        UUID survivor = child();
        UUID duplicate = child();
        String id = report(COMMUNE, abuse(duplicate, Instant.now().minus(Duration.ofHours(2)), false));
        String etag = Api.as(COMMUNE).get("/api/v1/children/" + duplicate).then().extract().header("ETag");
        Api.as(COMMUNE).contentType("application/json").header("If-Match", etag)
                .body(Map.of("survivorId", survivor.toString(), "note", "Đăng ký hai lần"))
                .post("/api/v1/children/" + duplicate + "/merge").then().statusCode(200);
        Api.as(COMMUNE).get(CASES + "/" + id).then().statusCode(200).body("child.id", equalTo(survivor.toString()));
        Api.as(COMMUNE).queryParam("child", survivor).get(CASES).then().body("items.id", org.hamcrest.Matchers.contains(id));
    }

    @Test
    void aReporterIsStoredWithoutTheFieldsNotGiven() {
        Map<String, Object> body = abuse(child(), Instant.now().minus(Duration.ofHours(1)), false);
        body.put("reporter", Map.of("name", REPORTER_NAME));
        String id = report(COMMUNE, body);
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select cast(reporter as text) from child_case where id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(stored).isEqualTo("{\"name\": \"" + REPORTER_NAME + "\"}");
    }
}
