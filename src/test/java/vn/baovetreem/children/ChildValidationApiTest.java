package vn.baovetreem.children;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.baovetreem.children.ChildFixtures.CHILDREN;
import static vn.baovetreem.children.ChildFixtures.boy;
import static vn.baovetreem.children.ChildFixtures.created;
import static vn.baovetreem.children.ChildFixtures.etagOf;
import static vn.baovetreem.children.ChildFixtures.uniqueWord;

/** Every invalid input gets a 400 problem naming its field, and nothing is written. */
@QuarkusTest
class ChildValidationApiTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            // field;              value;             field named in the problem
            "personalId;           02021501234;       personalId",       // 11 digits
            "personalId;           02021501234X;      personalId",       // not digits
            "personalId;           003215012345;      personalId",       // 003 is no province
            "personalId;           020315012345;      personalId",       // 3 = a girl, but the child is a boy
            "personalId;           020015012345;      personalId",       // 0 = born in the 1900s
            "personalId;           020216012345;      personalId",       // year digits 16, born 2015
            "dateOfBirth;          2099-01-01;        dateOfBirth",      // in the future
            "dateOfBirth;          AGE_23;            dateOfBirth",      // older than the records kept
            "dateOfBirth;          AGE_17;            continuingSupportReason", // 17, no continuing-support reason
            "sex;                  X;                 sex",
            "ethnicity;            MARTIAN;           ethnicity",
            "povertyStatus;        RICH;              povertyStatus",
            "disabilityLevel;      SOME;              disabilityLevel",
            "schoolStatus;         UNIVERSITY;        schoolStatus",
            "parentsStatus;        '';                parentsStatus",
            "villageCode;          06298;             villageCode",      // a commune, not a village
            "villageCode;          06253_01;          villageCode",      // a village outside the caller's commune
            "villageCode;          ZZ_99;             villageCode",      // no such unit
            "healthInsuranceCard;  12345;             healthInsuranceCard",
            "birthRegisteredOn;    2014-01-01;        birthRegisteredOn", // before birth
            "fullName;             '   ';             fullName",
    })
    void invalidValueIsRefusedNamingItsField(String field, String value, String namedField) {
        String word = uniqueWord();
        Map<String, Object> body = boy("Hoàng Văn " + word);
        body.put(field, value.startsWith("AGE_") ? ChildFixtures.bornYearsAgo(Integer.parseInt(value.substring(4))) : value);
        if (value.startsWith("AGE_")) {
            body.remove("personalId"); // its year digits would be a second problem
        }
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(body).post(CHILDREN).then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem(namedField));
        Api.as("commune.yenphuc").queryParam("q", word).get(CHILDREN).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void seventeenYearOldIsRegisteredWithAContinuingSupportReason() {
        Map<String, Object> body = boy("Hoàng Văn " + uniqueWord());
        body.remove("personalId");
        body.put("dateOfBirth", ChildFixtures.bornYearsAgo(17));
        body.put("continuingSupportReason", "Vocational training support until 18");
        Api.as("commune.yenphuc").contentType("application/json").body(body).post(CHILDREN).then()
                .statusCode(201).body("age", equalTo(17));
    }

    @Test
    void badPhoneNumberIsNamedByItsPath() {
        Map<String, Object> body = boy("Hoàng Văn " + uniqueWord());
        body.put("caregivers", List.of(Map.of("name", "Lương Thị Mai", "relationship", "MOTHER", "phone", "12345")));
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(body).post(CHILDREN).then()
                .statusCode(400).body("violations.field", contains("caregivers[0].phone"));
        body.put("caregivers", List.of(Map.of("name", "Lương Thị Mai", "relationship", "AUNTIE")));
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(body).post(CHILDREN).then()
                .statusCode(400).body("violations.field", contains("caregivers[0].relationship"));
    }

    @Test
    void problemsSpeakVietnameseToAFrontendThatAsksForIt() {
        Map<String, Object> body = boy("");
        body.put("caregivers", List.of(Map.of("relationship", "MOTHER", "phone", "0912345678")));
        Api.badRequestAs("commune.yenphuc").header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5").contentType("application/json")
                .body(body).post(CHILDREN).then()
                .statusCode(400).header("Content-Language", "vi")
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("violations.find { it.field == 'fullName' }.message", equalTo("không được để trống"))
                .body("violations.find { it.field == 'caregivers[0].name' }.message", equalTo("không được để trống"));
        body.put("fullName", "Hoàng Văn " + uniqueWord());
        body.put("caregivers", List.of(Map.of("name", "Lương Thị Mai", "relationship", "MOTHER", "phone", "12345")));
        Api.badRequestAs("commune.yenphuc").header("Accept-Language", "vi").contentType("application/json").body(body)
                .post(CHILDREN).then().statusCode(400)
                .body("detail", equalTo("Hồ sơ trẻ có giá trị không hợp lệ."))
                .body("violations[0].message", startsWith("phải là số di động Việt Nam"));
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(body).post(CHILDREN).then()
                .statusCode(400).header("Content-Language", "en")
                .body("violations[0].message", startsWith("must be a Vietnamese mobile"));
        Api.badRequestAs("commune.yenphuc").header("Accept-Language", "vi").get("/api/v1/no-such-thing").then()
                .statusCode(404).header("Content-Language", "vi").body("detail", equalTo("Không có tài nguyên nào ở đường dẫn này."));
        String nobody = java.util.UUID.randomUUID().toString();
        Api.as("commune.yenphuc").header("Accept-Language", "vi").get(CHILDREN + "/" + nobody).then()
                .statusCode(404).body("title", equalTo("Không tìm thấy")).body("detail", equalTo("Không tìm thấy hồ sơ trẻ '" + nobody + "'."));
    }

    @Test
    void landlineAndMobileNumbersAreAccepted() {
        Map<String, Object> body = boy("Hoàng Văn " + uniqueWord());
        body.put("caregivers", List.of(Map.of("name", "Lương Thị Mai", "relationship", "MOTHER", "phone", "0205 3830 123"),
                Map.of("name", "Hoàng Văn Tư", "relationship", "GRANDPARENT", "phone", "84-388-123-456")));
        Api.as("commune.yenphuc").contentType("application/json").body(body).post(CHILDREN).then()
                .statusCode(201).body("caregivers.phone", contains("02053830123", "0388123456"));
    }

    @Test
    void malformedBodiesAreRefusedWithTheirField() {
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body("{\"fullName\":\"A\",\"dateOfBirth\":\"12/03/2015\",\"sex\":\"MALE\",\"villageCode\":\"06283_01\"}")
                .post(CHILDREN).then().statusCode(400).body("code", equalTo("INVALID_VALUE"))
                .body("violations.field", contains("dateOfBirth"));
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body("{\"fullName\":\"A\",\"dateOfBirth\":\"2015-03-12\",\"sex\":\"MALE\",\"villageCode\":\"06283_01\",\"status\":\"DECEASED\"}")
                .post(CHILDREN).then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD"))
                .body("violations.field", contains("status"));
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body("{\"fullName\":\"Robert'); DROP TABLE child;--\",\"dateOfBirth\":\"2015-03-12\",\"sex\":\"MALE\",\"villageCode\":\"06283_01' OR '1'='1\"}")
                .post(CHILDREN).then().statusCode(400).body("violations.field", contains("villageCode"));
        Api.badRequestAs("commune.yenphuc").queryParam("minAge", "ten").get(CHILDREN).then()
                .statusCode(400).body("violations.field", contains("minAge"));
        Api.badRequestAs("commune.yenphuc").queryParam("sort", "age").get(CHILDREN).then()
                .statusCode(400).body("violations.field", contains("sort"));
        Api.badRequestAs("commune.yenphuc").get(CHILDREN + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void invalidPatchChangesNothing() {
        String word = uniqueWord();
        UUID id = created("commune.yenphuc", boy("Hoàng Văn " + word));
        String etag = etagOf("commune.yenphuc", id);
        Api.badRequestAs("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"povertyStatus\":\"POOR\",\"dateOfBirth\":\"2099-01-01\"}").patch(CHILDREN + "/" + id).then()
                .statusCode(400).body("violations.field", hasItem("dateOfBirth"));
        Api.badRequestAs("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"id\":\"x\"}").patch(CHILDREN + "/" + id).then()
                .statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        Api.badRequestAs("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"fullName\":null}").patch(CHILDREN + "/" + id).then()
                .statusCode(400).body("violations.field", contains("fullName"));
        Api.as("commune.yenphuc").get(CHILDREN + "/" + id).then()
                .statusCode(200).header("ETag", etag).body("povertyStatus", equalTo("NEAR_POOR"));
    }
}
