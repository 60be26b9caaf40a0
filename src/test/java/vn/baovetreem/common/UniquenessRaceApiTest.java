package vn.baovetreem.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every uniqueness rule and every record a PUT creates, raced by ten parallel requests: exactly one
 * wins, the others get the problem the service's own check gives (never a 500), and a first PUT is
 * written and audited once.
 */
@QuarkusTest
class UniquenessRaceApiTest {

    private static final int RACERS = 10;

    @Test
    void tenCreatesOfOneChildIdentityGiveOneRecord() {
        String personalId = "020215" + ThreadLocalRandom.current().nextInt(900_000, 1_000_000);
        List<Response> answers = race(() -> Api.as("commune.yenphuc").contentType("application/json").body(Map.of(
                "personalId", personalId, "fullName", "Lò Văn Đua", "dateOfBirth", "2015-03-12", "sex", "MALE",
                "villageCode", "06283_01")).post("/api/v1/children"));
        assertOneWinner(answers, 201, 409, "PERSONAL_ID_TAKEN");
    }

    @Test
    void tenPlansOfOneCommuneAndYearGiveOnePlan() {
        List<Response> answers = race(() -> Api.as("commune.vanquan").contentType("application/json")
                .body(Map.of("communeCode", "06253", "year", 2031, "title", "Kế hoạch 2031")).post("/api/v1/plans"));
        assertOneWinner(answers, 201, 409, "PLAN_EXISTS");
    }

    @Test
    void tenReportsOfOneCommuneAndPeriodGiveOneReport() {
        List<Response> answers = race(() -> Api.as("commune.vanquan").contentType("application/json")
                .body(Map.of("communeCode", "06253", "period", "2025-H1")).post("/api/v1/reports"));
        assertOneWinner(answers, 201, 409, "REPORT_EXISTS");
    }

    @Test
    void tenUnitsWithOneCodeGiveOneUnit() {
        List<Response> answers = race(() -> Api.as("admin").contentType("application/json").body(Map.of(
                "code", "06253_77", "level", "VILLAGE", "name", "Thôn Đua", "kind", "Thôn", "parentCode", "06253"))
                .post("/api/v1/admin-units"));
        assertOneWinner(answers, 201, 409, "UNIT_CODE_TAKEN");
    }

    @Test
    void tenRatesFromOneDayGiveOneRate() {
        List<Response> answers = race(() -> Api.as("admin").contentType("application/json").body(Map.of(
                "validFrom", "2040-01-01", "monthlyVnd", 900000, "legalRef", "Race test", "confirmed", false))
                .post("/api/v1/social-assistance-rates"));
        assertOneWinner(answers, 201, 409, "RATE_EXISTS");
    }

    @Test
    void tenFirstWritesOfAUnitsFactsGiveOneWriteAndOneAuditEvent() {
        List<Response> answers = race(() -> Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("childFriendly", true)).put("/api/v1/admin-units/06298/facts/2026"));
        assertOneWinner(answers, 200, 428, "PRECONDITION_REQUIRED");
        int creates = Api.as("admin").queryParam("recordType", "unit-facts").queryParam("recordId", "06298/2026")
                .queryParam("pageSize", 200).get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.action == 'CREATE' }").size();
        assertThat(creates).isEqualTo(1);
    }

    @Test
    void tenFirstWritesOfACalendarYearGiveOneWrite() {
        List<Response> answers = race(() -> Api.as("admin").contentType("application/json")
                .body(Map.of("days", List.of(Map.of("date", "2041-01-01", "kind", "HOLIDAY", "name", "Tết Dương lịch"))))
                .put("/api/v1/calendars/2041"));
        assertOneWinner(answers, 200, 428, "PRECONDITION_REQUIRED");
    }

    @Test
    void tenFirstAssessmentsOfAHouseholdGiveOneAssessment() {
        String child = Api.as("commune.yenphuc").contentType("application/json").body(Map.of("fullName", "Lò Thị Đua",
                "dateOfBirth", "2016-05-01", "sex", "FEMALE", "villageCode", "06283_01")).post("/api/v1/children")
                .then().statusCode(201).extract().path("id");
        String household = Api.as("commune.yenphuc").contentType("application/json").body(Map.of("villageCode", "06283_01",
                "headName", "Lò Văn Đua", "childIds", List.of(child))).post("/api/v1/households")
                .then().statusCode(201).extract().path("id");
        List<Response> answers = race(() -> Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("assessedOn", "2026-11-30", "assessor", "Nông Thị Hoa", "criteriaMet", List.of("SH01")))
                .put("/api/v1/households/" + household + "/assessments/2026"));
        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 428);
        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    }

    @Test
    void tenReplacementsOfReportingPeriodsAllSucceedOneAfterTheOther() {
        List<Response> answers = race(() -> Api.as("admin").contentType("application/json")
                .body(Map.of("items", List.of(Map.of("kind", "ANNUAL", "startsOn", "2042-01-01", "cutOff", "2042-10-31",
                        "dueOn", "2042-11-10")))).put("/api/v1/reporting-periods/2042"));
        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
    }

    @Test
    void tenVillagesRetiredEachIntoTheNextAtOnceLeaveNoSuccessorCycle() {
        String prefix = "06253_r" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < RACERS; i++) {
            Api.as("admin").contentType("application/json").body(Map.of("code", prefix + i, "level", "VILLAGE", "name", "Thôn Vòng " + i,
                    "kind", "Thôn", "parentCode", "06253", "validFrom", "2021-01-01")).post("/api/v1/admin-units").then().statusCode(201);
        }
        AtomicInteger next = new AtomicInteger();
        List<Response> answers = race(() -> {
            int i = next.getAndIncrement();
            return Api.badRequestAs("admin").contentType("application/json").header("If-Match", "*")
                    .body(Map.of("validTo", "2024-06-30", "successorCode", prefix + (i + 1) % RACERS))
                    .post("/api/v1/admin-units/" + prefix + i + "/retirement");
        });
        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 400).contains(400);
        for (int i = 0; i < RACERS; i++) {
            String code = prefix + i;
            for (int hops = 0; code != null; hops++) {
                assertThat(hops).as("successors followed from " + prefix + i).isLessThan(RACERS);
                code = Api.as("admin").get("/api/v1/admin-units/" + code).then().statusCode(200).extract().path("successor.code");
            }
        }
    }

    /** Sends {@code request} from ten threads at once and collects the answers. */
    private static List<Response> race(Supplier<Response> request) {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                pending.add(pool.submit(request::get));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinner(List<Response> answers, int won, int lost, String code) {
        assertThat(answers).extracting(Response::statusCode).containsOnly(won, lost);
        assertThat(answers).filteredOn(r -> r.statusCode() == won).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == lost).allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("code")).isEqualTo(code);
            assertThat(r.asString()).doesNotContain("Key (", "SQL", "constraint");
        });
    }
}
