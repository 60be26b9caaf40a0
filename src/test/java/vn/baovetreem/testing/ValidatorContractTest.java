package vn.baovetreem.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's validator checks what the contract says, types, nulls and discriminators included, on
 * the contract as the suite hands it over: a test that sent or got a wrong type would otherwise
 * pass unseen.
 */
class ValidatorContractTest {

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(ValidatorContract.of(Api.CONTRACT)).build();
    private static final String CASE = "/api/v1/cases/3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Test
    void aStepOfTheWrongTypeOrAnUnknownActionIsRefused() {
        assertThat(transition("{\"action\": \"ASSIGN\", \"officer\": \"can.bo\"}")).isEmpty();
        assertThat(transition("{\"action\": \"ASSIGN\", \"officer\": 5}")).contains("discriminator");
        assertThat(transition("{\"action\": \"ASSESS_INITIAL\", \"riskLevel\": \"HIGH\", \"emergency\": \"yes\"}")).contains("discriminator");
        assertThat(transition("{\"action\": \"ASSESS\"}")).contains("'ASSESS' is not the name of a valid definition");
    }

    @Test
    void anAnswerOfTheWrongTypeOrAnUnexpectedNullIsRefused() {
        String valid = "{\"type\": \"urn:problem:NOT_FOUND\", \"title\": \"Not found\", \"status\": 404, \"code\": \"NOT_FOUND\"}";
        assertThat(notFound(valid)).isEmpty();
        assertThat(notFound(valid.replace("404", "\"404\""))).contains("status");
        assertThat(notFound(valid.replace("\"Not found\"", "null"))).contains("title");
        assertThat(notFound(valid.replace("}", ", \"violations\": [{\"field\": null, \"message\": \"x\"}]}"))).contains("field");
    }

    @Test
    void aNullIsAcceptedWhereTheContractAllowsOne() {
        assertThat(unitPatch("{\"note\": null}")).isEmpty();
        assertThat(unitPatch("{\"name\": null}")).contains("name");
    }

    private static String transition(String body) {
        return messages(VALIDATOR.validateRequest(SimpleRequest.Builder.post(CASE + "/transitions")
                .withContentType("application/json").withHeader("If-Match", "\"v1\"")
                .withAuthorization("Bearer token").withBody(body).build()));
    }

    private static String notFound(String body) {
        return messages(VALIDATOR.validateResponse(CASE, Request.Method.GET, SimpleResponse.Builder.status(404)
                .withContentType("application/problem+json").withBody(body).build()));
    }

    private static String unitPatch(String body) {
        return messages(VALIDATOR.validateRequest(SimpleRequest.Builder.patch("/api/v1/admin-units/06298_01")
                .withContentType("application/merge-patch+json").withHeader("If-Match", "\"v1\"")
                .withAuthorization("Bearer token").withBody(body).build()));
    }

    private static String messages(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::toString).reduce("", String::concat);
    }
}
