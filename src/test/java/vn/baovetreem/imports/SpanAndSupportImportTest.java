package vn.baovetreem.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.baovetreem.testing.ImportJobs.finished;
import static vn.baovetreem.testing.ImportJobs.start;

/** Imports of circumstance spans and supports for children already registered (thôn 06283_16). */
@QuarkusTest
class SpanAndSupportImportTest {

    private static final String IMPORTS = "/api/v1/imports";

    /** Registers two children born in 2018 through a children import and gives their external references. */
    private static List<String> twoChildren(String word) {
        String csv = "fullName,dateOfBirth,sex,villageCode,externalRef\r\n"
                + "Lục Văn " + word + " An,2018-02-01,MALE,06283_16,REF-" + word + "-A\r\n"
                + "Lục Thị " + word + " Bình,2018-05-01,FEMALE,06283_16,REF-" + word + "-B\r\n";
        JsonPath job = finished("cp-importer", start("cp-importer", "kind=children", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(job.getString("status")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        return List.of("REF-" + word + "-A", "REF-" + word + "-B");
    }

    private static String childId(String externalRef) {
        return Api.as("commune.yenphuc").queryParam("externalRef", externalRef).get("/api/v1/children").then().statusCode(200)
                .extract().path("items[0].id");
    }

    private static JsonPath run(String query, String csv) {
        return finished("cp-importer", start("cp-importer", query, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonPath errors(String job) {
        return Api.as("cp-importer").header("Accept-Language", "en").get(IMPORTS + "/" + job + "/errors").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBlankCodeOrTypeOrAnOverlongTextIsARowProblemNotAFailedRun() {
        String a = twoChildren("Trong" + System.nanoTime() % 1_000_000).get(0);
        JsonPath spans = run("kind=circumstances&matchBy=EXTERNAL_REF", "Mã tham chiếu ngoài của trẻ,spanKind,code,subcode,startDate,note\r\n"
                + a + ",,,HCDB_A_1,2024-01-01,\r\n"
                + a + ",,HCDB_A,HCDB_A_1,2024-01-01," + "x".repeat(5000) + "\r\n"
                + a + ",,,HCDB_A_1,2024-13-45,\r\n");
        assertThat(spans.getString("message")).startsWith("3 of 3 rows have problems");
        JsonPath spanErrors = errors(spans.getString("id"));
        assertThat(spanErrors.getList("items.row", Integer.class)).containsExactly(2, 3, 4, 4);
        // A bad date does not hide the missing code.
        assertThat(spanErrors.getList("items.findAll { it.row == 4 }.column", String.class)).containsExactlyInAnyOrder("startDate", "code");

        JsonPath supports = run("kind=interventions&matchBy=EXTERNAL_REF", "Mã tham chiếu ngoài của trẻ,type,protectionLevel,startDate,note\r\n"
                + a + ",,SUPPORT,2024-03-01,\r\n"
                + a + ",COUNSELLING,SUPPORT,2024-03-01," + "x".repeat(5000) + "\r\n"
                + a + ",,SUPPORT,2024-13-45,\r\n");
        assertThat(supports.getString("message")).startsWith("3 of 3 rows have problems");
        assertThat(errors(supports.getString("id")).getList("items.column", String.class))
                .containsExactlyInAnyOrder("type", "note", "startDate", "type");
    }

    @Test
    void aRowWhoseChildIsNotFoundStillGetsItsOwnProblemsReportedAndAKeyThatCannotBeStoredOnlyOnce() {
        String unknown = "REF-NONE-" + System.nanoTime() % 1_000_000;
        JsonPath spans = run("kind=circumstances&matchBy=EXTERNAL_REF", "childExternalRef,spanKind,code,subcode,startDate,endDate\r\n"
                + unknown + ",,HCDB_X,HCDB_A_1,2024-06-01,2024-01-01\r\n"
                + "REF-\u0000-1,,HCDB_A,HCDB_A_1,2024-06-01,\r\n");
        assertThat(spans.getString("message")).startsWith("2 of 2 rows have problems");
        JsonPath spanErrors = errors(spans.getString("id"));
        // The key names no child, the group is no group, and the span ends before it starts.
        assertThat(spanErrors.getList("items.findAll { it.row == 2 }.column", String.class))
                .containsExactlyInAnyOrder("childExternalRef", "code", "endDate");
        assertThat(spanErrors.getList("items.findAll { it.row == 3 }.message", String.class))
                .containsExactly("must not contain the NUL character (U+0000)");

        String known = twoChildren("Khong" + System.nanoTime() % 1_000_000).get(0);
        JsonPath misread = run("kind=circumstances&matchBy=EXTERNAL_REF", "childExternalRef,spanKind,code,subcode,startDate\r\n"
                + known + ",,HCDB_X,HCDB_A_1,2024-13-45\r\n");
        // A date that cannot be read does not hide a group that is no group.
        assertThat(errors(misread.getString("id")).getList("items.column", String.class)).containsExactlyInAnyOrder("startDate", "code");
        JsonPath unknownKind = run("kind=circumstances&matchBy=EXTERNAL_REF", "childExternalRef,spanKind,code,subcode,startDate,endDate\r\n"
                + known + ",BOTH,HCDB_X,HCDB_A_1,2024-06-01,2024-01-01\r\n"
                + unknown + ",BOTH,HCDB_X,,2024-06-01,\r\n");
        // A kind that cannot be read leaves the codes unchecked (their list depends on it), not the dates.
        assertThat(unknownKind.getString("message")).startsWith("2 of 2 rows have problems");
        JsonPath kindErrors = errors(unknownKind.getString("id"));
        assertThat(kindErrors.getList("items.findAll { it.row == 2 }.column", String.class))
                .containsExactlyInAnyOrder("spanKind", "endDate");
        assertThat(kindErrors.getList("items.findAll { it.row == 3 }.column", String.class))
                .containsExactlyInAnyOrder("childExternalRef", "spanKind");
        // A year the registry cannot store is a row problem too, not a write the database refuses.
        JsonPath farOff = run("kind=circumstances&matchBy=EXTERNAL_REF", "childExternalRef,spanKind,code,subcode,startDate,endDate\r\n"
                + known + ",,HCDB_A,HCDB_A_1,2024-06-01,+12345-01-01\r\n");
        assertThat(errors(farOff.getString("id")).getList("items.column", String.class)).containsExactly("endDate");
        JsonPath misreadSupport = run("kind=interventions&matchBy=EXTERNAL_REF", "childExternalRef,type,protectionLevel,startDate\r\n"
                + known + ",NO_SUCH_TYPE,SUPPORT,2024-13-45\r\n");
        assertThat(errors(misreadSupport.getString("id")).getList("items.column", String.class))
                .containsExactlyInAnyOrder("startDate", "type");

        JsonPath supports = run("kind=interventions&matchBy=EXTERNAL_REF", "childExternalRef,type,protectionLevel,startDate,endDate\r\n"
                + unknown + ",NO_SUCH_TYPE,SUPPORT,2024-06-01,2024-01-01\r\n");
        assertThat(errors(supports.getString("id")).getList("items.column", String.class))
                .containsExactlyInAnyOrder("childExternalRef", "type", "endDate");
    }

    @Test
    void circumstancesAreCheckedAgainstTheRegistryAndTheFileAndReimportedWithoutChange() {
        String word = "Hoan" + System.nanoTime() % 1_000_000;
        List<String> refs = twoChildren(word);
        String a = refs.get(0);
        String b = refs.get(1);
        String header = "Mã tham chiếu ngoài của trẻ,childName,spanKind,code,subcode,startDate,endDate,endReason\r\n";
        String good = a + ",Lục Văn " + word + " An,,HCDB_A,HCDB_A_1,2024-01-01,,\r\n"
                + b + ",,nguy cơ,LEFT_BEHIND,,01/02/2024,,\r\n";
        String csv = header + good
                + "REF-NOBODY-" + word + ",,,HCDB_A,HCDB_A_1,2024-01-01,,\r\n"
                + a + ",,,HCDB_B,HCDB_A_1,2024-01-01,,\r\n"
                + b + ",,,HCDB_C,HCDB_C_1,2017-01-01,,\r\n"
                + a + ",,,HCDB_A,HCDB_A_2,2024-06-01,,\r\n"
                + b + ",Lục Thị Khác,RISK,SCHOOL_DROPOUT,,2024-01-01,,\r\n";

        String failed = start("cp-importer", "kind=circumstances&matchBy=EXTERNAL_REF", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonPath job = finished("cp-importer", failed);
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("kind")).isEqualTo("CIRCUMSTANCES");
        assertThat(job.getInt("progress.rowsInvalid")).isEqualTo(5);
        JsonPath problems = errors(failed);
        assertThat(problems.getList("items.row", Integer.class)).containsExactly(4, 5, 6, 7, 8);
        assertThat(problems.getList("items.column", String.class))
                .containsExactly("Mã tham chiếu ngoài của trẻ", "subcode", "startDate", "startDate", "childName");
        assertThat(problems.getString("items.find { it.row == 7 }.message")).contains("row 2");
        String childA = childId(a);
        Api.as("commune.yenphuc").get("/api/v1/children/" + childA + "/circumstances").then().statusCode(200)
                .body("items.size()", equalTo(0));

        String upsert = "kind=circumstances&matchBy=EXTERNAL_REF&mode=UPSERT";
        String etag = etagOf(childA);
        JsonPath partial = run(upsert + "&allowPartial=true", csv);
        assertThat(partial.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(partial.getInt("progress.rowsWritten")).isEqualTo(2);
        Api.as("commune.yenphuc").get("/api/v1/children/" + childA + "/circumstances").then().statusCode(200)
                .body("items.code", equalTo(List.of("HCDB_A"))).body("items[0].active", equalTo(true));
        Api.as("commune.yenphuc").get("/api/v1/children/" + childId(b) + "/risks").then().statusCode(200)
                .body("items[0].code", equalTo("LEFT_BEHIND")).body("items[0].startDate", equalTo("2024-02-01"));

        // A span added to a child changes the child's version, as through the API; an unchanged one does not.
        String added = etagOf(childA);
        assertThat(added).isNotEqualTo(etag);
        JsonPath again = run(upsert, header + good);
        assertThat(again.getInt("progress.rowsWritten")).isZero();
        assertThat(again.getInt("progress.rowsUnchanged")).isEqualTo(2);
        assertThat(etagOf(childA)).isEqualTo(added);

        JsonPath ended = run(upsert, header + good.replace("2024-01-01,,", "2024-01-01,2024-12-31,Đã được nhận nuôi"));
        assertThat(ended.getInt("progress.rowsWritten")).isEqualTo(1);
        assertThat(ended.getInt("progress.rowsUnchanged")).isEqualTo(1);
        assertThat(etagOf(childA)).isNotEqualTo(added);
        Api.as("commune.yenphuc").get("/api/v1/children/" + childA + "/circumstances").then().statusCode(200)
                .body("items[0].endDate", equalTo("2024-12-31")).body("items[0].active", equalTo(false));
        Api.as("commune.yenphuc").get("/api/v1/children/" + childA + "/history").then().statusCode(200)
                .body("items.action", hasItem("CORRECT_CIRCUMSTANCE")).body("items.action", hasItem("ADD_CIRCUMSTANCE"));

        JsonPath created = run("kind=circumstances&matchBy=EXTERNAL_REF", header + good);
        assertThat(created.getString("status")).isEqualTo("FAILED");
        assertThat(created.getInt("progress.rowsInvalid")).isEqualTo(2);
    }

    @Test
    void spansOfOneCodeInAFileMayFollowEachOtherButNotShareADay() {
        String a = twoChildren("Lien" + System.nanoTime() % 1_000_000).get(0);
        String csv = "childExternalRef,code,subcode,startDate,endDate,endReason\r\n"
                + a + ",HCDB_A,HCDB_A_1,2023-01-01,2023-12-31,Đã được nhận nuôi\r\n"  // row 2
                + a + ",HCDB_A,HCDB_A_1,2024-01-01,,\r\n"                             // row 3: the day after row 2 ends
                + a + ",HCDB_A,HCDB_A_1,2023-12-31,,\r\n"                             // row 4: the day row 2 ends, and after
                + a + ",HCDB_B,HCDB_B_1,2023-12-31,,\r\n";                            // row 5: another group

        String job = start("cp-importer", "kind=circumstances&matchBy=EXTERNAL_REF", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonPath done = finished("cp-importer", job);
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getInt("progress.rowsInvalid")).isEqualTo(1);
        JsonPath problems = errors(job);
        assertThat(problems.getList("items.row", Integer.class)).containsExactly(4);
        assertThat(problems.getString("items[0].message")).contains("row 2");
    }

    @Test
    void aSpanOverlappingBothAnEarlierRowAndTheRegistryIsReportedOnceOnItsStartDate() {
        String a = twoChildren("Chong" + System.nanoTime() % 1_000_000).get(0);
        String header = "childExternalRef,code,subcode,startDate,endDate,endReason\r\n";
        assertThat(run("kind=circumstances&matchBy=EXTERNAL_REF", header + a + ",HCDB_A,HCDB_A_1,2024-01-01,,\r\n")
                .getString("status")).isEqualTo("SUCCEEDED");

        JsonPath checked = run("kind=circumstances&matchBy=EXTERNAL_REF&mode=UPSERT", header
                + a + ",HCDB_A,HCDB_A_1,2020-01-01,2020-12-31,Đã được nhận nuôi\r\n"  // row 2: before the registry's span
                + a + ",HCDB_A,HCDB_A_1,2020-06-01,,\r\n");                           // row 3: over row 2 and the registry's
        assertThat(checked.getString("status")).isEqualTo("FAILED");
        JsonPath problems = errors(checked.getString("id"));
        assertThat(problems.getList("items.row", Integer.class)).containsExactly(3);
        assertThat(problems.getList("items.column", String.class)).containsExactly("startDate");
        assertThat(problems.getString("items[0].message")).contains("row 2");
    }

    @Test
    void eachBatchOfALongFileIsCheckedAgainstItsOwnChildrenAndAllOfItWritten() {
        // 1,100 children, and a span for each in the same order: three batches of 500, 500 and 100 rows, each naming
        // children no other batch names, and two rows naming none (rows 602 and 1,052). A batch checked or written
        // against another batch's look-ups would find none of its children.
        String word = "Dai" + System.nanoTime() % 1_000_000;
        StringBuilder children = new StringBuilder("fullName,dateOfBirth,sex,villageCode,externalRef\r\n");
        StringBuilder spans = new StringBuilder("childExternalRef,code,subcode,startDate\r\n");
        for (int i = 0; i < 1_100; i++) {
            String ref = "REF-" + word + "-" + i;
            children.append("Lục Văn ").append(word).append(' ').append(letters(i)).append(",2018-02-01,MALE,06283_16,").append(ref)
                    .append("\r\n");
            spans.append(i == 600 || i == 1_050 ? "REF-NONE-" + word : ref).append(",HCDB_A,HCDB_A_1,2024-01-01\r\n");
        }
        JsonPath registered = run("kind=children", children.toString());
        assertThat(registered.getString("status")).as(registered.getString("message")).isEqualTo("SUCCEEDED");

        JsonPath checked = run("kind=circumstances&matchBy=EXTERNAL_REF&allowPartial=true", spans.toString());
        assertThat(checked.getString("status")).as(checked.getString("message")).isEqualTo("SUCCEEDED");
        assertThat(checked.getString("message")).startsWith("1098 created");
        JsonPath problems = errors(checked.getString("id"));
        assertThat(problems.getList("items.row", Integer.class)).containsExactly(602, 1052);
        assertThat(problems.getList("items.column", String.class)).containsOnly("childExternalRef");
    }

    /** {@code i} in letters, as a name may only hold letters: 0 is "A", 26 is "Aa". */
    private static String letters(int i) {
        String tail = String.valueOf((char) ('a' + i % 26));
        return i < 26 ? tail.toUpperCase() : letters(i / 26 - 1) + tail;
    }

    private static String etagOf(String childId) {
        return Api.as("commune.yenphuc").get("/api/v1/children/" + childId).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void supportsAreCheckedAsTheApiChecksThemAndMoveOnlyForward() {
        String word = "Hotro" + System.nanoTime() % 1_000_000;
        List<String> refs = twoChildren(word);
        String a = refs.get(0);
        String b = refs.get(1);
        String header = "childExternalRef,type,protectionLevel,fundingSource,amountVnd,monthlyAmountVnd,allowanceGroup,startDate,endDate,status,outcome\r\n";
        String allowance = a + ",SOCIAL_ALLOWANCE,SUPPORT,STATE_BUDGET,,750.000,NO_MEANS_OF_SUPPORT,2024-01-01,,ONGOING,\r\n";
        String books = b + ",EDUCATION_SUPPORT,SUPPORT,CHILD_PROTECTION_FUND,1.500.000,,,2024-09-05,2024-09-05,COMPLETED,Nhận đủ sách vở\r\n";
        String csv = header + allowance + books
                + a + ",EDUCATION_SUPPORT,SUPPORT,,\"1,5\",,,2024-09-05,,PLANNED,\r\n"
                + b + ",MEDICAL_CARE,SUPPORT,,,,,2024-03-01,,COMPLETED,\r\n"
                + allowance
                + b + ",COUNSELLING,SUPPORT,,,,NO_MEANS_OF_SUPPORT,2024-03-01,,,\r\n"
                // Repeats row 3 and names an allowance group for what is not an allowance: both are reported.
                + books.replace(",,,2024-09-05", ",,NO_MEANS_OF_SUPPORT,2024-09-05");

        String failed = start("cp-importer", "kind=interventions&matchBy=EXTERNAL_REF", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonPath job = finished("cp-importer", failed);
        assertThat(job.getString("status")).isEqualTo("FAILED");
        JsonPath problems = errors(failed);
        assertThat(problems.getList("items.row", Integer.class)).containsExactly(4, 5, 6, 7, 8, 8);
        assertThat(problems.getList("items.column", String.class))
                .containsExactly("amountVnd", "endDate", "startDate", "allowanceGroup", "startDate", "allowanceGroup");
        String childA = childId(a);
        Api.as("commune.yenphuc").queryParam("child", childA).get("/api/v1/interventions").then().statusCode(200)
                .body("items.size()", equalTo(0));

        String upsert = "kind=interventions&matchBy=EXTERNAL_REF&mode=UPSERT";
        assertThat(run(upsert + "&allowPartial=true", csv).getInt("progress.rowsWritten")).isEqualTo(2);
        Api.as("commune.yenphuc").queryParam("child", childId(b)).get("/api/v1/interventions").then().statusCode(200)
                .body("items[0].amountVnd", equalTo(1_500_000)).body("items[0].status", equalTo("COMPLETED"));
        JsonPath again = run(upsert, header + allowance + books);
        assertThat(again.getInt("progress.rowsWritten")).isZero();
        assertThat(again.getInt("progress.rowsUnchanged")).isEqualTo(2);

        String completed = allowance.replace("2024-01-01,,ONGOING,", "2024-01-01,2024-12-31,COMPLETED,Đã chuyển sang trợ cấp khác");
        assertThat(run(upsert, header + completed + books).getInt("progress.rowsWritten")).isEqualTo(1);
        String supportId = Api.as("commune.yenphuc").queryParam("child", childA).get("/api/v1/interventions").then().statusCode(200)
                .body("items[0].status", equalTo("COMPLETED")).body("items[0].endDate", equalTo("2024-12-31"))
                .extract().path("items[0].id");
        Api.as("commune.yenphuc").get("/api/v1/audit-events?recordType=intervention&recordId=" + supportId).then().statusCode(200)
                .body("items.action", hasItem("UPDATE"));

        String back = start("cp-importer", upsert, "text/csv", (header + allowance.replace("ONGOING", "PLANNED")).getBytes(StandardCharsets.UTF_8));
        assertThat(finished("cp-importer", back).getString("status")).isEqualTo("FAILED");
        assertThat(errors(back).getString("items[0].message")).contains("cannot move it back");
    }

    @Test
    void eachKindHasItsColumnsAndTemplates() throws IOException {
        Api.badRequestAs("cp-importer").contentType("text/csv")
                .body("fullName,dateOfBirth,sex,villageCode\r\n".getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + "?kind=circumstances").then().statusCode(400).body("code", equalTo("UNKNOWN_OR_MISSING_COLUMNS"))
                .body("violations.field", hasItem("fullName")).body("violations.field", hasItem("childPersonalId"));
        Api.badRequestAs("cp-importer").contentType("text/csv")
                .body("childPersonalId,type,protectionLevel,startDate\r\n".getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + "?kind=interventions&matchBy=EXTERNAL_REF").then().statusCode(400)
                .body("violations.field", hasItem("childExternalRef"));

        String csv = Api.as("cp-importer").get(IMPORTS + "/templates/circumstances").then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("\uFEFFSố định danh cá nhân của trẻ,Mã tham chiếu ngoài của trẻ,Họ và tên trẻ,Loại,Mã nhóm")
                .contains("risk-categories): DOMESTIC_VIOLENCE = ").contains("# Mã nhóm nhỏ của / subcodes of HCDB_A: HCDB_A_1 = ");
        byte[] workbook = Api.as("commune.yenphuc").queryParam("format", "xlsx").get(IMPORTS + "/templates/interventions")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Hỗ trợ");
            assertThat(book.getSheet("intervention-types")).isNotNull();
            assertThat(book.getSheet("funding-sources")).isNotNull();
        }
    }
}
