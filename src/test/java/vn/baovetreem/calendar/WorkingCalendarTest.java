package vn.baovetreem.calendar;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class WorkingCalendarTest {

    @Inject
    WorkingCalendar calendar;

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
            "2026-04-24, 2, 2026-04-29",   // Friday before the Hùng Kings' compensatory Monday
            "2026-02-13, 5, 2026-02-27",   // Friday before Tết 2026 (16-20 February off)
            "2025-04-25, 2, 2025-04-28",   // the Saturday 26 April 2025 was worked in exchange
            "2025-04-29, 1, 2025-05-05",   // 30 April, 1 and 2 May 2025 off, then the weekend
            "2024-08-30, 1, 2024-09-04",   // Quốc khánh 2024: 2 and 3 September off
            "2023-12-29, 1, 2024-01-02",   // New Year's Day
            "2030-03-01, 5, 2030-03-08",   // a year without a calendar counts Monday to Friday
    })
    void workingDaysSkipWeekendsHolidaysAndCountSwappedSaturdays(LocalDate start, int n, LocalDate due) {
        assertThat(calendar.addWorkingDays(start, n)).isEqualTo(due);
    }

    @Test
    void everyoneReadsTheCalendarAndOnlyAdministratorsSetIt() {
        Api.as("village.ichhuu").get("/api/v1/calendars/2026").then().statusCode(200)
                .body("days.date", hasItem("2026-02-16"));
        Api.as("commune.yenphuc").get("/api/v1/calendars/2019").then().statusCode(404);

        Map<String, Object> body = Map.of("days", List.of(Map.of("date", "2031-01-01", "kind", "HOLIDAY", "name", "Tết Dương lịch")));
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(body).put("/api/v1/calendars/2031").then().statusCode(403);
        String etag = Api.as("admin").contentType("application/json").body(body).put("/api/v1/calendars/2031").then()
                .statusCode(200).body("days.confirmed", contains(true)).extract().header("ETag");
        Api.badRequestAs("admin").contentType("application/json").body(body).put("/api/v1/calendars/2031").then().statusCode(428);
        Api.as("admin").contentType("application/json").header("If-Match", etag)
                .body(Map.of("days", List.of(Map.of("date", "2031-01-01", "kind", "HOLIDAY", "name", "Tết Dương lịch"),
                        Map.of("date", "2031-01-02", "kind", "HOLIDAY", "name", "Nghỉ hoán đổi"))))
                .put("/api/v1/calendars/2031").then().statusCode(200);
        assertThat(calendar.addWorkingDays(LocalDate.parse("2030-12-31"), 1)).isEqualTo(LocalDate.parse("2031-01-03"));
        Api.as("admin").contentType("application/json").header("If-Match", etag).body(body).put("/api/v1/calendars/2031").then()
                .statusCode(412);
    }

    @Test
    void invalidDaysAreRefusedNamingThem() {
        Map<String, Object> body = Map.of("days", List.of(
                Map.of("date", "2032-01-03", "kind", "HOLIDAY", "name", "A Saturday"),
                Map.of("date", "2032-01-05", "kind", "WORKING_WEEKEND", "name", "A Monday"),
                Map.of("date", "2033-01-05", "kind", "HOLIDAY", "name", "Another year")));
        Api.badRequestAs("admin").contentType("application/json").body(body).put("/api/v1/calendars/2032").then()
                .statusCode(400).body("violations.field", contains("days[0].date", "days[1].date", "days[2].date"));
        Api.as("admin").get("/api/v1/calendars/2032").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
