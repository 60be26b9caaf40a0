package vn.baovetreem.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's {@code x-personal-data} marks and {@link IdentifierMasking}'s field names say the
 * same thing: every property the service masks is marked, with its kind, and nothing else is.
 */
class PersonalDataDeclarationTest {

    @Test
    void theContractMarksExactlyTheFieldsTheServiceMasks() {
        OpenAPI contract = new OpenAPIV3Parser().read(Api.CONTRACT);
        List<String> disagreements = new ArrayList<>();
        int marked = 0;
        for (Map.Entry<String, Schema> schema : contract.getComponents().getSchemas().entrySet()) {
            marked += check(schema.getKey(), schema.getValue(), disagreements);
        }
        assertThat(disagreements).isEmpty();
        assertThat(marked).as("marked properties").isGreaterThanOrEqualTo(10);
    }

    @SuppressWarnings("unchecked")
    private static int check(String where, Schema<?> schema, List<String> disagreements) {
        int marked = 0;
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                String name = property.getKey();
                Object mark = property.getValue().getExtensions() == null ? null
                        : property.getValue().getExtensions().get("x-personal-data");
                String expected = IdentifierMasking.IDENTIFIERS.contains(name) ? "identifier"
                        : IdentifierMasking.ADDRESS.equals(name) ? "address" : null;
                if (expected == null ? mark != null : !expected.equals(mark)) {
                    disagreements.add(where + "." + name + ": marked " + mark + ", masked as " + expected);
                }
                marked += mark == null ? 0 : 1;
                marked += check(where + "." + name, property.getValue(), disagreements);
            }
        }
        if (schema.getItems() != null) {
            marked += check(where + "[]", schema.getItems(), disagreements);
        }
        return marked;
    }
}
