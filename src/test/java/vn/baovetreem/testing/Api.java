package vn.baovetreem.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Every REST Assured call of the suite goes through here, so every response (and, unless a test
 * sends bad input on purpose, every request) is validated against the contract as served: {@code openapi/}
 * bundled by the build into {@link #CONTRACT}, which the validator reads as OpenAPI 3.0
 * ({@link ValidatorContract} says why).
 */
public final class Api {

    public static final String CONTRACT = "target/openapi/openapi.yaml";

    private static final String VALIDATED = ValidatorContract.of(CONTRACT);

    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(VALIDATED).build());

    /** Validates responses only: for tests that send invalid requests on purpose. */
    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(VALIDATED)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    /**
     * Bodies are UTF-8 whatever the media type (merge-patch+json included), as the API expects. Set
     * on every request: Quarkus restores the global REST Assured configuration between test classes.
     */
    private static final RestAssuredConfig UTF_8 = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));

    private Api() {
    }

    /** A request as {@code who} (a username or service client id), fully validated. */
    public static RequestSpecification as(String who) {
        return RestAssured.given().config(UTF_8).filter(STRICT).log().ifValidationFails().auth().oauth2(Tokens.of(who));
    }

    /** A request with the given raw Authorization token, whose response is validated. */
    public static RequestSpecification withToken(String token) {
        return RestAssured.given().config(UTF_8).filter(RESPONSES_ONLY).log().ifValidationFails().auth().oauth2(token);
    }

    /** An invalid request sent on purpose as {@code who}; only the response is validated. */
    public static RequestSpecification badRequestAs(String who) {
        return withToken(Tokens.of(who));
    }

    /** A request without any token; only the response is validated. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().config(UTF_8).filter(RESPONSES_ONLY).log().ifValidationFails();
    }
}
