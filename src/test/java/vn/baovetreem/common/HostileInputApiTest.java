package vn.baovetreem.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.Tokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract-driven sweep of hostile input: for every operation of the contract,
 * called by a caller that may call it, every parameter and body field gets values a careless or
 * hostile client sends (NUL and other characters the registry cannot store, lone surrogates, very
 * long strings, the wrong JSON type, numbers at and past their bounds, far-past and far-future
 * dates, tampered page tokens, odd headers and bodies). No answer may be a 5xx, every error must be
 * a problem document with its code, and no value sent may reach the service log.
 * <p>
 * Each run sends a seeded sample of {@value #PER_TARGET} values per parameter or field; the seed is
 * printed, {@code -Dfuzz.seed=N} repeats a run and {@code -Dfuzz.exhaustive=true} sends every value
 * (see docs/hardening.md). It runs after the other test classes, since values at a bound are
 * accepted and change demo records (the surefire configuration orders test classes by {@code @Order}).
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class HostileInputApiTest {

    /** Marks every text value sent, so the log scan finds any that leaked. */
    private static final String MARK = "Zq7Hostile";
    private static final int PER_TARGET = 4;
    private static final List<String> CALLERS = List.of("commune.yenphuc", "admin", "district.langson", "village.ichhuu",
            "cp-importer", "cp-aggregator");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final boolean EXHAUSTIVE = Boolean.getBoolean("fuzz.exhaustive");
    private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            LOG.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static final Map<Integer, Integer> STATUSES = new java.util.concurrent.ConcurrentSkipListMap<>();

    private final Map<String, Optional<String>> realIds = new ConcurrentHashMap<>();

    @BeforeAll
    static void captureLog() {
        System.out.println("HostileInputApiTest seed: -Dfuzz.seed=" + SEED + (EXHAUSTIVE ? " (exhaustive)" : ""));
        Logger.getLogger("").addHandler(CAPTURE);
        org.jboss.logging.Logger.getLogger(HostileInputApiTest.class).info("The sweep begins; this line shows that the capture works");
    }

    @AfterAll
    static void noValueSentReachedTheLog() {
        Logger.getLogger("").removeHandler(CAPTURE);
        System.out.println("HostileInputApiTest answers by status: " + STATUSES + "; log lines read: " + LOG.size());
        assertThat(LOG).as("the log capture works").anyMatch(line -> line.contains("the capture works"));
        assertThat(LOG).noneMatch(line -> line.contains(MARK));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersHostileValuesWithAProblem() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI contract = new OpenAPIV3Parser().read(Api.CONTRACT, null, options);
        List<DynamicTest> tests = new ArrayList<>();
        Random random = new Random(SEED);
        contract.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            long seed = random.nextLong();
            tests.add(DynamicTest.dynamicTest(method + " " + template,
                    () -> sweep(template, method, operation, item, new Random(seed))));
        }));
        return tests.stream();
    }

    private void sweep(String template, PathItem.HttpMethod method, Operation operation, PathItem item, Random random) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Optional<Map.Entry<String, MediaType>> body = operation.getRequestBody() == null ? Optional.empty()
                : operation.getRequestBody().getContent().entrySet().stream()
                .filter(e -> e.getKey().contains("json") && !e.getKey().contains("jsonl")).findFirst();
        JsonNode baseline = body.map(e -> example(e.getValue())).orElse(null);
        String caller = callerFor(template, method, body.map(Map.Entry::getKey).orElse(null), baseline);
        String path = realPath(template, caller);
        Exchange base = new Exchange(method.name(), path, new LinkedHashMap<>(), new LinkedHashMap<>(),
                body.map(Map.Entry::getKey).orElse(null), baseline == null ? null : baseline.toString());

        List<Exchange> sent = new ArrayList<>();
        for (Parameter p : parameters) {
            if ("path".equals(p.getIn())) {
                for (String value : sample(pathValues(), random)) {
                    sent.add(base.withPath(template.replace("{" + p.getName() + "}", value), p.getName(), path, template));
                }
            } else if ("query".equals(p.getIn())) {
                List<String> values = new ArrayList<>(queryValues(p.getSchema()));
                if (p.getName().equals("pageToken")) {
                    values.addAll(tamperedTokens());
                }
                for (String value : sample(values, random)) {
                    sent.add(base.withQuery(p.getName(), value));
                }
            } else if ("header".equals(p.getIn())) {
                for (String value : sample(headerValues(), random)) {
                    sent.add(base.withHeader(p.getName(), value));
                }
            }
        }
        sent.add(base.withHeader("Accept", "text/csv"));
        sent.add(base.withHeader("X-Request-Id", MARK + "\u00e9".repeat(200)));
        if (body.isPresent()) {
            Schema<?> schema = body.get().getValue().getSchema();
            for (Map.Entry<String, Schema<?>> field : fields(schema, "", 0).entrySet()) {
                for (JsonNode value : sample(bodyValues(field.getValue()), random)) {
                    sent.add(base.withBody(set(baseline, field.getKey(), value).toString()));
                }
            }
            for (String whole : sample(List.of("[]", "\"" + MARK + "\"", "null", "{", "{\"" + MARK + "\\u0000\": 1}",
                    "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}"), random)) {
                sent.add(base.withBody(whole));
            }
            sent.add(base.withoutContentType());
            sent.add(base.chunked(3_000_000));
        }
        for (Exchange exchange : sent) {
            check(exchange, caller);
        }
    }

    /** The first caller that the operation does not refuse for their role (403 ROLE_NOT_ALLOWED). */
    private String callerFor(String template, PathItem.HttpMethod method, String mediaType, JsonNode baseline) {
        for (String caller : CALLERS) {
            Exchange probe = new Exchange(method.name(), realPath(template, caller), new LinkedHashMap<>(), new LinkedHashMap<>(),
                    mediaType, baseline == null ? null : baseline.toString());
            HttpResponse<String> response = send(probe, caller);
            if (response.statusCode() != 403) {
                return caller;
            }
        }
        return "admin";
    }

    /** The template with each parameter replaced by the id of a record the caller can see, if one is listed. */
    private String realPath(String template, String caller) {
        String path = "/api/v1" + template;
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            String collection = path.substring(0, m.start() - 1);
            String id = realIds.computeIfAbsent(caller + " " + collection, key -> firstId(collection, caller))
                    .orElse("00000000-0000-4000-8000-000000000000");
            path = path.substring(0, m.start()) + id + path.substring(m.end());
            m = TEMPLATE.matcher(path);
        }
        return path;
    }

    private Optional<String> firstId(String collection, String caller) {
        if (collection.endsWith("/facts") || collection.endsWith("/assessments")) {
            return Optional.of("2025");
        }
        if (collection.endsWith("/calendars") || collection.endsWith("/reporting-periods")) {
            return Optional.of("2026");
        }
        if (collection.endsWith("/code-lists")) {
            return Optional.of("risk-levels");
        }
        HttpResponse<String> list = send(new Exchange("GET", collection, new LinkedHashMap<>(Map.of("pageSize", "1")),
                new LinkedHashMap<>(), null, null), caller);
        try {
            JsonNode items = JSON.readTree(list.body()).path("items");
            JsonNode first = items.path(0);
            for (String key : List.of("id", "code", "key", "year")) {
                if (first.hasNonNull(key)) {
                    return Optional.of(first.get(key).asText());
                }
            }
        } catch (IOException e) {
            // not a list: the example value stays
        }
        return Optional.empty();
    }

    private static void check(Exchange exchange, String caller) {
        HttpResponse<String> response = send(exchange, caller);
        STATUSES.merge(response.statusCode(), 1, Integer::sum);
        String what = exchange + " as " + caller + " answered " + response.statusCode() + ": " + abbreviate(response.body());
        assertThat(response.statusCode()).as(what).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
            JsonNode problem;
            try {
                problem = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError(what, e);
            }
            assertThat(problem.path("code").asText()).as(what).matches("[A-Z0-9_]+");
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
            assertThat(problem.path("detail").asText()).as(what).isNotBlank();
            // The path and an unknown field's name are the caller's own words and may be echoed; nothing else.
            assertThat(response.body()).as(what).doesNotContain("Exception", "SQL", "Key (", "ERROR:");
        }
    }

    private static HttpResponse<String> send(Exchange exchange, String caller) {
        StringBuilder uri = new StringBuilder("http://localhost:" + RestAssured.port + exchange.path);
        String separator = "?";
        for (Map.Entry<String, String> q : exchange.query.entrySet()) {
            uri.append(separator).append(q.getKey()).append('=').append(q.getValue());
            separator = "&";
        }
        HttpRequest.BodyPublisher publisher;
        if (exchange.chunkedBytes > 0) {
            byte[] big = ("{\"note\":\"" + "x".repeat(exchange.chunkedBytes) + "\"}").getBytes(StandardCharsets.UTF_8);
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big));
        } else if (exchange.body != null) {
            publisher = HttpRequest.BodyPublishers.ofString(exchange.body);
        } else {
            publisher = HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.method, publisher)
                .header("Authorization", "Bearer " + Tokens.of(caller));
        if (exchange.body != null && exchange.mediaType != null) {
            request.header("Content-Type", exchange.mediaType);
        }
        exchange.headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(exchange + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // --- the hostile values ---

    private static List<String> pathValues() {
        return List.of("%00", MARK + "%00", "%ED%A0%80", "%C3%28", "x".repeat(300), "-1", "99999999999999999999", "..%2F..",
                "%2520", "2025%00", "+999999999");
    }

    private static List<String> queryValues(Schema<?> schema) {
        List<String> values = new ArrayList<>(List.of(MARK + "%00b", "%00", "%ED%A0%80", "%C3%28", MARK + "x".repeat(3000),
                "%22", "VIOLENCE%22,%22NEGLECT", "-1", "99999999999999999999", "1e999", "true%00", "%F0%9F%98%80"));
        if (schema != null && ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat()))) {
            values.addAll(List.of("%2B999999999-01-01", "-0001-01-01", "0000-01-01", "1899-12-31", "2101-01-01", "2025-02-30",
                    "%2B999999999-12-31T00:00:00Z"));
        }
        if (schema != null && schema.getMaximum() != null) {
            values.add(schema.getMaximum().add(BigDecimal.ONE).toPlainString());
            values.add(schema.getMaximum().toPlainString());
        }
        if (schema != null && schema.getMinimum() != null) {
            values.add(schema.getMinimum().subtract(BigDecimal.ONE).toPlainString());
        }
        return values;
    }

    private static List<String> tamperedTokens() {
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("1\ncases\n0\n+999999999-12-31T00:00:00Z|00000000-0000-4000-8000-000000000000").getBytes(StandardCharsets.UTF_8));
        String nul = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("2\nchildren\n0\n" + MARK + "\u0000").getBytes(StandardCharsets.UTF_8));
        return List.of(forged, forged + ".AAAAAAAAAAAAAAAAAAAAAA", nul + ".AAAAAAAAAAAAAAAAAAAAAA", "%00", "a.b.c", "." , "AA%3D%3D");
    }

    private static List<String> headerValues() {
        return List.of("\"v99999999999999999999999\"", "W/\"v1\"", "*", "x".repeat(5000), MARK + "\u00e9", "\"v1\", \"v2\"", "");
    }

    private static List<JsonNode> bodyValues(Schema<?> schema) {
        List<JsonNode> values = new ArrayList<>();
        String type = typeOf(schema);
        values.add(NODES.textNode(MARK + "\u0000b"));
        values.add(NODES.textNode(MARK + "\ud800"));
        values.add(NODES.textNode(MARK + "x".repeat(10_000)));
        values.add(NODES.objectNode().put("x", MARK));
        values.add(NODES.arrayNode().add(MARK + "\u0000"));
        values.add(NODES.booleanNode(true));
        values.add(NODES.numberNode(-99_999_999));
        values.add(NODES.numberNode(1.9));
        values.add(NODES.numberNode(new BigDecimal("1e30")));
        values.add(NODES.numberNode(new BigDecimal("9223372036854775808")));
        values.add(NODES.numberNode(new BigDecimal("1e999")));
        values.add(NODES.numberNode(0));
        if ("string".equals(type) && schema.getFormat() != null && schema.getFormat().startsWith("date")) {
            for (String date : List.of("-0001-01-01", "+999999999-01-01", "0000-01-01", "1899-12-31", "2101-01-01", "2025-02-30",
                    "+999999999-12-31T00:00:00Z", "2025-01-01T00:00:00", "2025-01-01")) {
                values.add(NODES.textNode(date));
            }
        }
        if (schema.getMaximum() != null) {
            values.add(NODES.numberNode(schema.getMaximum()));
            values.add(NODES.numberNode(schema.getMaximum().add(BigDecimal.ONE)));
        }
        if (schema.getMinimum() != null) {
            values.add(NODES.numberNode(schema.getMinimum()));
            values.add(NODES.numberNode(schema.getMinimum().subtract(BigDecimal.ONE)));
        }
        if (schema.getEnum() != null) {
            values.add(NODES.textNode(""));
            values.add(NODES.textNode(MARK));
        }
        return values;
    }

    private static <T> List<T> sample(List<T> values, Random random) {
        if (EXHAUSTIVE || values.size() <= PER_TARGET) {
            return values;
        }
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, PER_TARGET);
    }

    // --- bodies ---

    private static JsonNode example(MediaType media) {
        if (media.getExamples() != null && !media.getExamples().isEmpty()) {
            return JSON.valueToTree(media.getExamples().values().iterator().next().getValue());
        }
        if (media.getExample() != null) {
            return JSON.valueToTree(media.getExample());
        }
        return NODES.objectNode();
    }

    /** Every field of the body down to the fields of nested objects, by dotted path (arrays: their first item). */
    private static Map<String, Schema<?>> fields(Schema<?> schema, String prefix, int depth) {
        Map<String, Schema<?>> fields = new LinkedHashMap<>();
        if (schema == null || depth > 2) {
            return fields;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                fields.put(path, property);
                fields.putAll(fields(property, path, depth + 1));
            });
        }
        if (schema.getItems() != null) {
            fields.putAll(fields(schema.getItems(), prefix + "[0]", depth + 1));
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> fields.putAll(fields(part, prefix, depth)));
        }
        if (schema.getOneOf() != null) {
            // A body of several kinds (a case's step): the fields of every kind.
            schema.getOneOf().forEach(part -> fields.putAll(fields(part, prefix, depth)));
        }
        return fields;
    }

    /** A copy of {@code body} with {@code value} at {@code path} (creating objects and arrays on the way). */
    private static JsonNode set(JsonNode body, String path, JsonNode value) {
        JsonNode copy = body == null || !body.isObject() ? NODES.objectNode() : body.deepCopy();
        JsonNode node = copy;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            boolean last = i == steps.length - 1;
            String step = steps[i];
            boolean indexed = step.endsWith("[0]");
            String name = indexed ? step.substring(0, step.length() - 3) : step;
            ObjectNode object = (ObjectNode) node;
            if (indexed) {
                JsonNode array = object.get(name);
                ArrayNode items = array != null && array.isArray() ? (ArrayNode) array : object.putArray(name);
                if (items.isEmpty() || !items.get(0).isObject()) {
                    items.removeAll();
                    items.add(NODES.objectNode());
                }
                node = items.get(0);
                if (last) {
                    items.set(0, value);
                }
            } else if (last) {
                object.set(name, value);
            } else {
                JsonNode next = object.get(name);
                node = next != null && next.isObject() ? next : object.putObject(name);
            }
        }
        return copy;
    }

    private static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        return types == null || types.isEmpty() ? "" : types.iterator().next();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 400 ? text : text.substring(0, 400) + "…";
    }

    /** One request of the sweep. */
    private record Exchange(String method, String path, Map<String, String> query, Map<String, String> headers,
                            String mediaType, String body, int chunkedBytes) {

        Exchange(String method, String path, Map<String, String> query, Map<String, String> headers, String mediaType, String body) {
            this(method, path, query, headers, mediaType, body, 0);
        }

        Exchange withPath(String template, String name, String realPath, String original) {
            // The other path parameters keep the real ids of realPath.
            String[] real = realPath.split("/");
            String[] mutated = ("/api/v1" + template).split("/", -1);
            String[] shape = ("/api/v1" + original).split("/");
            StringBuilder path = new StringBuilder();
            for (int i = 1; i < mutated.length; i++) {
                boolean other = i < shape.length && shape[i].startsWith("{") && !shape[i].equals("{" + name + "}");
                path.append('/').append(other && i < real.length ? real[i] : mutated[i]);
            }
            return new Exchange(method, path.toString(), query, headers, mediaType, body);
        }

        Exchange withQuery(String name, String value) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put(name, value);
            return new Exchange(method, path, q, headers, mediaType, body);
        }

        Exchange withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Exchange(method, path, query, h, mediaType, body);
        }

        Exchange withBody(String json) {
            return new Exchange(method, path, query, headers, mediaType, json);
        }

        Exchange withoutContentType() {
            return new Exchange(method, path, query, headers, null, body == null ? "{}" : body);
        }

        Exchange chunked(int bytes) {
            return new Exchange(method, path, query, headers, mediaType, "", bytes);
        }

        @Override
        public String toString() {
            String shownBody = chunkedBytes > 0 ? "<" + chunkedBytes + " bytes chunked>" : abbreviate(body);
            return method + " " + path + (query.isEmpty() ? "" : " " + query) + (headers.isEmpty() ? "" : " " + headers.keySet())
                    + (mediaType == null ? " (no Content-Type)" : "") + (shownBody == null ? "" : " body " + shownBody);
        }
    }
}
