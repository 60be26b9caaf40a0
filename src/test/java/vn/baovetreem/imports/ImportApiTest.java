package vn.baovetreem.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.baovetreem.testing.ImportJobs.finished;
import static vn.baovetreem.testing.ImportJobs.start;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ImportApiTest {

    @Inject
    EntityManager em;

    @Inject
    ImportJobs jobs;

    private static final String IMPORTS = "/api/v1/imports";
    private static final String HEADER = "Họ và tên,Ngày sinh,Giới tính,Mã thôn,Số định danh cá nhân,Mã tham chiếu ngoài,Địa chỉ\r\n";
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 900_000) + 50_000);

    /** A valid personal identification number of a boy of Lạng Sơn born in 2018. */
    static String boy2018() {
        return "020218" + String.format("%06d", SERIAL.incrementAndGet() % 1_000_000);
    }

    static int childrenNamed(String word) {
        return Api.as("commune.yenphuc").queryParam("q", word).queryParam("pageSize", "200").get("/api/v1/children")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void aFileWithBadRowsWritesNothingUnlessPartialImportsAreAllowed() {
        String word = "Nhapa" + SERIAL.incrementAndGet();
        String id = boy2018();
        String csv = HEADER
                + "Triệu Văn " + word + " Một,12/03/2018,MALE,06283_11," + id + ",,\r\n"
                + "\"Triệu Thị " + word + " Hai\",2019-07-01,FEMALE,06283_11,,EXT-" + word + ",\"Xóm Trên, đầu cầu\"\r\n"
                + "Triệu Văn " + word + " Ba,2018-05-05,MALE,06283_11,0202180000,,\r\n"
                + "Triệu Văn " + word + " Bốn,2018-05-05,MALE,06283_99,,,\r\n"
                + "Triệu Văn " + word + " Năm,2031-01-01,MALE,06283_11,,,\r\n"
                + "Triệu Văn " + word + " Sáu,2018-05-05,MALE,06253_01,,,\r\n"
                + "Triệu Văn " + word + " Bảy,2018-05-05,MALE,06283_11," + id + ",,\r\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        String failed = start("cp-importer", "kind=children", "text/csv", file);
        JsonPath job = finished("cp-importer", failed);
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getInt("progress.rowsRead")).isEqualTo(7);
        assertThat(job.getInt("progress.rowsInvalid")).isEqualTo(5);
        assertThat(job.getInt("progress.rowsWritten")).isZero();
        JsonPath errors = Api.as("cp-importer").header("Accept-Language", "en").get(IMPORTS + "/" + failed + "/errors").then().statusCode(200).extract().jsonPath();
        assertThat(errors.getList("items.row", Integer.class)).containsExactly(4, 5, 6, 7, 8);
        assertThat(errors.getList("items.column", String.class)).containsExactly("Số định danh cá nhân", "Mã thôn", "Ngày sinh",
                "Mã thôn", "Số định danh cá nhân");
        assertThat(errors.getString("items.find { it.row == 8 }.message")).contains("earlier row");
        assertThat(childrenNamed(word)).isZero();
        Api.as("cp-importer").header("Accept-Language", "en").accept("text/csv").get(IMPORTS + "/" + failed + "/errors").then().statusCode(200)
                .body(containsString("row,column,value,message")).body(containsString("06283_99"));

        String partial = start("commune.yenphuc", "kind=children&allowPartial=true", "text/csv", file);
        job = finished("commune.yenphuc", partial);
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("progress.rowsWritten")).isEqualTo(2);
        assertThat(childrenNamed(word)).isEqualTo(2);
        Api.as("commune.yenphuc").queryParam("externalRef", "EXT-" + word).get("/api/v1/children").then().statusCode(200)
                .body("items[0].fullName", equalTo("Triệu Thị " + word + " Hai"));
    }

    @Test
    void theSameFileImportedTwiceInUpsertModeChangesNothingTheSecondTime() {
        String word = "Nhapb" + SERIAL.incrementAndGet();
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            lines.append("{\"fullName\":\"Lộc Văn ").append(word).append(" ").append(i).append("\",\"dateOfBirth\":\"2017-0").append(i)
                    .append("-10\",\"sex\":\"MALE\",\"villageCode\":\"06283_12\",\"externalRef\":\"QLTE-").append(word).append("-")
                    .append(i).append("\",\"address\":\"Xóm ").append(i).append("\"}\n");
        }
        byte[] file = lines.toString().getBytes(StandardCharsets.UTF_8);
        String query = "kind=children&mode=UPSERT&matchBy=EXTERNAL_REF";

        JsonPath first = finished("cp-importer", start("cp-importer", query, "application/jsonl", file));
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(first.getInt("progress.rowsWritten")).isEqualTo(3);
        String history = Api.as("commune.yenphuc").queryParam("externalRef", "QLTE-" + word + "-2").get("/api/v1/children")
                .then().extract().path("items[0].id");
        int events = Api.as("commune.yenphuc").get("/api/v1/children/" + history + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items").size();

        JsonPath second = finished("cp-importer", start("cp-importer", query, "application/jsonl", file));
        assertThat(second.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(second.getInt("progress.rowsWritten")).isZero();
        assertThat(second.getInt("progress.rowsUnchanged")).isEqualTo(3);
        assertThat(childrenNamed(word)).isEqualTo(3);
        assertThat(Api.as("commune.yenphuc").get("/api/v1/children/" + history + "/history").then().extract().jsonPath()
                .getList("items")).hasSize(events);

        byte[] moved = lines.toString().replace("\"Xóm 2\"", "\"Xóm Mới\"").getBytes(StandardCharsets.UTF_8);
        JsonPath third = finished("cp-importer", start("cp-importer", query, "application/jsonl", moved));
        assertThat(third.getInt("progress.rowsWritten")).isEqualTo(1);
        assertThat(third.getInt("progress.rowsUnchanged")).isEqualTo(2);

        JsonPath again = finished("cp-importer", start("cp-importer", "kind=children&matchBy=EXTERNAL_REF", "application/jsonl", file));
        assertThat(again.getString("status")).isEqualTo("FAILED");
        assertThat(again.getInt("progress.rowsInvalid")).isEqualTo(3);
    }

    @Test
    void aFileOfSeveralSlicesIsReadWhole() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; csv.length() < 2.5 * ImportJobs.SLICE; i++) {
            csv.append("Nông Văn Lát ").append(i).append(",2016-01-01,MALE,06283_13,,LAT-").append(i).append(",Xóm ").append(i % 9).append("\r\n");
        }
        int rows = (int) csv.chars().filter(c -> c == '\n').count() - 1;
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();
        String id = Api.as("cp-importer").header("Idempotency-Key", key).contentType("text/csv").body(file)
                .post(IMPORTS + "?kind=children&dryRun=true").then().statusCode(202).body("fileSize", equalTo(file.length))
                .extract().path("id");
        JsonPath dry = finished("cp-importer", id);
        assertThat(dry.getString("status")).as(dry.getString("message")).isEqualTo("SUCCEEDED");
        assertThat(dry.getInt("progress.rowsRead")).isEqualTo(rows);
        assertThat(dry.getInt("progress.rowsValid")).isEqualTo(rows);

        // A retried upload is the same job; the same key with another file is refused.
        Api.as("cp-importer").header("Idempotency-Key", key).contentType("text/csv").body(file)
                .post(IMPORTS + "?kind=children&dryRun=true").then().statusCode(202).body("id", equalTo(id));
        file[file.length - 3] = (byte) (file[file.length - 3] == '1' ? '2' : '1');
        Api.badRequestAs("cp-importer").header("Idempotency-Key", key).contentType("text/csv").body(file)
                .post(IMPORTS + "?kind=children&dryRun=true").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aJobWhoseInstanceStoppedRunsAgainFromTheStartOrFailsAfterThreeAttempts() {
        String word = "Nhapd" + SERIAL.incrementAndGet();
        byte[] file = (HEADER + "Hà Văn " + word + ",2016-01-01,MALE,06283_14,,,\r\n").getBytes(StandardCharsets.UTF_8);
        String resumed = start("cp-importer", "kind=children&dryRun=true", "text/csv", file);
        String abandoned = start("cp-importer", "kind=children&dryRun=true", "text/csv", file);
        finished("cp-importer", resumed);
        finished("cp-importer", abandoned);
        // As if the instance running them had stopped five minutes ago, mid-way.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update import_job set status = 'RUNNING', heartbeat_at = now() - interval '5 minutes', rows_read = 1,
                               attempts = case when id = ?2 then 3 else 1 end
                        where id in (?1, ?2)""")
                .setParameter(1, UUID.fromString(resumed)).setParameter(2, UUID.fromString(abandoned)).executeUpdate());

        assertThat(jobs.requeueStale(ImportRunner.STALE, Instant.now())).isEqualTo(1);
        JsonPath failed = Api.as("cp-importer").header("Accept-Language", "en").get(IMPORTS + "/" + abandoned).then().extract().jsonPath();
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("message")).contains("3 times").contains("new Idempotency-Key");
        assertThat(failed.getBoolean("retryable")).isTrue();
        JsonPath again = finished("cp-importer", resumed);
        assertThat(again.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(again.getInt("progress.rowsRead")).isEqualTo(1);
    }

    @Test
    void aRunStoppedByAFaultOfTheServiceRunsAgainAndARunTakenOverChangesNothing() {
        String word = "Nhapf" + SERIAL.incrementAndGet();
        byte[] file = (HEADER + "Hà Văn " + word + ",2016-01-01,MALE,06283_14,,,\r\n").getBytes(StandardCharsets.UTF_8);
        String id = start("cp-importer", "kind=children", "text/csv", file);
        JsonPath done = finished("cp-importer", id);
        assertThat(done.getString("status")).as(done.getString("message")).isEqualTo("SUCCEEDED");
        assertThat(done.getMap("$")).doesNotContainKey("retryable");
        // As if the run were its second attempt, stopped part-way by a fault with one error stored.
        UUID job = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update import_job set status = 'RUNNING', attempts = 2, rows_read = 1, rows_written = 1, finished_at = null
                        where id = ?1""").setParameter(1, job).executeUpdate());
        ImportJobs.Claim second = new ImportJobs.Claim(job, 2);

        // A run of an earlier attempt (taken over, then woken) can no longer say anything of the job.
        ImportJobs.Claim first = new ImportJobs.Claim(job, 1);
        assertThat(jobs.heartbeat(first)).isFalse();
        assertThat(jobs.finish(first, ImportStatus.FAILED, "stale", Instant.now())).isFalse();
        assertThat(jobs.heartbeat(second)).isTrue();

        // The fault puts it back in the queue with nothing to show, to run again after the delay...
        jobs.retryLater(second, java.time.Duration.ofHours(1), Instant.now());
        JsonPath waiting = Api.as("cp-importer").get(IMPORTS + "/" + id).then().extract().jsonPath();
        assertThat(waiting.getString("status")).isEqualTo("QUEUED");
        assertThat(waiting.getInt("progress.rowsRead")).isZero();
        assertThat(waiting.getInt("progress.rowsWritten")).isZero();
        assertThat(em.createNativeQuery("select run_after > clock_timestamp() + interval '50 minutes' from import_job where id = ?1")
                .setParameter(1, job).getSingleResult()).isEqualTo(true);

        // ... and when a fault stops its last attempt, it fails saying how to retry, counting nothing as written.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update import_job set status = 'RUNNING', attempts = ?2, rows_written = 1 where id = ?1")
                .setParameter(1, job).setParameter(2, ImportJobs.MAX_ATTEMPTS).executeUpdate());
        jobs.retryLater(new ImportJobs.Claim(job, ImportJobs.MAX_ATTEMPTS), java.time.Duration.ZERO, Instant.now());
        JsonPath failed = Api.as("cp-importer").header("Accept-Language", "en").get(IMPORTS + "/" + id).then().extract().jsonPath();
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getBoolean("retryable")).isTrue();
        assertThat(failed.getInt("progress.rowsWritten")).isZero();
        assertThat(failed.getString("message")).contains("not because of the file").contains("new Idempotency-Key");
    }

    @Test
    void aFileOfOrdinaryMistakesIsReportedRowByRowWithEveryProblemOfARow() {
        String word = "Nhapg" + SERIAL.incrementAndGet();
        String csv = HEADER
                + ",2016-01-01,MALE,06283_14,,,\r\n"                                  // row 2: no name
                + "Hà Văn Sai,2016-13-45,,06283_14,,,\r\n"                            // row 3: a bad date and no sex
                + "Hà Văn " + "Dài".repeat(67) + ",2016-01-01,MALE,06283_14,,,\r\n"   // row 4: a 205-character name
                + "Hà Thị " + word + ",2016-01-01,FEMALE,06283_14,,,\r\n"             // row 5: good
                + "Hà Văn Xa,2016-01-01,MALE,06283_14,,," + "x".repeat(5000) + "\r\n"; // row 6: a 5,000-character address
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        String failed = start("cp-importer", "kind=children", "text/csv", file);
        JsonPath job = finished("cp-importer", failed);
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("message")).startsWith("4 of 5 rows have problems");
        assertThat(job.getBoolean("retryable")).isFalse();
        assertThat(job.getInt("progress.rowsRead")).isEqualTo(5);
        JsonPath errors = Api.as("cp-importer").header("Accept-Language", "en").get(IMPORTS + "/" + failed + "/errors").then().statusCode(200).extract().jsonPath();
        assertThat(errors.getList("items.row", Integer.class)).containsExactly(2, 3, 3, 4, 6);
        // Named as the file's header names them.
        assertThat(errors.getList("items.column", String.class)).containsExactly("Họ và tên", "Ngày sinh", "Giới tính", "Họ và tên", "Địa chỉ");
        assertThat(childrenNamed(word)).isZero();

        JsonPath partial = finished("cp-importer", start("cp-importer", "kind=children&allowPartial=true", "text/csv", file));
        assertThat(partial.getString("status")).as(partial.getString("message")).isEqualTo("SUCCEEDED");
        assertThat(partial.getInt("progress.rowsWritten")).isEqualTo(1);
        assertThat(childrenNamed(word)).isEqualTo(1);
    }

    @Test
    void codedCellsMayNameTheirCodeByLabelAsSpreadsheetsWriteThem() {
        String word = "Nhapn" + SERIAL.incrementAndGet();
        String csv = "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Mã thôn\r\n"
                + "Hà Thị " + word + " Một,2016-01-01,Nữ,Tày,06283_14\r\n"
                + "Hà Văn " + word + " Hai,2016-01-01,\u00a0 nam\u200b ,kinh (viet),06283_14\r\n" // a no-break and a zero-width space
                + "Hà Văn " + word + " Ba,2016-01-01,Năm,Kinh,06283_14\r\n"; // row 4: "Năm" (five) names no sex
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        JsonPath job = finished("commune.yenphuc", start("commune.yenphuc", "kind=children&allowPartial=true", "text/csv", file));
        assertThat(job.getInt("progress.rowsWritten")).isEqualTo(2);
        JsonPath errors = Api.as("commune.yenphuc").get(IMPORTS + "/" + job.getString("id") + "/errors").then().statusCode(200)
                .extract().jsonPath();
        assertThat(errors.getList("items.row", Integer.class)).containsExactly(4);
        assertThat(errors.getList("items.value", String.class)).containsExactly("Năm");
        JsonPath written = Api.as("commune.yenphuc").queryParam("q", word).queryParam("sort", "-name").get("/api/v1/children")
                .then().statusCode(200).extract().jsonPath();
        assertThat(written.getList("items.sex", String.class)).containsExactly("FEMALE", "MALE");
        assertThat(written.getList("items.ethnicity", String.class)).containsExactly("TAY", "KINH");
    }

    @Test
    void aCaregiverWithoutANameALongNoteOrAStrayQuoteIsReportedNotACrash() {
        String header = "Họ và tên,Ngày sinh,Giới tính,Mã thôn,Điện thoại người chăm sóc,Ghi chú\r\n";
        JsonPath job = finished("cp-importer", start("cp-importer", "kind=children", "text/csv", (header
                + "Hà Văn Gọi,2016-01-01,MALE,06283_14,0912345678,\r\n"
                + "Hà Văn Dài,2016-01-01,MALE,06283_14,," + "x".repeat(5000) + "\r\n"
                + "Hà Văn \"Ngoặc,2016-01-01,MALE,06283_14,,\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("message")).doesNotContain("unexpected");
        assertThat(job.getBoolean("retryable")).isFalse();

        JsonPath unclosed = finished("cp-importer", start("cp-importer", "kind=children", "text/csv", (header
                + "\"Hà Văn Mở,2016-01-01,MALE,06283_14,,\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(unclosed.getString("status")).isEqualTo("FAILED");
        assertThat(unclosed.getString("message")).doesNotContain("unexpected");
        assertThat(unclosed.getBoolean("retryable")).isFalse();
    }

    @Test
    void aFilledInWorkbookTemplateImportsWithItsDatesAndLeadingZeros() throws IOException {
        String word = "Nhape" + SERIAL.incrementAndGet();
        String id = boy2018();
        byte[] template = Api.as("commune.yenphuc").queryParam("format", "xlsx").get(IMPORTS + "/templates/children")
                .then().statusCode(200).extract().asByteArray();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            Row row = sheet.createRow(1);
            for (int i = 0; i < header.getLastCellNum(); i++) {
                switch (header.getCell(i).getStringCellValue()) {
                    case "Số định danh cá nhân" -> row.createCell(i).setCellValue(id);
                    case "Họ và tên" -> row.createCell(i).setCellValue("Hà Văn " + word);
                    case "Ngày sinh" -> row.createCell(i).setCellValue(LocalDate.of(2018, 3, 12));
                    case "Giới tính" -> row.createCell(i).setCellValue("MALE");
                    case "Mã thôn" -> row.createCell(i).setCellValue("06283_15");
                    case "Điện thoại người chăm sóc" -> row.createCell(i).setCellValue("0912345678");
                    case "Người chăm sóc" -> row.createCell(i).setCellValue("Hà Thị Lan");
                    case "Quan hệ với trẻ" -> row.createCell(i).setCellValue("MOTHER");
                    default -> { }
                }
            }
            book.write(out);
            filled = out.toByteArray();
        }
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        JsonPath job = finished("cp-importer", start("cp-importer", "kind=children", xlsx, filled));
        assertThat(job.getString("status")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        Api.as("commune.yenphuc").queryParam("personalId", id).get("/api/v1/children").then().statusCode(200)
                .body("items[0].fullName", equalTo("Hà Văn " + word)).body("items[0].dateOfBirth", equalTo("2018-03-12"));
        Api.badRequestAs("cp-importer").contentType(xlsx).body("not a workbook".getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + "?kind=children").then().statusCode(400);
    }

    @Test
    void oddCellsOfAWorkbookAreRowProblemsNotACrash() throws IOException {
        String word = "Nhaph" + SERIAL.incrementAndGet();
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            Row header = sheet.createRow(0);
            List.of("Họ và tên", "Ngày sinh", "Giới tính", "Mã thôn").forEach(h -> header.createCell(header.getPhysicalNumberOfCells()).setCellValue(h));
            Row huge = sheet.createRow(1);           // a date no calendar has
            huge.createCell(0).setCellValue("Hà Văn Số");
            huge.createCell(1).setCellValue(1e308);
            huge.createCell(2).setCellValue("MALE");
            huge.createCell(3).setCellValue("06283_14");
            Row odd = sheet.createRow(2);            // an error cell, a negative date, a boolean
            odd.createCell(0).setCellErrorValue(FormulaError.DIV0.getCode());
            odd.createCell(1).setCellValue(-5);
            odd.createCell(2).setCellValue(true);
            odd.createCell(3).setCellValue("06283_14");
            Row good = sheet.createRow(3);
            good.createCell(0).setCellValue("Hà Thị " + word);
            good.createCell(1).setCellValue(LocalDate.of(2016, 1, 1));
            good.createCell(2).setCellValue("FEMALE");
            good.createCell(3).setCellValue("06283_14");
            book.write(out);
            workbook = out.toByteArray();
        }
        JsonPath job = finished("cp-importer", start("cp-importer", "kind=children",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook));
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("message")).startsWith("2 of 3 rows have problems");
        assertThat(job.getBoolean("retryable")).isFalse();
        JsonPath errors = Api.as("cp-importer").get(IMPORTS + "/" + job.getString("id") + "/errors").then().statusCode(200)
                .extract().jsonPath();
        assertThat(errors.getList("items.findAll { it.row == 2 }.column", String.class)).containsExactly("Ngày sinh");
        assertThat(errors.getList("items.findAll { it.row == 3 }.column", String.class)).contains("Ngày sinh", "Giới tính");
    }

    @Test
    void uploadsThatCanNeverWorkAreRefusedAtOnce() throws IOException {
        Api.badRequestAs("cp-importer").contentType("text/csv").body("Họ và tên,Ngày sinh,Giới tính,Mã thôn,Tên trường\r\n")
                .post(IMPORTS + "?kind=children").then().statusCode(400).body("code", equalTo("UNKNOWN_OR_MISSING_COLUMNS"))
                .body("violations.field", hasItem("Tên trường"));
        Api.badRequestAs("cp-importer").contentType("text/csv").body("fullName,sex\r\n".getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + "?kind=children").then().statusCode(400).body("violations.field", hasItem("villageCode"));
        Api.badRequestAs("cp-importer").contentType("text/csv")
                .body(new byte[]{'f', 'u', 'l', 'l', 'N', 'a', 'm', 'e', '\n', (byte) 0xC3, (byte) 0x28, '\n'})
                .post(IMPORTS + "?kind=children").then().statusCode(400).body("code", equalTo("NOT_UTF8"));
        Api.badRequestAs("cp-importer").contentType("text/csv").body(HEADER).post(IMPORTS).then().statusCode(400);
        Api.badRequestAs("cp-importer").contentType("application/jsonl").body("[1,2]\n".getBytes(StandardCharsets.UTF_8)).post(IMPORTS + "?kind=children")
                .then().statusCode(400).body("code", equalTo("NOT_JSON_LINES"));
        Api.badRequestAs("village.ichhuu").contentType("text/csv").body(HEADER).post(IMPORTS + "?kind=children").then().statusCode(403);

        String word = "Nhapc" + SERIAL.incrementAndGet();
        byte[] file = (HEADER + "Vi Văn " + word + ",2016-01-01,MALE,06283_13,,,\r\n").getBytes(StandardCharsets.UTF_8);
        JsonPath dry = finished("cp-importer", start("cp-importer", "kind=children&dryRun=true", "text/csv", file));
        assertThat(dry.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(dry.getInt("progress.rowsValid")).isEqualTo(1);
        assertThat(childrenNamed(word)).isZero();
        Api.badRequestAs("commune.vanquan").get(IMPORTS + "/" + start("cp-importer", "kind=children&dryRun=true", "text/csv", file))
                .then().statusCode(404);

        String template = Api.as("cp-importer").get(IMPORTS + "/templates/children").then().statusCode(200).extract().asString();
        assertThat(template).startsWith("\uFEFFSố định danh cá nhân,Họ và tên,Ngày sinh").contains("# Giới tính (sex, sexes): ");
        byte[] workbook = Api.as("commune.yenphuc").queryParam("format", "xlsx").get(IMPORTS + "/templates/children")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Họ và tên");
            assertThat(book.getSheet("sexes")).isNotNull();
        }
        // The template itself is an importable (empty) file: its comment lines are skipped.
        JsonPath empty = finished("cp-importer", start("cp-importer", "kind=children", "text/csv", template.getBytes(StandardCharsets.UTF_8)));
        assertThat(empty.getString("status")).isEqualTo("FAILED");
        assertThat(empty.getString("message")).isEqualTo("The file has no rows.");
    }
}
