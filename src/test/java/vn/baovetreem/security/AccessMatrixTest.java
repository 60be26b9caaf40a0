package vn.baovetreem.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.Contract;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the contract, run by every kind of caller with a real token: the status each
 * must get. A caller whose role the permission table ({@link Operation}) leaves out gets 403; the
 * others get past the role check (404 for a record that exists nowhere, 400 for an empty body).
 * An operation added to the contract without a row here fails {@link #everyOperationOfTheContractHasARow}.
 */
@QuarkusTest
class AccessMatrixTest {

    /** A child id that exists nowhere: callers with the role get 404, the others 403. */
    private static final String NO_CHILD = "00000000-0000-4000-8000-000000000000";

    private static final Pattern ROLES = Pattern.compile("(?s)\\*\\*Roles:\\*\\*(.*?)(\\*\\*Scope|$)");

    private static final String[] CALLERS = {"village.ichhuu", "commune.yenphuc", "district.langson", "cp-aggregator", "cp-importer", "admin"};

    private static final String[] ROWS = {
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
            "GET;  /api/v1/children/" + NO_CHILD + "/circumstances/" + NO_CHILD + "; 404 404 404 403 403 404",
            "POST; /api/v1/children/" + NO_CHILD + "/circumstances; 400 400 403 403 403 403",
            "PATCH;/api/v1/children/" + NO_CHILD + "/circumstances/" + NO_CHILD + "; 404 404 403 403 403 403",
            "POST; /api/v1/children/" + NO_CHILD + "/circumstances/" + NO_CHILD + "/end; 400 400 403 403 403 403",
            "GET;  /api/v1/children/" + NO_CHILD + "/risks; 404 404 404 403 403 404",
            "GET;  /api/v1/children/" + NO_CHILD + "/risks/" + NO_CHILD + "; 404 404 404 403 403 404",
            "PATCH;/api/v1/children/" + NO_CHILD + "/risks/" + NO_CHILD + "; 404 404 403 403 403 403",
            "POST; /api/v1/children/" + NO_CHILD + "/risks/" + NO_CHILD + "/end; 400 400 403 403 403 403",
            "POST; /api/v1/children/" + NO_CHILD + "/consents; 400 400 403 403 403 403",
            "POST; /api/v1/children/" + NO_CHILD + "/consents/" + NO_CHILD + "/withdrawal; 400 400 403 403 403 403",
            "POST; /api/v1/children/" + NO_CHILD + "/transitions; 400 400 403 403 403 403",
            "POST; /api/v1/children/" + NO_CHILD + "/risks;   400 400 403 403 403 403",
            "GET;  /api/v1/children/" + NO_CHILD + "/consents; 404 404 404 403 403 404",
            "GET;  /api/v1/children/" + NO_CHILD + "/interventions; 404 404 404 403 403 403",
            "GET;  /api/v1/cases?pageSize=5;             200 200 200 403 403 200",
            "POST; /api/v1/cases;                        400 400 403 403 403 403",
            "GET;  /api/v1/cases/" + NO_CHILD + ";       404 404 404 403 403 404",
            "PATCH;/api/v1/cases/" + NO_CHILD + ";       403 404 403 403 403 403",
            "POST; /api/v1/cases/" + NO_CHILD + "/transitions; 403 400 400 403 403 403",
            "GET;  /api/v1/cases/" + NO_CHILD + "/plan;  404 404 404 403 403 404",
            "PUT;  /api/v1/cases/" + NO_CHILD + "/plan;  403 400 403 403 403 403",
            "POST; /api/v1/cases/" + NO_CHILD + "/notes; 403 400 400 403 403 403",
            "GET;  /api/v1/cases/" + NO_CHILD + "/timeline; 404 404 404 403 403 404",
            "GET;  /api/v1/interventions?pageSize=5;     200 200 200 403 403 403",
            "POST; /api/v1/interventions;                403 400 403 403 403 403",
            "GET;  /api/v1/interventions/" + NO_CHILD + "; 404 404 404 403 403 403",
            "PATCH;/api/v1/interventions/" + NO_CHILD + "; 403 404 403 403 403 403",
            "POST; /api/v1/interventions/" + NO_CHILD + "/transitions; 403 400 403 403 403 403",
            "POST; /api/v1/intervention-batches;         403 400 403 403 403 403",
            "GET;  /api/v1/support-coverage?unit=06298;  404 200 200 403 403 403",
            "GET;  /api/v1/funding-summary;              200 200 200 403 403 403",
            "GET;  /api/v1/social-assistance-rates;      200 200 200 200 200 200",
            "POST; /api/v1/social-assistance-rates;      403 403 403 403 403 400",
            "GET;  /api/v1/hazard-sites;                 200 200 200 403 403 403",
            "POST; /api/v1/hazard-sites;                 400 400 403 403 403 403",
            "GET;  /api/v1/hazard-sites/" + NO_CHILD + "; 404 404 404 403 403 403",
            "PATCH;/api/v1/hazard-sites/" + NO_CHILD + "; 404 404 403 403 403 403",
            "POST; /api/v1/hazard-sites/" + NO_CHILD + "/inspections; 400 400 403 403 403 403",
            "GET;  /api/v1/awareness-activities;         200 200 200 403 403 403",
            "GET;  /api/v1/safe-home-checklist;          200 200 200 403 403 403",
            "GET;  /api/v1/households;                   200 200 200 403 403 403",
            "POST; /api/v1/households;                   400 400 403 403 403 403",
            "GET;  /api/v1/households/" + NO_CHILD + ";  404 404 404 403 403 403",
            "PATCH;/api/v1/households/" + NO_CHILD + ";  404 404 403 403 403 403",
            "GET;  /api/v1/households/" + NO_CHILD + "/assessments; 404 404 404 403 403 403",
            "GET;  /api/v1/households/" + NO_CHILD + "/assessments/2025; 404 404 404 403 403 403",
            "PUT;  /api/v1/households/" + NO_CHILD + "/assessments/2025; 400 400 403 403 403 403",
            "GET;  /api/v1/calendars/2025;               200 200 200 200 200 200",
            "PUT;  /api/v1/calendars/2019;               403 403 403 403 403 400",
            "GET;  /api/v1/indicators;                   200 200 200 200 403 200",
            "GET;  /api/v1/indicators/child-population;  200 200 200 200 403 200",
            "GET;  /api/v1/indicator-values?unit=06298&period=2025&keys=child-population; 404 200 200 200 403 200",
            "GET;  /api/v1/exports/circular-13?unit=06298&period=2025-Q1; 403 200 200 200 403 200",
            "GET;  /api/v1/exports/circular-13/download?unit=06298&period=2025-Q1&format=csv; 403 200 200 200 403 200",
            "GET;  /api/v1/exports/dhis2-metadata;       403 200 200 200 403 200",
            "GET;  /api/v1/admin-units/06298/facts/2019; 404 404 404 404 403 404",
            "PUT;  /api/v1/admin-units/06298/facts/1800; 403 400 400 403 403 403",
            "POST; /api/v1/awareness-activities;         403 400 403 403 403 403",
            "GET;  /api/v1/plans;                        200 200 200 403 403 403",
            "POST; /api/v1/plans;                        403 400 403 403 403 403",
            "GET;  /api/v1/plans/progress?unit=06298&year=2024; 200 200 200 403 403 403",
            "GET;  /api/v1/plans/" + NO_CHILD + ";       404 404 404 403 403 403",
            "PATCH;/api/v1/plans/" + NO_CHILD + ";       403 404 403 403 403 403",
            "GET;  /api/v1/plans/" + NO_CHILD + "/progress; 404 404 404 403 403 403",
            "GET;  /api/v1/plans/" + NO_CHILD + "/targets; 404 404 404 403 403 403",
            "POST; /api/v1/plans/" + NO_CHILD + "/targets; 403 400 400 403 403 403",
            "GET;  /api/v1/plans/" + NO_CHILD + "/targets/" + NO_CHILD + "; 404 404 404 403 403 403",
            "PATCH;/api/v1/plans/" + NO_CHILD + "/targets/" + NO_CHILD + "; 403 404 404 403 403 403",
            "DELETE;/api/v1/plans/" + NO_CHILD + "/targets/" + NO_CHILD + "; 403 404 404 403 403 403",
            "POST; /api/v1/plans/" + NO_CHILD + "/targets/" + NO_CHILD + "/values; 403 400 403 403 403 403",
            "GET;  /api/v1/reporting-periods/2024;       200 200 200 200 200 200",
            "PUT;  /api/v1/reporting-periods/2024;       403 403 403 403 403 400",
            "GET;  /api/v1/reports?unit=06298&period=2024; 403 200 200 200 403 403",
            "POST; /api/v1/reports;                      403 400 403 403 403 403",
            "GET;  /api/v1/reports/" + NO_CHILD + ";     403 404 404 404 403 403",
            "PATCH;/api/v1/reports/" + NO_CHILD + ";     403 404 403 403 403 403",
            "POST; /api/v1/reports/" + NO_CHILD + "/transitions; 403 400 400 403 403 403",
            "GET;  /api/v1/reports/" + NO_CHILD + "/versions/1; 403 404 404 404 403 403",
            "POST; /api/v1/imports;                      403 400 403 403 400 403",
            "GET;  /api/v1/imports/" + NO_CHILD + ";     403 404 403 403 404 403",
            "GET;  /api/v1/imports/" + NO_CHILD + "/errors; 403 404 403 403 404 403",
            "GET;  /api/v1/imports/templates/children;   403 200 403 403 200 403",
            "GET;  /api/v1/changes;                      200 200 200 403 403 200",
            "GET;  /api/v1/sync/seed?pageSize=5;         200 200 200 403 403 200",
            "POST; /api/v1/sync/batch;                   400 400 400 403 403 403",
            "GET;  /api/v1/webhooks;                     403 403 403 403 403 200",
            "POST; /api/v1/webhooks;                     403 403 403 403 403 400",
            "GET;  /api/v1/webhooks/" + NO_CHILD + ";    403 403 403 403 403 404",
            "DELETE;/api/v1/webhooks/" + NO_CHILD + ";   403 403 403 403 403 404",
            "GET;  /api/v1/webhooks/" + NO_CHILD + "/deliveries; 403 403 403 403 403 404",
    };

    static Stream<Arguments> rows() {
        return Arrays.stream(ROWS).map(row -> row.split(";")).map(cells -> Arguments.of(cells[0].trim(), cells[1].trim(), cells[2].trim()));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("rows")
    void callerGetsTheStatusThePermissionTableGives(String method, String path, String statuses) {
        String[] expected = statuses.split("\\s+");
        for (int i = 0; i < CALLERS.length; i++) {
            var request = Api.badRequestAs(CALLERS[i]);
            if (path.endsWith("/imports")) {
                request.contentType("text/csv").body("");
            } else if (!method.equals("GET") && !method.equals("DELETE")) {
                request.contentType("application/json").body(path.endsWith("retirement")
                        ? "{\"validTo\":\"2030-01-01\",\"successorCode\":\"06283_02\"}" : "{}");
            }
            var response = request.request(method, path);
            response.then().statusCode(Integer.parseInt(expected[i]));
        }
    }

    /**
     * The rows agree with the roles each operation's description lists: 403 exactly for the
     * callers whose role is not listed. Village users asking for a case's plan are the one
     * exception the contract states: they get the case's 404 first, and 403 PLAN_NOT_VISIBLE for a
     * case they see.
     */
    @Test
    void rowsForbidExactlyTheRolesTheContractLeavesOut() {
        String[] roles = {"village", "commune", "district", "aggregator", "importer", "admin"};
        for (Arguments row : rows().toList()) {
            String method = (String) row.get()[0];
            String template = Contract.template(((String) row.get()[1]).split("\\?")[0]).orElseThrow();
            Matcher line = ROLES.matcher(Contract.operation(method, template).path("description").asText());
            assertThat(line.find()).as("%s %s states its roles", method, template).isTrue();
            Set<String> listed = new TreeSet<>();
            Matcher role = Pattern.compile("`(\\w+)`").matcher(line.group(1));
            while (role.find()) {
                listed.add(role.group(1));
            }
            boolean everyone = line.group(1).matches("(?s)\\s*(any|every) role.*");
            String[] statuses = ((String) row.get()[2]).split("\\s+");
            for (int i = 0; i < roles.length; i++) {
                boolean forbidden = statuses[i].equals("403");
                boolean exception = method.equals("GET") && template.equals("/cases/{id}/plan") && roles[i].equals("village");
                assertThat(forbidden).as("%s %s as %s", method, template, roles[i])
                        .isEqualTo(!everyone && !listed.contains(roles[i]) && !exception);
            }
        }
    }

    @Test
    void everyOperationOfTheContractHasARow() {
        Set<String> covered = new TreeSet<>();
        for (Arguments row : rows().toList()) {
            String path = ((String) row.get()[1]).split("\\?")[0];
            Contract.template(path).ifPresent(template -> covered.add(row.get()[0] + " " + template));
        }
        assertThat(covered).isEqualTo(Contract.operations());
    }
}
