package vn.baovetreem.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.baovetreem.common.text.Language;
import vn.baovetreem.common.text.Messages;

import java.util.List;
import java.util.Locale;

/**
 * The RFC 9457 problem document every error response carries. {@code type} is a stable URN
 * derived from {@code code}, so clients may switch on either.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      String requestId, List<Violation> violations, String existing,
                      List<String> allowedActions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_PREFIX = "urn:problem:cp:";

    public static Problem of(int status, String title, ProblemCode code, String detail, List<Violation> violations) {
        return of(status, title, code.name(), detail, violations);
    }

    /** A problem of an HTTP status no {@link ProblemCode} stands for: code {@code HTTP_<status>}. */
    public static Problem ofStatus(int status, String title, String detail) {
        return of(status, title, "HTTP_" + status, detail, List.of());
    }

    private static Problem of(int status, String title, String code, String detail, List<Violation> violations) {
        return new Problem(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-'), title, status, detail, code,
                null, null, violations, null, null);
    }

    /** The problem {@code e} stands for, with what a conflict adds (the record collided with, the actions possible). */
    public static Problem of(ApiException e) {
        Problem problem = of(e.status(), e.title(), e.code(), e.getMessage(), e.violations());
        if (e instanceof ApiException.Conflict conflict) {
            if (conflict.existing() != null) {
                problem = problem.withExisting(conflict.existing());
            }
            if (!conflict.allowedActions().isEmpty()) {
                problem = problem.withAllowedActions(conflict.allowedActions());
            }
        }
        return problem;
    }

    public Problem at(String instancePath, String requestId) {
        return new Problem(type, title, status, detail, code, instancePath, requestId, violations, existing, allowedActions);
    }

    /** The same problem pointing at the existing record a create or change collided with. */
    public Problem withExisting(String existingPath) {
        return new Problem(type, title, status, detail, code, instance, requestId, violations, existingPath, allowedActions);
    }

    /** The same problem listing the actions that are possible instead. */
    public Problem withAllowedActions(List<String> actions) {
        return new Problem(type, title, status, detail, code, instance, requestId, violations, existing, actions);
    }

    /** The same problem with its title, detail and violations in {@code language}. */
    public Problem in(Language language) {
        if (language == Language.EN) {
            return this;
        }
        List<Violation> translated = violations == null ? null
                : violations.stream().map(v -> new Violation(v.field(), Messages.translate(v.message(), language))).toList();
        return new Problem(type, Messages.translate(title, language), status, Messages.translate(detail, language), code,
                instance, requestId, translated, existing, allowedActions);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
