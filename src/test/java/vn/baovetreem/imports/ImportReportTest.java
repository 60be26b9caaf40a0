package vn.baovetreem.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.baovetreem.testing.ImportJobs.finished;
import static vn.baovetreem.testing.ImportJobs.start;

/**
 * The report a commune officer gets for a file of the mistakes real spreadsheets hold, several
 * on a row: every problem, under the file's own column names, in the language of its headers
 * unless the reader asks for another.
 */
@QuarkusTest
class ImportReportTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The officer's own headers: short forms among them. */
    private static final List<String> VIETNAMESE = List.of("Họ tên", "Ngày sinh", "Giới tính", "Mã thôn", "Số định danh",
            "Người chăm sóc", "Quan hệ với trẻ", "Điện thoại người chăm sóc", "Ghi chú");
    private static final List<String> ENGLISH = List.of("fullName", "dateOfBirth", "sex", "villageCode", "personalId",
            "caregiverName", "caregiverRelationship", "caregiverPhone", "note");

    /** Rows 2 and 6 are good; rows 3, 4 and 5 have three problems each. */
    private static List<List<String>> rows(String word) {
        return List.of(
                List.of("Hà Văn " + word + " Tốt", "2018-03-12", "MALE", "06283_14", "", "", "", "", ""),
                // No name, a day that does not exist, a sex code that is not one.
                List.of("", "31/02/2018", "X", "06283_14", "", "", "", "", ""),
                // No sex, and a caregiver's phone without the caregiver's name or relationship.
                List.of("Hà Thị " + word + " Thiếu", "2018-01-01", "", "06283_14", "", "", "", "0912345678", ""),
                // A 201-character name, a 5,000-character note, and a girl's personal ID on a boy: the
                // rules still check the ID on a row whose fields fail.
                List.of("Hà Văn " + word + " " + "a".repeat(200), "2018-05-05", "MALE", "06283_14", "020318000123", "", "", "",
                        "x".repeat(5000)),
                List.of("Hà Thị " + word + " Tốt", "2019-07-01", "FEMALE", "06283_14", "", "", "", "", ""));
    }

    @Test
    void aFileOfOrdinaryMistakesGetsAWholeReportInTheOfficersOwnWordsAndWritesOnlyTheGoodRowsWhenAllowed() throws IOException {
        String word = "Baocao" + System.nanoTime() % 1_000_000;
        for (byte[] file : List.of(csv(VIETNAMESE, rows(word)), xlsx(VIETNAMESE, rows(word)))) {
            String type = file[0] == 'P' ? XLSX : "text/csv";
            String id = start("cp-importer", "kind=children", type, file);
            JsonPath job = finished("cp-importer", id);
            assertThat(job.getString("status")).isEqualTo("FAILED");
            assertThat(job.getInt("progress.rowsInvalid")).isEqualTo(3);
            assertThat(Api.as("cp-importer").get(IMPORTS + "/" + id).then().extract().path("message").toString())
                    .isEqualTo("3 trên 5 dòng có lỗi (xem danh sách lỗi); chưa ghi dữ liệu nào.");

            Response report = Api.as("cp-importer").get(IMPORTS + "/" + id + "/errors");
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.header("Content-Language")).isEqualTo("vi");
            Map<Integer, Map<String, String>> byRow = byRow(report.jsonPath());
            assertThat(byRow.keySet()).containsExactly(3, 4, 5);
            assertThat(byRow.get(3)).containsOnlyKeys("Họ tên", "Ngày sinh", "Giới tính");
            assertThat(byRow.get(3).get("Họ tên")).isEqualTo("không được để trống");
            assertThat(byRow.get(3).get("Ngày sinh")).isEqualTo("không phải là ngày (yyyy-MM-dd hoặc dd/MM/yyyy)");
            assertThat(byRow.get(3).get("Giới tính")).startsWith("không phải là mã trong danh mục sexes");
            assertThat(byRow.get(4)).containsOnlyKeys("Giới tính", "Người chăm sóc", "Quan hệ với trẻ");
            assertThat(byRow.get(5)).containsOnlyKeys("Họ tên", "Ghi chú", "Số định danh");
            assertThat(byRow.get(5).get("Họ tên")).isEqualTo("độ dài phải từ 0 đến 200");
            assertThat(valueOf(report.jsonPath(), 5, "Ghi chú")).as("an over-long cell is cut").isEqualTo("x".repeat(200) + "…");
            assertThat(valueOf(report.jsonPath(), 5, "Họ tên"))
                    .isEqualTo(("Hà Văn " + word + " " + "a".repeat(200)).substring(0, 200) + "…");
            assertThat(byRow.get(5).get("Số định danh"))
                    .isEqualTo("số định danh cá nhân có chữ số thứ 4 (3) dành cho trẻ nữ, nhưng giới tính của trẻ là MALE");

            Response english = Api.as("cp-importer").header("Accept-Language", "en-GB,en;q=0.9").get(IMPORTS + "/" + id + "/errors");
            assertThat(english.header("Content-Language")).isEqualTo("en");
            assertThat(byRow(english.jsonPath()).get(3).get("Họ tên")).isEqualTo("must not be blank");
            String sheet = Api.as("cp-importer").accept("text/csv").get(IMPORTS + "/" + id + "/errors").then().statusCode(200)
                    .extract().asString();
            assertThat(sheet).startsWith("\uFEFFDòng,Cột,Giá trị,Lỗi").contains("3,Họ tên,,không được để trống");
            assertThat(ImportApiTest.childrenNamed(word)).isZero();
        }

        JsonPath partial = finished("cp-importer", start("cp-importer", "kind=children&allowPartial=true", "text/csv",
                csv(VIETNAMESE, rows(word))));
        assertThat(partial.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(partial.getInt("progress.rowsWritten")).isEqualTo(2);
        assertThat(ImportApiTest.childrenNamed(word)).isEqualTo(2);
    }

    @Test
    void aFileWithTheApisFieldNamesGetsItsReportInEnglishUnlessVietnameseIsAskedFor() {
        String word = "Report" + System.nanoTime() % 1_000_000;
        String id = start("cp-importer", "kind=children&dryRun=true&allowPartial=true", "text/csv", csv(ENGLISH, rows(word)));
        finished("cp-importer", id);
        assertThat(Api.as("cp-importer").get(IMPORTS + "/" + id).then().extract().path("message").toString())
                .isEqualTo("Dry run: 2 rows would be written, 3 have problems; nothing was written.");
        Response report = Api.as("cp-importer").get(IMPORTS + "/" + id + "/errors");
        assertThat(report.header("Content-Language")).isEqualTo("en");
        assertThat(byRow(report.jsonPath()).get(3)).containsEntry("fullName", "must not be blank")
                .containsEntry("dateOfBirth", "is not a date (yyyy-MM-dd or dd/MM/yyyy)");

        Response vietnamese = Api.as("cp-importer").header("Accept-Language", "vi-VN, en;q=0.5").get(IMPORTS + "/" + id);
        assertThat(vietnamese.header("Content-Language")).isEqualTo("vi");
        assertThat(vietnamese.jsonPath().getString("message"))
                .isEqualTo("Chạy thử: 2 dòng sẽ được ghi, 3 dòng có lỗi; chưa ghi dữ liệu nào.");
    }

    @Test
    void aLineOfAJsonLinesFileThatIsNotAnObjectIsAProblemOfItsRow() {
        String word = "Dongjson" + System.nanoTime() % 1_000_000;
        String good = "{\"fullName\":\"Hà Văn " + word + "\",\"dateOfBirth\":\"2018-03-12\",\"sex\":\"MALE\",\"villageCode\":\"06283_14\"}\n";
        String id = start("cp-importer", "kind=children&allowPartial=true", "application/jsonl",
                (good + "{\"fullName\": \"Hà Văn cắt ngang\n[1, 2]\n" + good.replace(word, word + " Hai"))
                        .getBytes(StandardCharsets.UTF_8));
        JsonPath job = finished("cp-importer", id);
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("progress.rowsInvalid")).isEqualTo(2);
        Map<Integer, Map<String, String>> byRow = byRow(Api.as("cp-importer").get(IMPORTS + "/" + id + "/errors").jsonPath());
        assertThat(byRow).containsOnlyKeys(2, 3);
        assertThat(byRow.get(2)).containsExactly(Map.entry("", "is not a JSON object"));
        assertThat(ImportApiTest.childrenNamed(word)).isEqualTo(2);
    }

    /** What the report repeats of the cell of {@code row} in {@code column}. */
    private static String valueOf(JsonPath report, int row, String column) {
        List<Map<String, Object>> items = report.getList("items");
        return items.stream().filter(i -> i.get("row").equals(row) && i.get("column").equals(column)).map(i -> (String) i.get("value"))
                .findFirst().orElseThrow();
    }

    /** Each row's problems: message by column. */
    private static Map<Integer, Map<String, String>> byRow(JsonPath report) {
        List<Map<String, Object>> items = report.getList("items");
        return items.stream().collect(Collectors.groupingBy(i -> (Integer) i.get("row"), java.util.TreeMap::new,
                Collectors.toMap(i -> (String) i.get("column"), i -> (String) i.get("message"))));
    }

    private static byte[] csv(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        rows.forEach(r -> out.append(String.join(",", r)).append("\r\n"));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<String> header, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Trẻ em");
            List<List<String>> all = new java.util.ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    if (!all.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(all.get(r).get(c));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
