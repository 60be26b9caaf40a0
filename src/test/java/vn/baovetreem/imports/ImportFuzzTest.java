package vn.baovetreem.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.baovetreem.testing.ImportJobs.finished;
import static vn.baovetreem.testing.ImportJobs.start;

/**
 * Spoiled spreadsheets, as offices keep them: rows that would import, with one or two cells each
 * replaced by something an officer or a spreadsheet program writes (blank, NUL, far too long, a day
 * that does not exist or that the registry cannot hold, a code of another list, a formula, a line
 * break, a huge or negative number, a boolean or a date where text belongs), for each kind of file,
 * as CSV and as a workbook, created and upserted with the good rows written. Every job must end with
 * its report: a job the service failed on is a defect, whatever the file holds. Two such defects
 * were found this way (an unreadable span kind, a year such as +12345). The seed is printed;
 * {@code -Dfuzz.seed=N} repeats a run.
 */
@QuarkusTest
class ImportFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final String VILLAGE = "06283_16";
    private static final int ROWS = 30;
    private static final List<Object> SPOILED = List.of("", " ", "\u0000", "x".repeat(300), "x".repeat(6000), "2024-13-45", "31/02/2015",
            "2099-01-01", "1899-12-31", "+12345-01-01", "1/1/12345", "-1", "1e30", "12.5", "maybe", "HCDB_X", "BOTH", "RISK",
            "CIRCUMSTANCE", "NEGLECT", "PLANNED", "CANCELLED", "06283_02", "99999", "0912345678", "123", "\"", "\r\n", "=1+1", "\u202E",
            // Typed cells, for workbooks (written as text in a CSV).
            1e30, -1.0, 0.5, 123_456_789_012.0, true, LocalDate.of(2099, 1, 1), LocalDate.of(1900, 1, 1));

    private static final String WORD = "Fz" + Long.toString(Math.abs(SEED) % 1_000_000, 36);
    private static final List<String> CHILDREN = IntStream.range(0, 6).mapToObj(i -> "REF-" + WORD + "-" + i).toList();

    /** Registers the children the spans and supports name. */
    private static void registerTheChildrenTheRowsName() {
        System.out.println("ImportFuzzTest seed: -Dfuzz.seed=" + SEED);
        StringBuilder csv = new StringBuilder("fullName,dateOfBirth,sex,villageCode,externalRef\r\n");
        CHILDREN.forEach(ref -> csv.append("Hà Văn ").append(WORD).append(",2016-01-01,MALE,").append(VILLAGE).append(',').append(ref)
                .append("\r\n"));
        JsonPath job = finished("cp-importer", start("cp-importer", "kind=children", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(job.getString("status")).as(job.getString("message")).isEqualTo("SUCCEEDED");
    }

    @Test
    void everySpoiledFileEndsWithItsReportNeverWithAFaultOfTheService() throws IOException {
        registerTheChildrenTheRowsName();
        Random random = new Random(SEED);
        for (String kind : List.of("children", "circumstances", "interventions")) {
            for (boolean workbook : List.of(false, true)) {
                for (String mode : List.of("CREATE", "UPSERT")) {
                    List<List<Object>> rows = spoiled(kind, random);
                    byte[] file = workbook ? workbook(header(kind), rows) : csv(header(kind), rows);
                    String type = workbook ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
                    String id = start("cp-importer", "kind=" + kind + "&mode=" + mode + "&matchBy=EXTERNAL_REF&allowPartial=true", type, file);
                    JsonPath job = finished("cp-importer", id);
                    String what = kind + (workbook ? " workbook, " : " CSV, ") + mode + ", -Dfuzz.seed=" + SEED + ": " + job.getString("message");
                    assertThat(job.getString("status")).as(what).isEqualTo("SUCCEEDED");
                    assertThat(job.getInt("progress.rowsRead")).as(what).isEqualTo(ROWS);
                    Api.as("cp-importer").get("/api/v1/imports/" + id + "/errors").then().statusCode(200);
                }
            }
        }
    }

    /** The columns of a file of {@code kind}, and a row of each that imports. */
    private static Map<String, Object> good(String kind, int i, Random random) {
        String child = CHILDREN.get(random.nextInt(CHILDREN.size()));
        Map<String, Object> row = new LinkedHashMap<>();
        switch (kind) {
            case "children" -> {
                row.put("fullName", "Lò Thị " + WORD + " " + i);
                row.put("dateOfBirth", "2015-03-0" + (1 + i % 9));
                row.put("sex", "FEMALE");
                row.put("villageCode", VILLAGE);
                row.put("externalRef", "REF-" + WORD + "-row-" + i);
                row.put("caregiverPhone", "");
                row.put("note", "");
            }
            case "circumstances" -> {
                row.put("childExternalRef", child);
                row.put("spanKind", "");
                row.put("code", "HCDB_A");
                row.put("subcode", "HCDB_A_1");
                row.put("startDate", "2020-01-" + (10 + i % 20));
                row.put("endDate", "");
                row.put("endReason", "");
            }
            default -> {
                row.put("childExternalRef", child);
                row.put("type", "SWIMMING_LESSONS");
                row.put("protectionLevel", "PREVENTION");
                row.put("startDate", "2024-05-01");
                row.put("endDate", "2024-06-01");
                row.put("status", "COMPLETED");
                row.put("amountVnd", "100000");
            }
        }
        return row;
    }

    private static List<String> header(String kind) {
        return List.copyOf(good(kind, 0, new Random(0)).keySet());
    }

    private static List<List<Object>> spoiled(String kind, Random random) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            List<Object> row = new ArrayList<>(good(kind, i, random).values());
            for (int n = random.nextInt(3); n > 0; n--) {
                row.set(random.nextInt(row.size()), SPOILED.get(random.nextInt(SPOILED.size())));
            }
            rows.add(row);
        }
        return rows;
    }

    private static byte[] csv(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<Object> row : rows) {
            csv.append(String.join(",", row.stream().map(v -> "\"" + String.valueOf(v).replace("\"", "\"\"") + "\"").toList()))
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] workbook(List<String> header, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("rows");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    switch (rows.get(r).get(c)) {
                        case Double d -> row.createCell(c).setCellValue(d);
                        case Boolean b -> row.createCell(c).setCellValue(b);
                        case LocalDate d -> row.createCell(c).setCellValue(d);
                        case String s when s.startsWith("=") -> row.createCell(c).setCellFormula(s.substring(1));
                        case Object o -> row.createCell(c).setCellValue(o.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
