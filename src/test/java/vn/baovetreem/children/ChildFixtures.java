package vn.baovetreem.children;

import io.restassured.response.Response;
import vn.baovetreem.testing.Api;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Children created through the API for the tests: unique names and identification numbers per call. */
final class ChildFixtures {

    static final String CHILDREN = "/api/v1/children";
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 400_000) + 100_000);

    private ChildFixtures() {
    }

    /** Today where the service runs, so that ages in assertions do not depend on the year the suite runs. */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /** A date of birth that makes a child {@code years} old today (and some months more). */
    static String bornYearsAgo(int years) {
        return today().minusYears(years).minusMonths(2).toString();
    }

    /** A fresh word to put in a name, so a search finds exactly one test's children. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("Tê");
        for (char digit : Integer.toString(SERIAL.incrementAndGet()).toCharArray()) {
            word.append((char) ('a' + digit - '0'));
        }
        return word.toString();
    }

    /** A valid personal identification number of a boy of Lạng Sơn born in 2015. */
    static String boyBorn2015Id() {
        return "020215" + String.format("%06d", SERIAL.incrementAndGet() % 1_000_000);
    }

    /** A valid body: a boy born 12 March 2015 in thôn Ích Hữu with a unique name. */
    static Map<String, Object> boy(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personalId", boyBorn2015Id());
        body.put("fullName", name);
        body.put("dateOfBirth", "2015-03-12");
        body.put("sex", "MALE");
        body.put("ethnicity", "NUNG");
        body.put("villageCode", "06283_01");
        body.put("address", "Nhà số 12, thôn Ích Hữu");
        body.put("povertyStatus", "NEAR_POOR");
        body.put("caregivers", List.of(Map.of("name", "Lương Thị Mai", "relationship", "MOTHER",
                "phone", "09" + String.format("%08d", SERIAL.incrementAndGet()))));
        return body;
    }

    /** Age today of the children made by {@link #boy}. */
    static int ageOfBoy() {
        return Period.between(LocalDate.of(2015, 3, 12), today()).getYears();
    }

    static Response create(String who, Map<String, Object> body) {
        return Api.as(who).contentType("application/json").body(body).post(CHILDREN);
    }

    /** Creates {@code body} as {@code who} and answers the new id. */
    static UUID created(String who, Map<String, Object> body) {
        return UUID.fromString(create(who, body).then().statusCode(201).extract().path("id"));
    }

    static String etagOf(String who, UUID id) {
        return Api.as(who).get(CHILDREN + "/" + id).then().statusCode(200).extract().header("ETag");
    }
}
