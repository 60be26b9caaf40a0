package vn.baovetreem.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.baovetreem.testing.Api;

/**
 * Every operation that exists so far, run by every kind of caller with a real token: the status
 * each must get. Rows are added as features arrive.
 */
@QuarkusTest
class AccessMatrixTest {

    /** A child id that exists nowhere: callers with the role get 404, the others 403. */
    private static final String NO_CHILD = "00000000-0000-4000-8000-000000000000";

    private static final String[] CALLERS = {"village.ichhuu", "commune.yenphuc", "district.langson", "cp-aggregator", "cp-importer", "admin"};

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            // operation; path;                          village commune district aggregator importer admin
            "GET;  /api/v1/me;                           200 200 200 200 200 200",
            "GET;  /api/v1/admin-units?pageSize=5;       200 200 200 200 200 200",
            "GET;  /api/v1/admin-units/06283;            200 200 200 200 200 200",
            "GET;  /api/v1/code-lists;                   200 200 200 200 200 200",
            "GET;  /api/v1/code-lists/risk-levels;       200 200 200 200 200 200",
            "GET;  /api/v1/audit-events;                 403 200 200 403 403 200",
            "POST; /api/v1/admin-units;                  403 403 403 403 403 400",
            "PATCH;/api/v1/admin-units/06283_01;         403 403 403 403 403 428",
            "POST; /api/v1/admin-units/06283_01/retirement; 403 403 403 403 403 428",
            "GET;  /api/v1/children?pageSize=5;          200 200 200 403 403 200",
            "POST; /api/v1/children;                     400 400 403 403 403 403",
            "GET;  /api/v1/children/duplicates;          200 200 200 403 403 200",
            "GET;  /api/v1/children/" + NO_CHILD + ";    404 404 404 403 403 404",
            "PATCH;/api/v1/children/" + NO_CHILD + ";    404 404 403 403 403 403",
            "POST; /api/v1/children/" + NO_CHILD + "/merge;   403 400 403 403 403 403",
            "GET;  /api/v1/children/" + NO_CHILD + "/history; 403 404 404 403 403 404",
            "GET;  /api/v1/children/" + NO_CHILD + "/personal-data-report; 403 404 403 403 403 403",
            "GET;  /api/v1/children/" + NO_CHILD + "/circumstances; 404 404 404 403 403 404",
            "POST; /api/v1/children/" + NO_CHILD + "/risks;   400 400 403 403 403 403",
            "GET;  /api/v1/children/" + NO_CHILD + "/consents; 404 404 404 403 403 404",
            "GET;  /api/v1/children/" + NO_CHILD + "/interventions; 404 404 404 403 403 403",
            "GET;  /api/v1/cases?pageSize=5;             200 200 200 403 403 200",
            "POST; /api/v1/cases;                        400 400 403 403 403 403",
            "GET;  /api/v1/cases/" + NO_CHILD + ";       404 404 404 403 403 404",
            "PATCH;/api/v1/cases/" + NO_CHILD + ";       403 404 403 403 403 403",
            "POST; /api/v1/cases/" + NO_CHILD + "/transitions; 403 400 400 403 403 403",
            "GET;  /api/v1/cases/" + NO_CHILD + "/plan;  404 404 404 403 403 404",
            "POST; /api/v1/cases/" + NO_CHILD + "/notes; 403 400 400 403 403 403",
            "GET;  /api/v1/cases/" + NO_CHILD + "/timeline; 404 404 404 403 403 404",
            "GET;  /api/v1/interventions?pageSize=5;     200 200 200 403 403 403",
            "POST; /api/v1/interventions;                403 400 403 403 403 403",
            "GET;  /api/v1/interventions/" + NO_CHILD + "; 404 404 404 403 403 403",
            "POST; /api/v1/intervention-batches;         403 400 403 403 403 403",
            "GET;  /api/v1/support-coverage?unit=06298;  404 200 200 403 403 403",
            "GET;  /api/v1/funding-summary;              200 200 200 403 403 403",
            "GET;  /api/v1/social-assistance-rates;      200 200 200 200 200 200",
            "POST; /api/v1/social-assistance-rates;      403 403 403 403 403 400",
            "GET;  /api/v1/hazard-sites;                 200 200 200 403 403 403",
            "POST; /api/v1/hazard-sites;                 400 400 403 403 403 403",
            "GET;  /api/v1/hazard-sites/" + NO_CHILD + "; 404 404 404 403 403 403",
            "PATCH;/api/v1/hazard-sites/" + NO_CHILD + "; 404 404 403 403 403 403",
            "GET;  /api/v1/awareness-activities;         200 200 200 403 403 403",
            "GET;  /api/v1/safe-home-checklist;          200 200 200 403 403 403",
            "GET;  /api/v1/households;                   200 200 200 403 403 403",
            "POST; /api/v1/households;                   400 400 403 403 403 403",
            "GET;  /api/v1/households/" + NO_CHILD + ";  404 404 404 403 403 403",
            "PATCH;/api/v1/households/" + NO_CHILD + ";  404 404 403 403 403 403",
            "GET;  /api/v1/households/" + NO_CHILD + "/assessments; 404 404 404 403 403 403",
            "PUT;  /api/v1/households/" + NO_CHILD + "/assessments/2025; 400 400 403 403 403 403",
            "GET;  /api/v1/calendars/2025;               200 200 200 200 200 200",
            "GET;  /api/v1/indicators;                   200 200 200 200 403 200",
            "GET;  /api/v1/indicators/child-population;  200 200 200 200 403 200",
            "GET;  /api/v1/indicator-values?unit=06298&period=2025&keys=child-population; 404 200 200 200 403 200",
            "GET;  /api/v1/exports/circular-13?unit=06298&period=2025-Q1; 403 200 200 200 403 200",
            "GET;  /api/v1/exports/circular-13/download?unit=06298&period=2025-Q1&format=csv; 403 200 200 200 403 200",
            "GET;  /api/v1/exports/dhis2-metadata;       403 200 200 200 403 200",
            "GET;  /api/v1/admin-units/06298/facts/2019; 404 404 404 404 403 404",
            "POST; /api/v1/awareness-activities;         403 400 403 403 403 403",
            "GET;  /api/v1/plans;                        200 200 200 403 403 403",
            "POST; /api/v1/plans;                        403 400 403 403 403 403",
            "GET;  /api/v1/plans/progress?unit=06298&year=2024; 200 200 200 403 403 403",
            "GET;  /api/v1/plans/" + NO_CHILD + ";       404 404 404 403 403 403",
            "PATCH;/api/v1/plans/" + NO_CHILD + ";       403 404 403 403 403 403",
            "GET;  /api/v1/plans/" + NO_CHILD + "/progress; 404 404 404 403 403 403",
            "GET;  /api/v1/plans/" + NO_CHILD + "/targets; 404 404 404 403 403 403",
            "POST; /api/v1/plans/" + NO_CHILD + "/targets; 403 400 400 403 403 403",
            "POST; /api/v1/plans/" + NO_CHILD + "/targets/" + NO_CHILD + "/values; 403 400 403 403 403 403",
            "GET;  /api/v1/reporting-periods/2024;       200 200 200 200 200 200",
            "PUT;  /api/v1/reporting-periods/2024;       403 403 403 403 403 400",
            "GET;  /api/v1/reports?unit=06298&period=2024; 403 200 200 200 403 403",
            "POST; /api/v1/reports;                      403 400 403 403 403 403",
            "GET;  /api/v1/reports/" + NO_CHILD + ";     403 404 404 404 403 403",
            "PATCH;/api/v1/reports/" + NO_CHILD + ";     403 404 403 403 403 403",
            "POST; /api/v1/reports/" + NO_CHILD + "/transitions; 403 400 400 400 403 403",
            "GET;  /api/v1/reports/" + NO_CHILD + "/versions/1; 403 404 404 404 403 403",
            "GET;  /api/v1/imports/" + NO_CHILD + ";     403 404 403 403 404 403",
            "GET;  /api/v1/imports/" + NO_CHILD + "/errors; 403 404 403 403 404 403",
            "GET;  /api/v1/imports/templates/children;   403 200 403 403 200 403",
    })
    void callerGetsTheStatusThePermissionTableGives(String method, String path, String statuses) {
        String[] expected = statuses.trim().split("\\s+");
        for (int i = 0; i < CALLERS.length; i++) {
            var request = Api.badRequestAs(CALLERS[i]).contentType("application/json");
            var response = switch (method.trim()) {
                case "GET" -> request.get(path.trim());
                case "POST" -> request.body(path.trim().endsWith("retirement")
                        ? "{\"validTo\":\"2030-01-01\",\"successorCode\":\"06283_02\"}" : "{}").post(path.trim());
                case "PUT" -> request.body("{}").put(path.trim());
                default -> request.body("{}").patch(path.trim());
            };
            response.then().statusCode(Integer.parseInt(expected[i]));
        }
    }
}
