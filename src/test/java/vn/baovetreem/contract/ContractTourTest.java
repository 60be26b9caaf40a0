package vn.baovetreem.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.Contract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * A tour of the whole API as its users would take it: every operation of the contract answers a
 * success, and every example the contract gives (each request body, each parameter) is sent as it
 * is written and accepted. Each request and response goes through the suite's validator and null
 * check, so the tour is the "validating proxy over a scenario that touches every operation" that
 * a frontend developer would run.
 *
 * <p>The examples name Yên Phúc's records. The tour makes its own commune (06999, its villages and
 * a commune retired into it) and its own children, cases and plans, and sends each example with
 * those standing for the ones it names ({@link #standIns}); a commune officer of 06999 exists in
 * the test realm only. Reference data the tour changes for everyone is put back as it was (a
 * year's reporting periods, a calendar year that existed); the example's calendar year 2027, which
 * the demo data does not have, keeps the example's New Year's Day.
 */
@QuarkusTest
class ContractTourTest {

    private static final String ADMIN = "admin";
    private static final String DISTRICT = "district.langson";
    private static final String COMMUNE = "test.tour";
    private static final String BASE = Contract.base();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    /** A validating proxy to send the tour through, on this port of 127.0.0.1 ({@code scripts/contract/tour-through-prism.sh}). */
    private static final String PROXY_PORT = System.getProperty("cp.contract.proxy-port");
    private static final Map<String, JsonNode> REQUEST_EXAMPLES = requestExamples();

    /** Values the examples name, and what stands for them in the tour; longest first, so a code is replaced before its prefix. */
    private final Map<String, String> standIns = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
            .thenComparing(Comparator.naturalOrder()));
    /** Each operation answered 2xx or 304, with the caller and path of its first such answer. */
    private final Map<String, Visit> answered = new TreeMap<>();
    private final Set<String> examplesSent = new TreeSet<>();
    private final Set<String> etagsSeen = new TreeSet<>();
    /** Where the parameter examples of an operation are sent, when not where the tour first called it. */
    private final Map<String, Visit> sweepAt = new TreeMap<>();

    private record Visit(String who, String path) {
    }

    @Test
    void everyOperationAnswersAndEveryExampleOfTheContractIsAccepted() {
        units();
        children();
        cases();
        supports();
        prevention();
        referenceData();
        plansAndReports();
        imports();
        reads();
        parameterExamples();

        Set<String> unanswered = new TreeSet<>(Contract.operations());
        unanswered.removeAll(answered.keySet());
        assertThat(unanswered).as("operations the tour got no success from").isEmpty();
        Set<String> unsent = new TreeSet<>(REQUEST_EXAMPLES.keySet());
        sentParameterExamples().forEach((operation, parameters) ->
                parameters.forEach(p -> unsent.add(operation + " " + p.get("name").asText())));
        unsent.removeAll(examplesSent);
        assertThat(unsent).as("examples not sent").isEmpty();
        headerExamplesHaveTheShapeTheServiceSends();
    }

    // ---------------------------------------------------------------- the tour, in the order users work

    private void units() {
        as(ADMIN).get(BASE + "/me").then().statusCode(200);
        createUnit("06999", "COMMUNE", "Tour", "Xã", "20");
        createUnit("06998", "COMMUNE", "Tour cũ", "Xã", "20");
        createUnit("06999_01", "VILLAGE", "Thôn Một", "Thôn", "06999");
        createUnit("06999_02", "VILLAGE", "Thôn Hai", "Thôn", "06999");
        standIns.put("06298", "06999");
        standIns.put("06298_10", "06999_10");
        standIns.put("06283_01", "06999_01");
        standIns.put("06283_02", "06999_02");
        standIns.put("06283", "06998");
        send(ADMIN, "POST /admin-units", "village", null).statusCode(201);
        send(ADMIN, "PATCH /admin-units/{code}", "rename", etag(ADMIN, "/admin-units/06999_01"), "06999_01");
        send(ADMIN, "PATCH /admin-units/{code}", "clearNote", etag(ADMIN, "/admin-units/06999_01"), "06999_01");
        send(ADMIN, "POST /admin-units/{code}/retirement", "merger", etag(ADMIN, "/admin-units/06998"), "06998");
        as(COMMUNE).get(BASE + "/me").then().statusCode(200).body("unit.code", equalTo("06999"));
    }

    private void children() {
        String a = id(sendExample(COMMUNE, "POST /children", "child", null,
                Map.of("Idempotency-Key", headerExample("IdempotencyKey")), null).statusCode(201));
        standIns.put("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", a);
        String b = child("Lương Văn Bình", "2016-05-01", "SEVERE");
        standIns.put("3f1c9a52-6f7e-4d0b-9a51-2c4f0e8b7d13", b);
        String c = child("Lương Thị Cúc", "2026-10-01", "NONE");
        standIns.put("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", c);
        String twin = child("Lương Văn Bình", "2016-05-01", "SEVERE");
        String leaving = child("Nông Văn Đi", "2014-02-02", "NONE");

        send(COMMUNE, "PATCH /children/{id}", "school", etag(COMMUNE, "/children/" + a), a);
        send(COMMUNE, "PATCH /children/{id}", "poverty", etag(COMMUNE, "/children/" + a), a);
        for (String kind : List.of("circumstances", "risks")) {
            String span = id(send(COMMUNE, "POST /children/{id}/" + kind, "span", null, a).statusCode(201));
            String spanPath = "/children/" + a + "/" + kind + "/" + span;
            send(COMMUNE, "PATCH /children/{id}/" + kind + "/{episodeId}", "startDate", etag(COMMUNE, spanPath), a, span);
            send(COMMUNE, "PATCH /children/{id}/" + kind + "/{episodeId}", "note", etag(COMMUNE, spanPath), a, span);
            as(COMMUNE).get(BASE + spanPath).then().statusCode(200);
            as(COMMUNE).get(BASE + "/children/" + a + "/" + kind).then().statusCode(200);
            send(COMMUNE, "POST /children/{id}/" + kind + "/{episodeId}/end", "ended", etag(COMMUNE, spanPath), a, span);
        }
        Response given = send(COMMUNE, "POST /children/{id}/consents", "child", null, a).statusCode(201).extract().response();
        send(COMMUNE, "POST /children/{id}/consents/{consentId}/withdrawal", "withdrawn", given.header("ETag"), a,
                given.path("id"));
        as(COMMUNE).get(BASE + "/children/" + a + "/consents").then().statusCode(200);

        send(COMMUNE, "POST /children/{id}/merge", "merge", etag(COMMUNE, "/children/" + twin), twin);
        send(COMMUNE, "POST /children/{id}/transitions", "movedAway", etag(COMMUNE, "/children/" + leaving), leaving);
        as(COMMUNE).get(BASE + "/children/" + a + "/history").then().statusCode(200);
        as(COMMUNE).get(BASE + "/children/" + a + "/personal-data-report").then().statusCode(200);
    }

    private void cases() {
        String abuse = id(send(COMMUNE, "POST /cases", "abuse", null).statusCode(201));
        standIns.put("5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e", abuse);
        send(COMMUNE, "POST /cases", "drowning", null).statusCode(201);
        send(COMMUNE, "PATCH /cases/{id}", "outcome", caseEtag(abuse), abuse);
        send(COMMUNE, "PATCH /cases/{id}", "reporterPhone", caseEtag(abuse), abuse);
        send(COMMUNE, "POST /cases/{id}/transitions", "assess", caseEtag(abuse), abuse);
        send(COMMUNE, "POST /cases/{id}/transitions", "separate", caseEtag(abuse), abuse);
        step(abuse, Map.of("action", "END_SEPARATION"));
        step(abuse, Map.of("action", "ASSESS_DETAILED", "note", "Bà ngoại có khả năng chăm sóc trẻ"));
        send(COMMUNE, "POST /cases/{id}/transitions", "conference", caseEtag(abuse), abuse);
        send(COMMUNE, "PUT /cases/{id}/plan", "plan", caseEtag(abuse), abuse);
        step(abuse, Map.of("action", "SUBMIT_PLAN"));
        step(abuse, Map.of("action", "APPROVE_PLAN"));
        step(abuse, Map.of("action", "START_IMPLEMENTATION"));
        step(abuse, Map.of("action", "REVIEW", "reviewOutcome", "SAFE_AND_STABLE", "riskLevel", "LOW"));
        send(COMMUNE, "POST /cases/{id}/notes", "visit", null, abuse).statusCode(201);
        send(COMMUNE, "POST /cases/{id}/transitions", "close", caseEtag(abuse), abuse);
        as(COMMUNE).get(BASE + "/cases/" + abuse + "/plan").then().statusCode(200);
        as(COMMUNE).get(BASE + "/cases/" + abuse + "/timeline").then().statusCode(200);
    }

    private void supports() {
        String b = standIns.get("3f1c9a52-6f7e-4d0b-9a51-2c4f0e8b7d13");
        String allowance = id(send(COMMUNE, "POST /interventions", "allowance", null).statusCode(201));
        send(COMMUNE, "PATCH /interventions/{id}", "amount", etag(COMMUNE, "/interventions/" + allowance), allowance);
        send(COMMUNE, "PATCH /interventions/{id}", "provider", etag(COMMUNE, "/interventions/" + allowance), allowance);
        String lessons = id(as(COMMUNE).contentType("application/json").body(Map.of("childId", b, "status", "ONGOING",
                        "type", "SWIMMING_LESSONS", "protectionLevel", "PREVENTION", "fundingSource", "STATE_BUDGET",
                        "provider", "Trạm y tế xã", "startDate", "2025-07-01"))
                .post(BASE + "/interventions").then().statusCode(201));
        send(COMMUNE, "POST /interventions/{id}/transitions", "complete", etag(COMMUNE, "/interventions/" + lessons), lessons);
        send(COMMUNE, "POST /intervention-batches", "swimming", null).statusCode(201);
        as(COMMUNE).get(BASE + "/children/" + b + "/interventions").then().statusCode(200);
    }

    private void prevention() {
        String site = id(send(COMMUNE, "POST /hazard-sites", "pond", null).statusCode(201));
        send(COMMUNE, "PATCH /hazard-sites/{id}", "risk", etag(COMMUNE, "/hazard-sites/" + site), site);
        send(COMMUNE, "PATCH /hazard-sites/{id}", "coordinates", etag(COMMUNE, "/hazard-sites/" + site), site);
        send(COMMUNE, "POST /hazard-sites/{id}/inspections", "beforeSummer", etag(COMMUNE, "/hazard-sites/" + site), site);
        as(COMMUNE).get(BASE + "/safe-home-checklist").then().statusCode(200);

        String household = id(send(COMMUNE, "POST /households", "family", null).statusCode(201));
        send(COMMUNE, "PATCH /households/{id}", "newborn", etag(COMMUNE, "/households/" + household), household);
        send(COMMUNE, "PATCH /households/{id}", "head", etag(COMMUNE, "/households/" + household), household);
        send(COMMUNE, "PUT /households/{id}/assessments/{year}", "visit", null, household, 2025);
        as(COMMUNE).get(BASE + "/households/" + household + "/assessments").then().statusCode(200);
        as(COMMUNE).get(BASE + "/households/" + household + "/assessments/2025").then().statusCode(200);

        send(COMMUNE, "POST /awareness-activities", "school", null).statusCode(201);
        send(COMMUNE, "PUT /admin-units/{code}/facts/{year}", "commune", null, "06999", 2025);
        as(COMMUNE).get(BASE + "/admin-units/06999/facts/2025").then().statusCode(200);
    }

    private void referenceData() {
        as(COMMUNE).get(BASE + "/social-assistance-rates").then().statusCode(200);
        send(ADMIN, "POST /social-assistance-rates", "provincial", null).statusCode(201);

        // The calendar and the reporting periods are everyone's: put them back after the example.
        Response calendar = as(ADMIN).get(BASE + "/calendars/2027");
        send(ADMIN, "PUT /calendars/{year}", "newYear", calendar.statusCode() == 200 ? calendar.header("ETag") : null, 2027);
        if (calendar.statusCode() == 200) {
            as(ADMIN).header("If-Match", etag(ADMIN, "/calendars/2027")).contentType("application/json")
                    .body(Map.of("days", calendar.jsonPath().getList("days"))).put(BASE + "/calendars/2027").then().statusCode(200);
        }
        Response periods = as(ADMIN).get(BASE + "/reporting-periods/2026").then().statusCode(200).extract().response();
        send(ADMIN, "PUT /reporting-periods/{year}", "later", null, 2026);
        as(ADMIN).contentType("application/json")
                .body(Map.of("items", periods.jsonPath().getList("items.collect { [kind: it.kind, startsOn: it.startsOn, "
                        + "cutOff: it.cutOff, dueOn: it.dueOn] }"))).put(BASE + "/reporting-periods/2026")
                .then().statusCode(200);
    }

    private void plansAndReports() {
        String plan = id(send(COMMUNE, "POST /plans", "yenPhuc", null).statusCode(201));
        String measured = id(send(COMMUNE, "POST /plans/{id}/targets", "disability", null, plan).statusCode(201));
        String targetPath = "/plans/" + plan + "/targets/" + measured;
        send(COMMUNE, "PATCH /plans/{id}/targets/{targetId}", "value", etag(COMMUNE, targetPath), plan, measured);
        send(COMMUNE, "PATCH /plans/{id}/targets/{targetId}", "describe", etag(COMMUNE, targetPath), plan, measured);
        String fund = target(plan, "Vận động ủng hộ Quỹ Bảo trợ trẻ em", "MANUAL", 20_000_000, "VND");
        send(COMMUNE, "POST /plans/{id}/targets/{targetId}/values", "fund", null, plan, fund).statusCode(201);
        String dropped = target(plan, "Mục tiêu bỏ", "MANUAL", 1, "COUNT");
        as(COMMUNE).header("If-Match", etag(COMMUNE, "/plans/" + plan + "/targets/" + dropped))
                .delete(BASE + "/plans/" + plan + "/targets/" + dropped).then().statusCode(204);
        as(COMMUNE).get(BASE + "/plans/" + plan + "/targets").then().statusCode(200);
        send(COMMUNE, "PATCH /plans/{id}", "adopt", etag(COMMUNE, "/plans/" + plan), plan);
        as(COMMUNE).get(BASE + "/plans/" + plan + "/progress").then().statusCode(200);
        send(COMMUNE, "PATCH /plans/{id}", "close", etag(COMMUNE, "/plans/" + plan), plan);
        // The progress examples ask about 2024: a plan of that year answers them.
        String past = id(as(COMMUNE).contentType("application/json").body(Map.of("communeCode", "06999", "year", 2024,
                "title", "Kế hoạch năm 2024")).post(BASE + "/plans").then().statusCode(201));
        sweepAt.put("GET /plans/{id}/progress", new Visit(COMMUNE, BASE + "/plans/" + past + "/progress"));

        String report = id(send(COMMUNE, "POST /reports", "annual", null).statusCode(201));
        send(COMMUNE, "PATCH /reports/{id}", "results", etag(COMMUNE, "/reports/" + report), report);
        send(COMMUNE, "PATCH /reports/{id}", "proposals", etag(COMMUNE, "/reports/" + report), report);
        as(COMMUNE).header("If-Match", etag(COMMUNE, "/reports/" + report)).contentType("application/json")
                .body(Map.of("action", "SUBMIT")).post(BASE + "/reports/" + report + "/transitions").then().statusCode(200);
        send(DISTRICT, "POST /reports/{id}/transitions", "return", etag(DISTRICT, "/reports/" + report), report);
        as(COMMUNE).get(BASE + "/reports/" + report + "/versions/1").then().statusCode(200);
    }

    private void imports() {
        Pattern query = Pattern.compile("(kind=\\w+(&\\w+=\\w+)*)");
        String job = null;
        for (String name : List.of("two", "spans", "supports", "one")) {
            JsonNode example = REQUEST_EXAMPLES.get("POST /imports#" + name);
            Matcher given = query.matcher(example.path("summary").asText());
            String kind = given.find() ? given.group(1) : "kind=children";
            job = id(sendExample(COMMUNE, "POST /imports", name, null, Map.of(), kind + "&dryRun=true").statusCode(202));
        }
        as(COMMUNE).get(BASE + "/imports/" + job).then().statusCode(200);
        as(COMMUNE).get(BASE + "/imports/" + job + "/errors").then().statusCode(200);
        as(COMMUNE).get(BASE + "/imports/templates/children").then().statusCode(200);
    }

    /** The reads not taken on the way, each with its examples where it has some. */
    private void reads() {
        as(COMMUNE).get(BASE + "/code-lists").then().statusCode(200);
        as(COMMUNE).get(BASE + "/code-lists/" + pathExample("GET /code-lists/{name}", "name")).then().statusCode(200);
        as(COMMUNE).get(BASE + "/indicators").then().statusCode(200);
        as(COMMUNE).get(BASE + "/indicators/" + pathExample("GET /indicators/{key}", "key")).then().statusCode(200);
        as(DISTRICT).get(BASE + "/exports/dhis2-metadata").then().statusCode(200);
        // A first page of one, then the page its token leads to.
        String next = as(COMMUNE).queryParam("pageSize", 1).get(BASE + "/children").then().statusCode(200)
                .extract().path("nextPageToken");
        as(COMMUNE).queryParam("pageSize", 1).queryParam("pageToken", next).get(BASE + "/children").then().statusCode(200);
        String changesToken = as(COMMUNE).queryParam("pageSize", 5).get(BASE + "/sync/seed").then().statusCode(200)
                .extract().path("changesToken");
        as(COMMUNE).queryParam("since", changesToken).get(BASE + "/changes").then().statusCode(200);
        send(COMMUNE, "POST /sync/batch", "visit", null).body("outcomes.ref", contains("c1", "c1-span", "pond"));
        String hook = send(ADMIN, "POST /webhooks", "district", null).extract().path("id");
        as(ADMIN).get(BASE + "/webhooks").then().statusCode(200);
        as(ADMIN).get(BASE + "/webhooks/" + hook).then().statusCode(200);
        as(ADMIN).get(BASE + "/webhooks/" + hook + "/deliveries").then().statusCode(200);
        String removed = send(ADMIN, "POST /webhooks", "district", null).extract().path("id");
        as(ADMIN).delete(BASE + "/webhooks/" + removed).then().statusCode(204);
        for (String list : List.of("/admin-units", "/audit-events", "/cases", "/children", "/children/duplicates",
                "/interventions", "/support-coverage", "/funding-summary", "/hazard-sites", "/households",
                "/awareness-activities")) {
            as(COMMUNE).get(BASE + list).then().statusCode(200);
        }
        // Reads that need a unit, and the province's figures, are the district's: their examples name the province.
        for (String unitRead : List.of("/indicator-values", "/exports/circular-13", "/exports/circular-13/download", "/plans",
                "/plans/progress", "/reports")) {
            sweepAt.put("GET " + unitRead, new Visit(DISTRICT, BASE + unitRead));
        }
        sweepAt.put("GET /audit-events", new Visit(ADMIN, BASE + "/audit-events"));
        as(COMMUNE).get(BASE + "/admin-units/06999").then().statusCode(200);
        as(ADMIN).get(BASE + "/calendars/2026").then().statusCode(200);
    }

    /**
     * Sends the examples of each read's query and header parameters, all at once, where the tour
     * read it (or where {@link #sweepAt} says). A period is asked either by name or by its ends
     * ({@code from}, {@code to}, {@code asOf}), so where both are offered the ends go in a second
     * request, with the required parameters.
     */
    private void parameterExamples() {
        sentParameterExamples().forEach((operation, parameters) -> {
            Visit at = sweepAt.getOrDefault(operation, answered.get(operation));
            assertThat(at).as("where to send the examples of " + operation).isNotNull();
            Set<String> names = new TreeSet<>();
            parameters.forEach(p -> names.add(p.get("name").asText()));
            Set<String> ends = Set.of("from", "to", "asOf");
            boolean alternatives = names.contains("period") && names.stream().anyMatch(ends::contains);
            send(at, parameters, p -> !alternatives || !ends.contains(p.get("name").asText()));
            if (alternatives) {
                send(at, parameters, p -> p.path("required").asBoolean() || ends.contains(p.get("name").asText()));
            }
            parameters.forEach(p -> examplesSent.add(operation + " " + p.get("name").asText()));
        });
    }

    private void send(Visit at, List<JsonNode> parameters, Predicate<JsonNode> which) {
        RequestSpecification request = as(at.who());
        for (JsonNode parameter : parameters) {
            if (which.test(parameter)) {
                String value = standIn(parameter.get("example").asText());
                if (parameter.path("in").asText().equals("header")) {
                    request.header(parameter.get("name").asText(), value);
                } else {
                    request.queryParam(parameter.get("name").asText(), value);
                }
            }
        }
        request.get(at.path()).then().statusCode(200);
    }

    /** The parameters of reads whose examples are sent as written: all but path values and page and feed tokens (the tour follows real ones). */
    private static Map<String, List<JsonNode>> sentParameterExamples() {
        Map<String, List<JsonNode>> sent = new TreeMap<>();
        for (String operation : Contract.operations()) {
            String[] parts = operation.split(" ", 2);
            if (parts[0].equals("GET")) {
                List<JsonNode> parameters = parameters(Contract.operation("GET", parts[1]), parts[1]).stream()
                        .filter(p -> p.has("example") && !p.path("in").asText().equals("path")
                                && !p.path("name").asText().equals("pageToken") && !p.path("name").asText().equals("since"))
                        .toList();
                if (!parameters.isEmpty()) {
                    sent.put(operation, parameters);
                }
            }
        }
        return sent;
    }

    // ---------------------------------------------------------------- checks over the whole tour

    /** If-Match and If-None-Match examples cannot be sent as they are; they must at least look like an ETag the service sends. */
    private void headerExamplesHaveTheShapeTheServiceSends() {
        Set<String> shapes = new TreeSet<>();
        etagsSeen.forEach(tag -> shapes.add(shape(tag)));
        for (String operation : Contract.operations()) {
            String[] parts = operation.split(" ", 2);
            for (JsonNode parameter : parameters(Contract.operation(parts[0], parts[1]), parts[1])) {
                if (parameter.path("name").asText().matches("If-(None-)?Match") && parameter.has("example")) {
                    assertThat(shapes).as("%s %s example %s", operation, parameter.get("name").asText(), parameter.get("example"))
                            .contains(shape(parameter.get("example").asText()));
                }
            }
        }
    }

    private static String shape(String etag) {
        return etag.replaceAll("[0-9a-f]{16,}", "H").replaceAll("\\d+", "N");
    }

    // ---------------------------------------------------------------- helpers

    /** A request as {@code who}, validated by the suite and recorded by the tour. */
    private RequestSpecification as(String who) {
        Filter recorder = (request, spec, context) -> {
            Response response = context.next(request, spec);
            String path = URI.create(request.getURI()).getPath();
            if (response.statusCode() / 100 == 2 || response.statusCode() == 304) {
                Contract.template(path).ifPresent(template ->
                        answered.putIfAbsent(request.getMethod() + " " + template, new Visit(who, path)));
            }
            if (response.header("ETag") != null) {
                etagsSeen.add(response.header("ETag"));
            }
            return response;
        };
        RequestSpecification request = Api.as(who).filter(recorder);
        return PROXY_PORT == null ? request : request.port(Integer.parseInt(PROXY_PORT));
    }

    /** Sends the request example {@code name} of {@code operation} with the tour's records standing in, and expects a success. */
    private ValidatableResponse send(String who, String operation, String name, String ifMatch, Object... pathValues) {
        return sendExample(who, operation, name, ifMatch, Map.of(), null, pathValues);
    }

    /** {@link #send}, with headers and a query string besides. */
    private ValidatableResponse sendExample(String who, String operation, String name, String ifMatch, Map<String, String> headers,
                                            String query, Object... pathValues) {
        JsonNode example = REQUEST_EXAMPLES.get(operation + "#" + name);
        assertThat(example).as("example %s of %s", name, operation).isNotNull();
        String media = example.get("media").asText();
        JsonNode value = example.get("value");
        String body = value.isTextual() ? standIn(value.asText()) : standIns(value.deepCopy()).toString();
        String[] parts = operation.split(" ", 2);
        RequestSpecification request = as(who).contentType(media + "; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        headers.forEach(request::header);
        String path = BASE + fill(parts[1], pathValues) + (query == null ? "" : "?" + query);
        ValidatableResponse response = request.request(parts[0], path).then()
                .statusCode(greaterThanOrEqualTo(200)).statusCode(lessThan(300));
        examplesSent.add(operation + "#" + name);
        return response;
    }

    /** Every request body example of the contract by {@code "POST /cases#abuse"}, with its media type and summary. */
    private static Map<String, JsonNode> requestExamples() {
        Map<String, JsonNode> examples = new TreeMap<>();
        for (String operation : Contract.operations()) {
            String[] parts = operation.split(" ", 2);
            JsonNode content = Contract.resolve(Contract.operation(parts[0], parts[1]).path("requestBody")).path("content");
            content.properties().forEach(media -> media.getValue().path("examples").properties().forEach(example -> {
                ObjectNode entry = JSON.createObjectNode().put("media", media.getKey());
                JsonNode resolved = Contract.resolve(example.getValue());
                entry.set("value", resolved.get("value"));
                entry.put("summary", resolved.path("summary").asText());
                examples.put(operation + "#" + example.getKey(), entry);
            }));
        }
        return examples;
    }

    /** The operation's parameters and its path's, resolved. */
    private static List<JsonNode> parameters(JsonNode operation, String template) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode list : List.of(operation.path("parameters"), Contract.pathItem(template).path("parameters"))) {
            list.forEach(p -> all.add(Contract.resolve(p)));
        }
        return all;
    }

    private static String pathExample(String operation, String name) {
        String[] parts = operation.split(" ", 2);
        return parameters(Contract.operation(parts[0], parts[1]), parts[1]).stream()
                .filter(p -> p.path("name").asText().equals(name)).findFirst().orElseThrow().get("example").asText();
    }

    private static String headerExample(String component) {
        return Contract.resolve(JSON.createObjectNode().put("$ref", "#/components/parameters/" + component)).get("example").asText();
    }

    private JsonNode standIns(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(standIns(field.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, standIns(array.get(i)));
            }
        } else if (node.isTextual() && standIns.containsKey(node.asText())) {
            return TextNode.valueOf(standIns.get(node.asText()));
        }
        return node;
    }

    /** {@code text} with every value the examples name replaced by the tour's. */
    private String standIn(String text) {
        for (Map.Entry<String, String> standIn : standIns.entrySet()) {
            text = text.replace(standIn.getKey(), standIn.getValue());
        }
        return text;
    }

    private static String fill(String template, Object... values) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(values[i++])));
        }
        return variable.appendTail(path).toString();
    }

    private String etag(String who, String path) {
        return as(who).get(BASE + path).then().statusCode(200).extract().header("ETag");
    }

    private String caseEtag(String id) {
        return etag(COMMUNE, "/cases/" + id);
    }

    private void step(String caseId, Map<String, ?> body) {
        as(COMMUNE).header("If-Match", caseEtag(caseId)).contentType("application/json").body(body)
                .post(BASE + "/cases/" + caseId + "/transitions").then().statusCode(200);
    }

    private void createUnit(String code, String level, String name, String kind, String parent) {
        as(ADMIN).contentType("application/json").body(Map.of("code", code, "level", level, "name", name, "kind", kind,
                "parentCode", parent, "validFrom", "2020-01-01")).post(BASE + "/admin-units").then().statusCode(201);
    }

    private String child(String name, String born, String disability) {
        return id(as(COMMUNE).contentType("application/json").body(Map.of("fullName", name, "dateOfBirth", born,
                        "sex", name.contains(" Thị ") ? "FEMALE" : "MALE", "villageCode", "06999_01", "disabilityLevel", disability,
                        "externalRef", "TOUR-" + UUID.randomUUID()))
                .post(BASE + "/children").then().statusCode(201));
    }

    private String target(String plan, String description, String kind, long value, String unit) {
        return id(as(COMMUNE).contentType("application/json").body(Map.of("description", description,
                        "measure", Map.of("kind", kind), "targetValue", value, "unit", unit, "comparison", "AT_LEAST"))
                .post(BASE + "/plans/" + plan + "/targets").then().statusCode(201));
    }

    private static String id(ValidatableResponse response) {
        return response.extract().path("id");
    }
}
