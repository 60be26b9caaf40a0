package vn.baovetreem.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ReportApiTest {

    private static final String REPORTS = "/api/v1/reports";
    private static final String COMMUNE = "commune.yenphuc";
    private static final String DISTRICT = "district.langson";

    static String report(String who, String commune, String period) {
        return Api.as(who).contentType("application/json").body(Map.of("communeCode", commune, "period", period))
                .post(REPORTS).then().statusCode(201).extract().path("id");
    }

    static String etag(String who, String id) {
        return Api.as(who).get(REPORTS + "/" + id).then().statusCode(200).extract().header("ETag");
    }

    static Response act(String who, String id, Map<String, String> body) {
        return Api.as(who).header("If-Match", etag(who, id)).contentType("application/json").body(body)
                .post(REPORTS + "/" + id + "/transitions");
    }

    static void write(String id, String results) {
        Api.as(COMMUNE).header("If-Match", etag(COMMUNE, id)).contentType("application/merge-patch+json")
                .body(Map.of("results", results, "difficulties", "Kinh phí còn hạn chế", "proposals", "Đề nghị huyện hỗ trợ"))
                .patch(REPORTS + "/" + id).then().statusCode(200);
    }

    private static int population(JsonPath snapshot) {
        return snapshot.getInt("content.indicators.indicators.find { it.key == 'child-population' }.values[0].numerator");
    }

    @Test
    void aSubmissionIsFrozenAndAReturnedReportKeepsBothVersions() throws IOException {
        String plan = Api.as(COMMUNE).contentType("application/json")
                .body(Map.of("communeCode", "06298", "year", 2025, "title", "Kế hoạch công tác trẻ em năm 2025"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        Api.as(COMMUNE).contentType("application/json").body(Map.of("description", "Duy trì cơ sở dữ liệu trẻ em",
                        "measure", Map.of("kind", "INDICATOR", "indicatorKey", "records-with-personal-id"), "targetValue", 95, "unit", "PERCENT",
                        "comparison", "AT_LEAST"))
                .post("/api/v1/plans/" + plan + "/targets").then().statusCode(201);
        String title = "Phát thanh phòng chống đuối nước " + System.nanoTime();
        Api.as(COMMUNE).contentType("application/json").body(Map.of("unitCode", "06283_12", "heldOn", "2025-09-01",
                        "channel", "VILLAGE_LOUDSPEAKER", "topics", List.of("DROWNING_PREVENTION"), "title", title, "organiser", "Trưởng thôn",
                        "adultsReached", 80))
                .post("/api/v1/awareness-activities").then().statusCode(201);

        String id = report(COMMUNE, "06298", "2025");
        act(COMMUNE, id, Map.of("action", "SUBMIT")).then().statusCode(400).body("violations[0].field", equalTo("results"));
        write(id, "Năm 2025 xã đã hoàn thành các mục tiêu chính.");
        act(COMMUNE, id, Map.of("action", "SUBMIT")).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("allowedActions", org.hamcrest.Matchers.empty());
        JsonPath first = Api.as(COMMUNE).get(REPORTS + "/" + id + "/versions/1").then().statusCode(200).extract().jsonPath();
        int before = population(first);
        assertThat(first.getString("content.period.cutOff")).isEqualTo("2025-10-31");
        assertThat(first.getList("content.awareness.activities.title")).contains(title);
        assertThat(first.getString("content.progress.plan.id")).isEqualTo(plan);
        assertThat(first.getString("content.narrative.results")).startsWith("Năm 2025");

        // A child registered afterwards changes the live figures, never the submitted version.
        TestChildren.register("06283_12", "2019-05-05", "Báo cáo");
        act(COMMUNE, id, Map.of("action", "ACCEPT")).then().statusCode(403);
        act(DISTRICT, id, Map.of("action", "RETURN")).then().statusCode(400);
        act(DISTRICT, id, Map.of("action", "RETURN", "comment", "Bổ sung số liệu trẻ em được học bơi.")).then().statusCode(200)
                .body("status", equalTo("RETURNED"));
        act(DISTRICT, id, Map.of("action", "ACCEPT")).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        write(id, "Năm 2025 xã đã hoàn thành các mục tiêu chính; đã bổ sung số liệu học bơi.");
        act(COMMUNE, id, Map.of("action", "SUBMIT")).then().statusCode(200);
        assertThat(population(Api.as(COMMUNE).get(REPORTS + "/" + id + "/versions/1").then().extract().jsonPath())).isEqualTo(before);
        JsonPath second = Api.as(DISTRICT).get(REPORTS + "/" + id + "/versions/2").then().statusCode(200).extract().jsonPath();
        assertThat(population(second)).isEqualTo(before + 1);
        assertThat(second.getString("content.narrative.results")).contains("học bơi");
        act(DISTRICT, id, Map.of("action", "ACCEPT")).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Api.as(COMMUNE).get(REPORTS + "/" + id).then().statusCode(200)
                .body("versions.number", contains(1, 2))
                .body("versions[0].review.outcome", equalTo("RETURNED"))
                .body("versions[0].review.comment", equalTo("Bổ sung số liệu trẻ em được học bơi."))
                .body("versions[1].review.outcome", equalTo("ACCEPTED"))
                .body("submittedLate", equalTo(true));

        // The aggregator reads what was accepted, not the returned version.
        Api.as("cp-aggregator").get(REPORTS + "/" + id + "/versions/2").then().statusCode(200);
        Api.badRequestAs("cp-aggregator").get(REPORTS + "/" + id + "/versions/1").then().statusCode(404);

        byte[] workbook = Api.as(DISTRICT).accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get(REPORTS + "/" + id + "/versions/2").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("bao-cao_06298_2025_v2.xlsx"))
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet cover = book.getSheetAt(0);
            assertThat(cover.getSheetName()).isEqualTo("Báo cáo");
            assertThat(cover.getRow(1).getCell(0).getStringCellValue()).isEqualTo("XÃ YÊN PHÚC");
            assertThat(cover.getRow(3).getCell(0).getStringCellValue()).isEqualTo("BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC TRẺ EM NĂM 2025");
            assertThat(book.getNumberOfSheets()).isGreaterThan(1);
            // The cover has columns of its own, not the indicator sheets'.
            assertThat(cover.getColumnWidth(1)).isNotEqualTo(book.getSheetAt(1).getColumnWidth(1));
            Row targets = rowStartingWith(cover, "STT");
            Row activities = rowStartingWith(cover, "Ngày");
            for (Row header : List.of(targets, activities)) {
                for (int c = 0; c < 8; c++) {
                    assertThat(header.getCell(c).getStringCellValue()).as("header column " + c).isNotBlank();
                }
            }
            Row activity = null;
            for (int r = activities.getRowNum() + 1; activity == null; r++) {
                activity = title.equals(cover.getRow(r).getCell(1).getStringCellValue()) ? cover.getRow(r) : null;
            }
            assertThat(activity.getCell(0).getStringCellValue()).isEqualTo("01/09/2025");
            assertThat(cover.getColumnWidth(0) / 256).as("the date column").isGreaterThanOrEqualTo(10);
            assertThat(activity.getCell(4).getStringCellValue()).as("the village by name").doesNotContain("06283_12").isNotBlank();
            assertThat(activity.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(activity.getCell(5).getNumericCellValue()).isEqualTo(80);
            Row target = cover.getRow(targets.getRowNum() + 1);
            assertThat(target.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(target.getCell(3).getStringCellValue()).isEqualTo("≥ 95%");
            assertThat(target.getCell(4).getStringCellValue()).as("a percentage with a decimal comma").matches("\\d+(,\\d+)?%");
            String period = book.getSheetAt(1).getRow(5).getCell(0).getStringCellValue();
            assertThat(period).contains("từ 01/01/2025 đến 31/10/2025").doesNotContain("2025-01-01");
        }
    }

    private static Row rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING && row.getCell(0).getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("No row starts with " + text);
    }

    @Test
    void theDistrictSeesEveryCommunesStatus() {
        String draft = report("commune.vanquan", "06253", "2023");
        String anSon = report(COMMUNE, "06283", "2023");
        write(anSon, "Kết quả năm 2023.");
        act(COMMUNE, anSon, Map.of("action", "SUBMIT")).then().statusCode(200);
        Api.badRequestAs(COMMUNE).contentType("application/json").body(Map.of("communeCode", "06283", "period", "2023"))
                .post(REPORTS).then().statusCode(409).body("code", equalTo("REPORT_EXISTS"));

        JsonPath list = Api.as(DISTRICT).queryParam("unit", "184").queryParam("period", "2023").get(REPORTS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getMap("items.find { it.communeCode == '06283' }")).containsEntry("status", "SUBMITTED")
                .containsEntry("submittedLate", true).containsEntry("reportId", anSon);
        assertThat(list.getMap("items.find { it.communeCode == '06253' }")).containsEntry("status", "LATE")
                .containsEntry("reportId", draft);
        assertThat(list.getMap("items.find { it.communeCode == '06256' }")).containsEntry("status", "LATE");
        assertThat(list.getList("items.communeCode")).contains("06253", "06256", "06283", "06298");

        report(COMMUNE, "06298", "2027-H1");
        Api.as(DISTRICT).queryParam("unit", "20").queryParam("period", "2027-H1").get(REPORTS).then().statusCode(200)
                .body("items.find { it.communeCode == '06298' }.status", equalTo("DRAFT"))
                .body("items.find { it.communeCode == '06253' }.status", equalTo("MISSING"))
                .body("period.dueOn", equalTo("2027-05-10"));
        act(COMMUNE, report(COMMUNE, "06283", "2024-H1"), Map.of("action", "ACCEPT")).then().statusCode(403);

        act(DISTRICT, anSon, Map.of("action", "ACCEPT")).then().statusCode(200);
        Api.as("cp-aggregator").queryParam("unit", "184").queryParam("period", "2023").get(REPORTS).then().statusCode(200)
                .body("items.communeCode", contains("06283")).body("items[0].status", equalTo("ACCEPTED"));
        Api.as("cp-aggregator").get(REPORTS + "/" + anSon).then().statusCode(200).body("narrative.results", notNullValue());
        Api.badRequestAs("cp-aggregator").get(REPORTS + "/" + draft).then().statusCode(404);
        Api.badRequestAs("commune.vanquan").get(REPORTS + "/" + anSon).then().statusCode(404);
    }

    @Test
    void periodsHaveDefaultsAnAdminMayChange() {
        Api.as("cp-aggregator").get("/api/v1/reporting-periods/2031").then().statusCode(200)
                .body("items.label", contains("2031-H1", "2031"))
                .body("items.dueOn", contains("2031-05-10", "2031-11-10"))
                .body("items.configured", contains(false, false));
        Api.badRequestAs("admin").contentType("application/json")
                .body(Map.of("items", List.of(Map.of("kind", "SIX_MONTH", "startsOn", "2031-01-01", "cutOff", "2031-06-30", "dueOn", "2031-06-01"))))
                .put("/api/v1/reporting-periods/2031").then().statusCode(400).body("violations.field", hasItem("items[0].dueOn"));
        Api.as("admin").contentType("application/json")
                .body(Map.of("items", List.of(Map.of("kind", "SIX_MONTH", "startsOn", "2031-01-01", "cutOff", "2031-05-31", "dueOn", "2031-06-15"))))
                .put("/api/v1/reporting-periods/2031").then().statusCode(200)
                .body("items.find { it.kind == 'SIX_MONTH' }.dueOn", equalTo("2031-06-15"))
                .body("items.configured", containsInAnyOrder(true, false));
        Api.badRequestAs(COMMUNE).contentType("application/json")
                .body(Map.of("items", List.of(Map.of("kind", "ANNUAL", "startsOn", "2031-01-01", "cutOff", "2031-10-31", "dueOn", "2031-11-10"))))
                .put("/api/v1/reporting-periods/2031").then().statusCode(403);
    }
}
