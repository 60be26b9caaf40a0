package vn.baovetreem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract in the OpenAPI 3.0 dialect, for the request and response validator of the suite.
 *
 * <p>swagger-request-validator 2.46.1 reads an OpenAPI 3.1 document, but its schema check then sees
 * no {@code type} at all: under 3.1 a field typed {@code string} accepted a number and a
 * {@code boolean} accepted {@code "yes"}, and a {@code oneOf} with a {@code discriminator} answered
 * "Invalid JSON Schema, cannot continue" for every body. Given the same document written as 3.0 it
 * checks every type and uses the discriminator. The contract uses only these 3.1 forms, each
 * rewritten here: {@code type: [X, 'null']} as {@code type: X, nullable: true}, and the document-level
 * {@code webhooks}, {@code info.summary} and {@code license.identifier}, which no request or response
 * is validated against. A {@code oneOf} branch {@code {type: 'null'}} stays as it is: the validator's
 * JSON Schema draft knows that type.
 *
 * <p>One 3.0 reading is undone: a file download whose media type is JSON (the export as a file) has
 * the schema {@code {type: string, format: binary}}, so that generated clients hand over the file;
 * under 3.0 the validator would read the file's JSON against that string, so its schema is dropped
 * here, as it is for the other file types, whose bodies the validator does not read.
 */
final class ValidatorContract {

    private ValidatorContract() {
    }

    /** The contract at {@code path}, as 3.0 JSON. */
    static String of(String path) {
        try {
            ObjectNode contract = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(new File(path));
            contract.put("openapi", "3.0.3");
            contract.remove("webhooks");
            ((ObjectNode) contract.get("info")).remove("summary");
            ((ObjectNode) contract.at("/info/license")).remove("identifier");
            contract.findParents("type").forEach(ValidatorContract::nullableInsteadOfNullType);
            contract.findParents("schema").stream()
                    .filter(media -> "binary".equals(media.at("/schema/format").asText()))
                    .forEach(media -> ((ObjectNode) media).remove("schema"));
            return new ObjectMapper().writeValueAsString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void nullableInsteadOfNullType(JsonNode schema) {
        JsonNode types = schema.get("type");
        if (!types.isArray()) {
            return;
        }
        List<String> named = new ArrayList<>();
        types.forEach(type -> named.add(type.asText()));
        if (named.size() != 2 || !named.remove("null")) {
            throw new IllegalStateException("A type list other than [X, 'null'] has no 3.0 form: " + types);
        }
        ((ObjectNode) schema).put("type", named.getFirst()).put("nullable", true);
    }
}
