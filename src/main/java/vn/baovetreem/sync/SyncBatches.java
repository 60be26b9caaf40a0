package vn.baovetreem.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.Problem;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.http.RequestIds;
import vn.baovetreem.common.text.Language;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.Operation;
import vn.baovetreem.sync.SyncBatch.Method;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a batch of offline operations in order, each as the request it stands for: sent to this
 * same instance over HTTP with the caller's own token, so every rule, scope check, idempotency key,
 * ETag, audit event and problem is exactly that of the operation sent alone. An operation's
 * failure stops nothing; one that names a failed operation's record ({@code ${ref}}) answers 424.
 */
@ApplicationScoped
public class SyncBatches {

    private static final Logger LOG = Logger.getLogger(SyncBatches.class);
    private static final String ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9._:-]{1,100})}");
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A change a copy may make offline: its method, its path, and how many leading segments of the
     * path name the record it changes (0 for a create), read back when the change is refused as stale.
     */
    private record Allowed(Method method, Pattern path, int recordSegments) {
        static Allowed of(Method method, String path, int recordSegments) {
            return new Allowed(method, Pattern.compile(path.replace("ID", ID)), recordSegments);
        }
    }

    private static final List<Allowed> ALLOWED = List.of(
            Allowed.of(Method.POST, "/children", 0),
            Allowed.of(Method.PATCH, "/children/ID", 2),
            Allowed.of(Method.POST, "/children/ID/transitions", 2),
            Allowed.of(Method.POST, "/children/ID/(circumstances|risks)", 0),
            Allowed.of(Method.PATCH, "/children/ID/(circumstances|risks)/ID", 4),
            Allowed.of(Method.POST, "/children/ID/(circumstances|risks)/ID/end", 4),
            Allowed.of(Method.POST, "/children/ID/consents", 0),
            Allowed.of(Method.POST, "/cases", 0),
            Allowed.of(Method.PATCH, "/cases/ID", 2),
            Allowed.of(Method.POST, "/cases/ID/transitions", 2),
            Allowed.of(Method.POST, "/cases/ID/notes", 0),
            Allowed.of(Method.POST, "/interventions", 0),
            Allowed.of(Method.PATCH, "/interventions/ID", 2),
            Allowed.of(Method.POST, "/interventions/ID/transitions", 2),
            Allowed.of(Method.POST, "/hazard-sites", 0),
            Allowed.of(Method.PATCH, "/hazard-sites/ID", 2),
            Allowed.of(Method.POST, "/hazard-sites/ID/inspections", 2),
            Allowed.of(Method.POST, "/households", 0),
            Allowed.of(Method.PATCH, "/households/ID", 2),
            Allowed.of(Method.PUT, "/households/ID/assessments/[0-9]{4}", 4));

    /** Where this instance answers, and what every operation of one batch carries. */
    public record Caller(URI api, String authorization, String acceptLanguage, Language language) {
    }

    private final AccessPolicy access;
    private final RequestValidator validator;
    private final ObjectMapper json;
    private final RequestIds.Current requestId;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SyncBatches(AccessPolicy access, RequestValidator validator, ObjectMapper json, RequestIds.Current requestId) {
        this.access = access;
        this.validator = validator;
        this.json = json;
        this.requestId = requestId;
    }

    public SyncBatch.Outcomes apply(SyncBatch batch, Caller caller) {
        access.check(Operation.APPLY_OFFLINE_CHANGES);
        validator.validate(batch);
        Set<String> refs = new HashSet<>();
        for (SyncBatch.Op op : batch.operations()) {
            if (!refs.add(op.ref())) {
                throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "operations", "Each operation needs a ref of its own.");
            }
        }
        Map<String, String> created = new HashMap<>();
        Set<String> failed = new HashSet<>();
        List<SyncBatch.Outcome> outcomes = new ArrayList<>(batch.operations().size());
        for (int i = 0; i < batch.operations().size(); i++) {
            SyncBatch.Op op = batch.operations().get(i);
            SyncBatch.Outcome outcome = apply(op, i, created, failed, caller);
            outcomes.add(outcome);
            if (outcome.status() / 100 != 2) {
                failed.add(op.ref());
            } else if (outcome.status() == 201 && outcome.body() != null && outcome.body().path("id").isTextual()) {
                created.put(op.ref(), outcome.body().get("id").asText());
            }
        }
        return new SyncBatch.Outcomes(outcomes);
    }

    private SyncBatch.Outcome apply(SyncBatch.Op op, int index, Map<String, String> created, Set<String> failed, Caller caller) {
        String path;
        JsonNode body;
        try {
            path = resolve(op.path(), created, failed);
            body = resolve(op.body(), created, failed);
        } catch (ApiException e) {
            return refused(op, e, caller);
        }
        Allowed allowed = ALLOWED.stream().filter(a -> a.method() == op.method() && a.path().matcher(path).matches())
                .findFirst().orElse(null);
        if (allowed == null) {
            return refused(op, ApiException.BadRequest.field(ProblemCode.BATCH_OPERATION_NOT_ALLOWED, "path",
                    "This operation cannot be sent in a batch; send it on its own."), caller);
        }
        HttpResponse<String> response;
        try {
            response = send(op.method().name(), path, body, op.ifMatch(), op.idempotencyKey(), index, caller);
        } catch (IOException e) {
            LOG.warnf("Batch operation %s %s was not answered: %s", op.method(), path, e.toString());
            return refused(op, ApiException.ServiceUnavailable.busy("The operation was not answered."), caller);
        } catch (IllegalArgumentException e) {
            // A header the HTTP client will not send (the batch's own checks should have refused it first).
            return refused(op, ApiException.BadRequest.field(ProblemCode.INVALID_VALUE, "operations",
                    "A header of the operation cannot be sent."), caller);
        }
        SyncBatch.Current current = null;
        if (response.statusCode() == 412 && allowed.recordSegments() > 0) {
            current = current(path, allowed.recordSegments(), index, caller);
        }
        return new SyncBatch.Outcome(op.ref(), response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Location").map(SyncBatches::pathOf).orElse(null), parse(response), current);
    }

    /** The record a stale change was refused on, as the caller may read it now. */
    private SyncBatch.Current current(String path, int segments, int index, Caller caller) {
        String[] parts = path.split("/");
        String recordPath = String.join("/", Arrays.copyOf(parts, segments + 1));
        try {
            HttpResponse<String> read = send("GET", recordPath, null, null, null, index, caller);
            return read.statusCode() == 200
                    ? new SyncBatch.Current(read.headers().firstValue("ETag").orElse(null), parse(read)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, String ifMatch, String idempotencyKey,
                                      int index, Caller caller) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(caller.api() + path)).timeout(OPERATION_TIMEOUT)
                .header("Authorization", caller.authorization())
                .header("Accept", "application/json")
                .header(RequestIds.HEADER, requestId.id() + "." + (index + 1));
        if (caller.acceptLanguage() != null) {
            request.header("Accept-Language", caller.acceptLanguage());
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header(Idempotency.HEADER, idempotencyKey);
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body.toString()));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A location as a path: the address the operation was sent to is this instance's own, not the caller's. */
    private static String pathOf(String location) {
        try {
            return URI.create(location).getRawPath();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        if (response.body() == null || response.body().isEmpty()) {
            return null;
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(response.body());
        }
    }

    /** {@code text} with each {@code ${ref}} replaced by the id of the record that operation created. */
    private static String resolve(String text, Map<String, String> created, Set<String> failed) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String id = created.get(ref);
            if (id == null) {
                throw failed.contains(ref)
                        ? new ApiException.FailedDependency(ProblemCode.BATCH_DEPENDENCY_FAILED,
                                "The operation names the record of an earlier operation that failed.")
                        : ApiException.BadRequest.field(ProblemCode.BATCH_UNKNOWN_REFERENCE, "path",
                                "The operation names a ref that no earlier operation of the batch created.");
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(id));
        }
        return m.appendTail(resolved).toString();
    }

    private static JsonNode resolve(JsonNode node, Map<String, String> created, Set<String> failed) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(resolve(node.asText(), created, failed));
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy instanceof ObjectNode object) {
                for (String name : object.properties().stream().map(Map.Entry::getKey).toList()) {
                    object.set(name, resolve(object.get(name), created, failed));
                }
            } else if (copy instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, resolve(array.get(i), created, failed));
                }
            }
            return copy;
        }
        return node;
    }

    private SyncBatch.Outcome refused(SyncBatch.Op op, ApiException e, Caller caller) {
        Problem problem = Problem.of(e).at(null, requestId.id()).in(caller.language());
        return new SyncBatch.Outcome(op.ref(), e.status(), null, null, json.valueToTree(problem), null);
    }
}
