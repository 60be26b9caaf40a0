package vn.baovetreem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fails a test whose response holds a JSON {@code null} where the contract's schema does not allow
 * one. The OpenAPI validator lets {@code "code": null} pass for {@code type: string}, and a client
 * generated from the contract types such a field {@code string | undefined}, so it crashes on the
 * null. A value is allowed to be null only where its schema says so ({@code type: [string, 'null']},
 * a {@code oneOf} with a null branch) or holds anything (a schema without a type).
 */
final class ContractNulls implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String type = response.getContentType();
        if (type == null || !type.contains("json") || response.asByteArray().length == 0) {
            return response;
        }
        JsonNode schema = responseSchema(request.getMethod(), URI.create(request.getURI()).getPath(), response.statusCode(), type);
        if (schema == null) {
            return response;
        }
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(response.asByteArray());
        } catch (IOException e) {
            return response;
        }
        Set<String> nulls = nullsNotAllowed(body, schema, "");
        if (!nulls.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered " + response.statusCode()
                    + " with null where the contract allows none, at " + nulls + ": " + response.asString());
        }
        return response;
    }

    private static JsonNode responseSchema(String method, String path, int status, String contentType) {
        JsonNode operation = Contract.template(path).map(template -> Contract.operation(method, template)).orElse(null);
        if (operation == null || operation.isMissingNode()) {
            return null;
        }
        JsonNode responses = operation.get("responses");
        JsonNode answer = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
                : responses.has(status / 100 + "XX") ? responses.get(status / 100 + "XX") : responses.get("default");
        if (answer == null) {
            return null;
        }
        JsonNode content = Contract.resolve(answer).get("content");
        if (content == null) {
            return null;
        }
        String media = contentType.split(";")[0].trim();
        JsonNode typed = content.has(media) ? content.get(media) : content.get("application/json");
        return typed == null ? null : typed.get("schema");
    }

    /** The paths under {@code path} where {@code value} holds a null its {@code schema} does not allow. */
    private static Set<String> nullsNotAllowed(JsonNode value, JsonNode schema, String path) {
        Set<String> found = new HashSet<>();
        schema = Contract.resolve(schema);
        if (value.isNull()) {
            if (!allowsNull(schema)) {
                found.add(path.isEmpty() ? "/" : path);
            }
            return found;
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(s -> found.addAll(nullsNotAllowed(value, s, path)));
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                // A null is wrong only if every branch finds it wrong.
                Set<String> common = null;
                for (JsonNode branch : schema.get(choice)) {
                    Set<String> inBranch = nullsNotAllowed(value, branch, path);
                    if (common == null) {
                        common = inBranch;
                    } else {
                        common.retainAll(inBranch);
                    }
                }
                found.addAll(common == null ? Set.of() : common);
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = properties.has(field.getKey()) ? properties.get(field.getKey())
                        : additional != null && additional.isObject() ? additional : null;
                if (fieldSchema != null) {
                    found.addAll(nullsNotAllowed(field.getValue(), fieldSchema, path + "/" + field.getKey()));
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                found.addAll(nullsNotAllowed(value.get(i), schema.get("items"), path + "/" + i));
            }
        }
        return found;
    }

    private static boolean allowsNull(JsonNode schema) {
        schema = Contract.resolve(schema);
        JsonNode type = schema.get("type");
        if (type != null) {
            if (type.isTextual()) {
                return type.asText().equals("null");
            }
            for (JsonNode t : type) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
            return false;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                for (JsonNode branch : schema.get(choice)) {
                    if (allowsNull(branch)) {
                        return true;
                    }
                }
                return false;
            }
        }
        if (schema.has("allOf")) {
            for (JsonNode branch : schema.get("allOf")) {
                if (!allowsNull(branch)) {
                    return false;
                }
            }
            return true;
        }
        return !schema.has("properties") && !schema.has("items") && !schema.has("enum") && !schema.has("const");
    }
}
