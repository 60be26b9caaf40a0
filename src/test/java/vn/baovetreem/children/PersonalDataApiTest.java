package vn.baovetreem.children;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.ImportJobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The data subject's rights: the personal-data report of a child, for the child's commune only,
 * and the retention rule, which anonymises records of children who left care long ago without
 * changing a past export.
 */
@QuarkusTest
class PersonalDataApiTest {

    private static final String COMMUNE = "commune.yenphuc";
    private static final String CASES = "/api/v1/cases";
    private static final String REPORTER = "Hoàng Thị Người Báo";

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    /** A child with everything the service can hold about one: spans, a consent, a closed case, a support, a household. */
    private record Held(UUID child, String name, String personalId, String caseId, String caseNumber, String supportId,
                        String householdId) {
    }

    private Held childWithHistory(String born, String personalId) {
        String name = "Lục Văn " + ChildFixtures.uniqueWord();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personalId", personalId);
        body.put("fullName", name);
        body.put("dateOfBirth", born);
        body.put("sex", "MALE");
        body.put("ethnicity", "TAY");
        body.put("villageCode", "06283_01");
        body.put("address", "Nhà số 7, thôn Ích Hữu");
        body.put("healthInsuranceCard", "TE1202012345678");
        body.put("note", "Bố đi làm xa");
        body.put("caregivers", List.of(Map.of("name", "Lục Thị Hiền", "relationship", "MOTHER", "phone", "0912345678")));
        UUID child = ChildFixtures.created(COMMUNE, body);
        Api.as(COMMUNE).contentType("application/json").body(Map.of("code", "HCDB_D", "subcode", "HCDB_D_2",
                "startDate", "2019-01-01", "endDate", "2020-01-10", "note", "Gia đình khó khăn")).post(ChildFixtures.CHILDREN + "/" + child + "/circumstances")
                .then().statusCode(201);
        Api.as(COMMUNE).contentType("application/json").body(Map.of("giver", "PARENT_OR_GUARDIAN", "giverName", "Lục Thị Hiền",
                "relationship", "MOTHER", "givenOn", "2020-01-03", "scopes", List.of("DATA_PROCESSING")))
                .post(ChildFixtures.CHILDREN + "/" + child + "/consents").then().statusCode(201);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("childId", child.toString());
        report.put("type", "ABUSE");
        report.put("sourceChannel", "SCHOOL");
        report.put("receivedAt", "2020-01-05T02:00:00Z");
        report.put("summary", "Cô giáo thấy vết bầm trên tay");
        report.put("abuseForms", List.of("VIOLENCE"));
        report.put("setting", "FAMILY");
        report.put("childInDanger", false);
        report.put("reporter", Map.of("name", REPORTER, "relationship", "Giáo viên", "phone", "0912000222"));
        JsonPath opened = Api.as(COMMUNE).contentType("application/json").body(report).post(CASES).then().statusCode(201).extract().jsonPath();
        String caseId = opened.getString("id");
        step(caseId, Map.of("action", "ASSESS_INITIAL", "riskLevel", "LOW", "emergency", false));
        step(caseId, Map.of("action", "ASSESS_DETAILED", "note", "Mẹ có khả năng bảo vệ trẻ"));
        step(caseId, Map.of("action", "HOLD_CONFERENCE", "participants", List.of("Chủ tịch UBND xã"), "decisions", "Lập kế hoạch"));
        String etag = Api.as(COMMUNE).get(CASES + "/" + caseId).then().statusCode(200).extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("items", List.of(Map.of("measure", "FAMILY_COUNSELLING", "responsiblePerson", "Nông Thị Hoa",
                        "provider", "Trung tâm CTXH tỉnh", "startOn", "2020-01-06", "endOn", "2020-01-10", "estimatedCostVnd", 500000))))
                .put(CASES + "/" + caseId + "/plan").then().statusCode(200);
        step(caseId, Map.of("action", "SUBMIT_PLAN"));
        step(caseId, Map.of("action", "APPROVE_PLAN"));
        step(caseId, Map.of("action", "START_IMPLEMENTATION"));
        step(caseId, Map.of("action", "REVIEW", "reviewOutcome", "SAFE_AND_STABLE", "riskLevel", "LOW"));
        step(caseId, Map.of("action", "CLOSE", "closureReason", "SAFE_AND_STABLE", "handlingOutcome", "ADMINISTRATIVE_SANCTION"));

        String supportId = Api.as(COMMUNE).contentType("application/json").body(Map.of("childId", child.toString(),
                        "type", "COUNSELLING", "protectionLevel", "INTERVENTION", "status", "COMPLETED",
                        "provider", "Nhà bà Lục Thị Mơ", "startDate", "2020-01-06", "endDate", "2020-01-10", "note", "Trẻ tiến bộ"))
                .post("/api/v1/interventions").then().statusCode(201).extract().path("id");
        String householdId = Api.as(COMMUNE).contentType("application/json").body(Map.of("villageCode", "06283_01",
                        "headName", "Lục Văn Chủ", "address", "Nhà số 7", "childIds", List.of(child.toString())))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
        return new Held(child, name, personalId, caseId, opened.getString("caseNumber"), supportId, householdId);
    }

    private static void step(String caseId, Map<String, ?> body) {
        String etag = Api.as(COMMUNE).get(CASES + "/" + caseId).then().statusCode(200).extract().header("ETag");
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json").body(body)
                .post(CASES + "/" + caseId + "/transitions").then().statusCode(200);
    }

    private static String report(UUID child) {
        return ChildFixtures.CHILDREN + "/" + child + "/personal-data-report";
    }

    @Test
    void theCommuneGetsEverythingHeldAboutTheChildAndNobodyElseDoes() throws IOException {
        Held held = childWithHistory("2014-06-10", "020214" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000)));
        Api.as("village.ichhuu").get(ChildFixtures.CHILDREN + "/" + held.child()).then().statusCode(200);

        JsonPath json = Api.as(COMMUNE).get(report(held.child())).then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("controller.code")).isEqualTo("06298");
        assertThat(json.getString("generatedBy")).isEqualTo(COMMUNE);
        assertThat(json.getString("child.fullName")).isEqualTo(held.name());
        assertThat(json.getString("child.personalId")).isEqualTo(held.personalId());
        assertThat(json.getString("child.address")).isEqualTo("Nhà số 7, thôn Ích Hữu");
        assertThat(json.getList("circumstances.code")).containsExactly("HCDB_D");
        assertThat(json.getList("consents.giverName")).containsExactly("Lục Thị Hiền");
        assertThat(json.getList("cases.details.caseNumber")).containsExactly(held.caseNumber());
        assertThat(json.getString("cases[0].details.summary")).isEqualTo("Cô giáo thấy vết bầm trên tay");
        assertThat(json.getMap("cases[0].details")).as("the reporter is protected, even from the child").doesNotContainKey("reporter");
        assertThat(json.getList("cases[0].timeline.action")).contains("CLOSE");
        assertThat(json.getList("supports.id")).containsExactly(held.supportId());
        assertThat(json.getList("households.id")).containsExactly(held.householdId());
        List<Map<String, Object>> access = json.getList("access");
        assertThat(access).anySatisfy(e -> assertThat(e).containsEntry("actor", "village.ichhuu").containsEntry("action", "READ")
                .containsEntry("recordType", "child"));
        assertThat(access).anySatisfy(e -> assertThat(e).containsEntry("recordType", "case").containsEntry("action", "CLOSE"));
        assertThat(access).anySatisfy(e -> assertThat(e).containsEntry("recordType", "intervention").containsEntry("action", "CREATE"));
        assertThat(json.getString("retention.leftCareOn")).isEqualTo("2032-06-10");
        assertThat(json.getString("retention.dueOn")).isEqualTo("2037-06-10");

        // The report is itself a read of the record.
        Api.as(COMMUNE).get(ChildFixtures.CHILDREN + "/" + held.child() + "/history").then().statusCode(200)
                .body("items.action", hasItem("PERSONAL_DATA_REPORT"));

        byte[] printed = Api.as(COMMUNE).accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get(report(held.child())).then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"du-lieu-ca-nhan_" + held.child() + ".xlsx\""))
                .extract().asByteArray();
        String text = text(printed);
        assertThat(text).contains("THÔNG BÁO DỮ LIỆU CÁ NHÂN", held.name(), held.personalId(), "Lục Thị Hiền", held.caseNumber(),
                "Nhà bà Lục Thị Mơ", "Lục Văn Chủ", "village.ichhuu", "NHỮNG LẦN XEM, THAY ĐỔI HỒ SƠ", "10/06/2037");
        assertThat(text).doesNotContain(REPORTER);

        for (String other : List.of("village.ichhuu", "district.langson", "cp-aggregator", "cp-importer", "admin")) {
            Api.as(other).get(report(held.child())).then().statusCode(403);
        }
        Api.as("commune.vanquan").get(report(held.child())).then().statusCode(404);
    }

    @Test
    void aRecordPastRetentionIsAnonymisedAndPastExportsStayTheSame() throws Exception {
        Held held = childWithHistory("2012-05-05", "020212" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000)));
        String etag = ChildFixtures.etagOf(COMMUNE, held.child());
        Api.as(COMMUNE).header("If-Match", etag).contentType("application/json")
                .body(Map.of("action", "MOVE_AWAY", "date", "2020-01-15", "movedToUnitCode", "06298"))
                .post(ChildFixtures.CHILDREN + "/" + held.child() + "/transitions").then().statusCode(200);
        // The case was closed in January 2020, as if recorded then.
        backdateClosure(UUID.fromString(held.caseId()));
        Held recent = childWithHistory("2013-02-02", "020213" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000)));
        Api.as(COMMUNE).header("If-Match", ChildFixtures.etagOf(COMMUNE, recent.child())).contentType("application/json")
                .body(Map.of("action", "MOVE_AWAY", "date", ChildFixtures.today().minusYears(1).toString()))
                .post(ChildFixtures.CHILDREN + "/" + recent.child() + "/transitions").then().statusCode(200);

        JsonPath due = Api.as(COMMUNE).get(report(held.child())).then().statusCode(200).extract().jsonPath();
        assertThat(due.getString("retention.leftCareOn")).isEqualTo("2020-01-15");
        assertThat(due.getString("retention.dueOn")).isEqualTo("2025-01-15");
        List<Object> beforeYear = export("2020");
        List<Object> beforeQuarter = export("2020-Q1");

        // Two instances running the rule together share the work: each record is anonymised once.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Retention.Outcome>> both = List.of(retention::run, retention::run);
            List<Future<Retention.Outcome>> runs = pool.invokeAll(both);
            int anonymised = 0;
            for (Future<Retention.Outcome> run : runs) {
                anonymised += run.get().childrenAnonymised();
            }
            assertThat(anonymised).isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(retention.run().childrenAnonymised()).as("a later run finds nothing more").isZero();

        assertThat(export("2020")).isEqualTo(beforeYear);
        assertThat(export("2020-Q1")).isEqualTo(beforeQuarter);

        JsonPath child = Api.as(COMMUNE).get(ChildFixtures.CHILDREN + "/" + held.child()).then().statusCode(200).extract().jsonPath();
        assertThat(child.getString("fullName")).isEqualTo(Retention.ANONYMOUS);
        assertThat(child.getString("anonymisedAt")).isNotNull();
        assertThat(child.getMap("")).doesNotContainKeys("personalId", "address", "healthInsuranceCard", "note");
        assertThat(child.getList("caregivers")).isEmpty();
        assertThat(child.getString("dateOfBirth")).isEqualTo("2012-05-05");
        assertThat(child.getString("sex")).isEqualTo("MALE");
        Api.as(COMMUNE).header("If-Match", ChildFixtures.etagOf(COMMUNE, held.child())).contentType("application/merge-patch+json")
                .body(Map.of("note", "again")).patch(ChildFixtures.CHILDREN + "/" + held.child())
                .then().statusCode(409).body("code", equalTo("CHILD_ANONYMISED"));
        Api.badRequestAs(COMMUNE).contentType("application/json").body(Map.of("childId", held.child().toString(),
                        "type", "COUNSELLING", "protectionLevel", "SUPPORT", "startDate", "2026-01-01"))
                .post("/api/v1/interventions").then().statusCode(400).body("violations.field", hasItem("childId"));

        JsonPath kase = Api.as(COMMUNE).get(CASES + "/" + held.caseId()).then().statusCode(200).extract().jsonPath();
        assertThat(kase.getMap("")).doesNotContainKeys("summary", "reporter");
        assertThat(kase.getList("abuseForms")).containsExactly("VIOLENCE");
        Api.as(COMMUNE).get(CASES + "/" + held.caseId() + "/timeline").then().statusCode(200)
                .body("items.findAll { it.note != null }", hasSize(0));
        Api.as(COMMUNE).get(CASES + "/" + held.caseId() + "/plan").then().statusCode(200)
                .body("items[0].responsiblePerson", equalTo("***")).body("items[0].provider", nullValue());
        Api.as(COMMUNE).get("/api/v1/interventions/" + held.supportId()).then().statusCode(200)
                .body("provider", nullValue()).body("note", nullValue()).body("type", equalTo("COUNSELLING"));
        JsonPath history = Api.as(COMMUNE).get(ChildFixtures.CHILDREN + "/" + held.child() + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items.findAll { it.before != null || it.after != null }")).isEmpty();
        assertThat(history.getList("items.findAll { it.action == 'ANONYMISE' }.actor")).containsExactly(Retention.ACTOR);
        assertThat(history.getList("items.findAll { it.action == 'CREATE' }.erasedAt")).doesNotContainNull();

        assertThat(storedText(held)).as("rows that still hold what identifies the child or the reporter").isEmpty();
        Api.as(COMMUNE).get(ChildFixtures.CHILDREN + "/" + recent.child()).then().statusCode(200)
                .body("fullName", equalTo(recent.name())).body("anonymisedAt", nullValue());
    }

    @Test
    void oldImportFilesAndStoredAnswersAreErased() {
        String personalId = "020218" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000)).substring(0, 4);
        String csv = "Họ và tên,Ngày sinh,Giới tính,Mã thôn,Số định danh cá nhân\r\n"
                + "Triệu Văn " + ChildFixtures.uniqueWord() + ",12/03/2018,MALE,06283_11," + personalId + "\r\n";
        String job = ImportJobs.start("commune.yenphuc", "kind=children&dryRun=true", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        ImportJobs.finished(COMMUNE, job);
        Api.as(COMMUNE).get("/api/v1/imports/" + job + "/errors").then().statusCode(200).body("items.value", hasItem(personalId));
        String key = "retention-" + UUID.randomUUID();
        Map<String, Object> body = ChildFixtures.boy("Lò Văn " + ChildFixtures.uniqueWord());
        Api.as(COMMUNE).header("Idempotency-Key", key).contentType("application/json").body(body).post(ChildFixtures.CHILDREN)
                .then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update import_job set finished_at = now() - interval '31 days' where id = cast(?1 as uuid)")
                    .setParameter(1, job).executeUpdate();
            em.createNativeQuery("update idempotency_record set created_at = now() - interval '25 hours' where idem_key = ?1")
                    .setParameter(1, key).executeUpdate();
        });

        Retention.Outcome outcome = retention.run();
        assertThat(outcome.importFilesErased()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.idempotentAnswersDeleted()).isGreaterThanOrEqualTo(1);

        Api.as(COMMUNE).get("/api/v1/imports/" + job).then().statusCode(200).body("fileErasedAt", notNullValue());
        Api.as(COMMUNE).get("/api/v1/imports/" + job + "/errors").then().statusCode(200)
                .body("items.value", everyItem(nullValue())).body("items.message", hasSize(1));
        Number left = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery("""
                        select octet_length(content) + (select count(*) from idempotency_record where idem_key = ?2)
                        from import_job where id = cast(?1 as uuid)""")
                .setParameter(1, job).setParameter(2, key).getSingleResult());
        assertThat(left.longValue()).isZero();
    }

    void backdateClosure(UUID caseId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update child_case set closed_at = timestamptz '2020-01-12 03:00:00+00' where id = ?1")
                .setParameter(1, caseId).executeUpdate());
    }

    /**
     * The rows about the child in every table that held a text of theirs, searched for the name,
     * the number, the caregiver, the reporter, the provider and the case's words.
     */
    List<String> storedText(Held held) {
        String[] values = {held.name(), held.personalId(), "Lục Thị Hiền", REPORTER, "Nhà bà Lục Thị Mơ", "Nông Thị Hoa", "vết bầm",
                "Mẹ có khả năng", "Bố đi làm xa", "Gia đình khó khăn"};
        Map<String, String> rowsOfChild = Map.of(
                "child", "id = cast(:child as uuid)",
                "child_episode", "child_id = cast(:child as uuid)",
                "child_consent", "child_id = cast(:child as uuid)",
                "child_case", "child_id = cast(:child as uuid)",
                "case_event", "case_id = cast(:case as uuid)",
                "case_plan_version", "case_id = cast(:case as uuid)",
                "intervention", "child_id = cast(:child as uuid)",
                "audit_event", "record_id in (:child, :case, :support, :household)");
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> found = new ArrayList<>();
            rowsOfChild.forEach((table, where) -> {
                for (String value : values) {
                    var query = em.createNativeQuery("select count(*) from " + table + " t where " + where
                            + " and strpos(cast(t as text), :value) > 0").setParameter("value", value);
                    Map.of("child", held.child().toString(), "case", held.caseId(), "support", held.supportId(),
                            "household", held.householdId()).forEach((name, id) -> {
                        if (where.contains(":" + name)) {
                            query.setParameter(name, id);
                        }
                    });
                    Number hits = (Number) query.getSingleResult();
                    if (hits.longValue() > 0) {
                        found.add(table + ": " + value);
                    }
                }
            });
            return found;
        });
    }

    private static List<Object> export(String period) {
        return Api.as(COMMUNE).queryParam("unit", "06283").queryParam("period", period).get("/api/v1/exports/circular-13")
                .then().statusCode(200).extract().jsonPath().getList("indicators");
    }

    private static String text(byte[] workbook) throws IOException {
        StringBuilder all = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        all.append(cell.toString()).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
