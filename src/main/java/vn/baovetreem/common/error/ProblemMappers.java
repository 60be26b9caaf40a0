package vn.baovetreem.common.error;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import vn.baovetreem.common.text.Language;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import jakarta.inject.Inject;
import vn.baovetreem.common.http.RequestBodies;
import vn.baovetreem.common.http.RequestIds;
import vn.baovetreem.common.http.StrictJson;
import vn.baovetreem.security.IdentityProviderProbe;
import vn.baovetreem.security.IdentityProviderWaits;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one place where exceptions become RFC 9457 problem responses. Messages never echo request
 * bodies, stack traces or SQL; a 500 only carries the request id that the log line also carries.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    RequestIds.Current requestId;

    @Inject
    IdentityProviderProbe identityProvider;

    @ServerExceptionMapper
    public Response api(ApiException e, ContainerRequestContext request) {
        Problem problem = Problem.of(e);
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(respond(request, problem)).header("Retry-After", e.retryAfterSeconds()).build();
        }
        if (e instanceof ApiException.PreconditionFailed stale && stale.currentEtag() != null) {
            return Response.fromResponse(respond(request, problem)).header("ETag", stale.currentEtag()).build();
        }
        return respond(request, problem);
    }

    /** A concurrent change won the race between the If-Match check and the write. */
    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, ContainerRequestContext request) {
        return stale(request);
    }

    private Response stale(ContainerRequestContext request) {
        return respond(request, Problem.of(412, "Precondition failed", ProblemCode.PRECONDITION_FAILED,
                "The record was changed while this request ran; read it again and retry with the new ETag.", List.of()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, ContainerRequestContext request) {
        List<Violation> violations = Violation.of(e.getConstraintViolations());
        return respond(request, Problem.of(400, "Bad request", ProblemCode.VALIDATION_FAILED,
                "The request has invalid values.", violations));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, ContainerRequestContext request) {
        String field = jsonPath(e);
        return respond(request, Problem.of(400, "Bad request", ProblemCode.UNKNOWN_FIELD,
                "The request has a field this operation does not accept.",
                List.of(new Violation(field, "unknown field"))));
    }

    @ServerExceptionMapper({InvalidFormatException.class, MismatchedInputException.class})
    public Response wrongType(MismatchedInputException e, ContainerRequestContext request) {
        String field = jsonPath(e);
        Class<?> base = e instanceof InvalidTypeIdException unknownKind ? unknownKind.getBaseType().getRawClass() : null;
        if (base != null && base.isAnnotationPresent(JsonTypeInfo.class) && base.isAnnotationPresent(JsonSubTypes.class)) {
            // A body of several kinds (a case's step) whose kind is missing or unknown: name the property that tells them apart.
            String property = base.getAnnotation(JsonTypeInfo.class).property();
            List<String> kinds = Arrays.stream(base.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name).toList();
            return respond(request, Problem.of(400, "Bad request", ProblemCode.INVALID_VALUE, "A value has the wrong type or format.",
                    List.of(new Violation(field.isEmpty() ? property : field + "." + property, "expected one of " + kinds))));
        }
        return respond(request, Problem.of(400, "Bad request", ProblemCode.INVALID_VALUE,
                "A value has the wrong type or format.",
                List.of(new Violation(field.isEmpty() ? "body" : field,
                        "expected " + describe(e.getTargetType())))));
    }

    @ServerExceptionMapper
    public Response unstorableText(StrictJson.UnstorableText e, ContainerRequestContext request) {
        String field = jsonPath(e);
        return respond(request, Problem.of(400, "Bad request", ProblemCode.INVALID_TEXT,
                "A text holds characters the registry cannot store.",
                List.of(new Violation(field.isEmpty() ? "body" : field, e.reason()))));
    }

    @ServerExceptionMapper
    public Response tooLarge(RequestBodies.TooLarge e, ContainerRequestContext request) {
        return respond(request, Problem.of(413, "Content too large", ProblemCode.BODY_TOO_LARGE, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, ContainerRequestContext request) {
        return respond(request, Problem.of(400, "Bad request", ProblemCode.MALFORMED_JSON,
                "The request body is not well-formed JSON.", List.of()));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, ContainerRequestContext request) {
        String field = switch (e) {
            case JsonMappingException mapping -> jsonPath(mapping);
            case InputCoercionException coercion when coercion.getProcessor() instanceof JsonParser parser ->
                    contextPath(parser.getParsingContext());
            default -> "";
        };
        if (!field.isEmpty()) {
            boolean range = e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException;
            String reason = range ? "is out of range for this field" : "cannot be read for this field";
            return respond(request, Problem.of(400, "Bad request", ProblemCode.INVALID_VALUE, "A value has the wrong type or format.",
                    List.of(new Violation(field, reason))));
        }
        return respond(request, Problem.of(400, "Bad request", ProblemCode.MALFORMED_JSON,
                "The request body could not be read as JSON for this operation.", List.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        // The OIDC extension fails a token check that could not reach Keycloak like a bad token.
        var outage = IdentityProviderWaits.outage(e).or(() -> request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                && !identityProvider.reachable()
                ? Optional.of(IdentityProviderWaits.unavailable()) : Optional.empty());
        if (outage.isPresent()) {
            return identityProviderDown(e, outage.get(), request);
        }
        LOG.debugf("Authentication failed for request %s: %s", requestId.id(), DatabaseErrors.describe(e));
        Response response = respond(request, Problem.of(401, "Unauthorized", ProblemCode.UNAUTHENTICATED,
                "A valid bearer token is required.", List.of()));
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(request, Problem.of(403, "Forbidden", ProblemCode.ROLE_NOT_ALLOWED,
                "Your role does not allow this operation.", List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        // The REST layer wraps some failures of reading the body; they get the answer their cause gets.
        switch (e.getCause()) {
            case RequestBodies.TooLarge tooLarge -> {
                return tooLarge(tooLarge, request);
            }
            case StrictJson.UnstorableText text -> {
                return unstorableText(text, request);
            }
            case UnrecognizedPropertyException unknown -> {
                return unknownField(unknown, request);
            }
            case MismatchedInputException mismatch -> {
                return wrongType(mismatch, request);
            }
            case JsonParseException parse -> {
                return malformed(parse, request);
            }
            case JsonProcessingException json -> {
                return otherJson(json, request);
            }
            case null, default -> {
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        ProblemCode code = switch (status) {
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.BODY_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        String detail = switch (status) {
            case 404 -> "No resource exists at this path.";
            case 405 -> "This path does not support the method.";
            case 406 -> "The requested media type cannot be produced.";
            case 413 -> "The request body is larger than the limit.";
            case 415 -> "The body's media type is not accepted here; send application/json.";
            default -> title + ".";
        };
        Response response = respond(request, code == null ? Problem.ofStatus(status, title, detail)
                : Problem.of(status, title, code, detail, List.of()));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return response;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        String id = requestId.id();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                // Thrown at commit, the lost race arrives wrapped by the transaction.
                return stale(request);
            }
        }
        var refused = DatabaseErrors.problemFor(e);
        if (refused.isPresent()) {
            if (refused.get() instanceof ApiException.ServiceUnavailable) {
                LOG.warnf("The database could not be reached for request %s: %s", id, DatabaseErrors.describe(e));
            } else {
                LOG.debugf("The database refused request %s: %s", id, DatabaseErrors.describe(e));
            }
            return api(refused.get(), request);
        }
        // Keycloak not answering when the OIDC extension first reads its metadata.
        var outage = IdentityProviderWaits.outage(e);
        if (outage.isPresent()) {
            return identityProviderDown(e, outage.get(), request);
        }
        LOG.errorf(DatabaseErrors.loggable(e), "Unexpected error, request id %s", id);
        return respond(request, Problem.of(500, "Internal server error", ProblemCode.INTERNAL_ERROR,
                "An unexpected error occurred. Quote the request id when reporting it.", List.of()));
    }

    private Response identityProviderDown(Throwable e, ApiException problem, ContainerRequestContext request) {
        LOG.warnf("The identity provider could not be reached for request %s: %s", requestId.id(), DatabaseErrors.describe(e));
        return api(problem, request);
    }

    /** The problem in the language the caller asked for ({@code Accept-Language}; English by default). */
    private Response respond(ContainerRequestContext request, Problem problem) {
        Language language = Language.preferred(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), Language.EN);
        return Response.fromResponse(problem.in(language).at(request.getUriInfo().getRequestUri().getRawPath(), requestId.id())
                .toResponse()).header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).build();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The path of the value a streaming parser stopped at, such as {@code caregivers[0].phone}. */
    private static String contextPath(JsonStreamContext context) {
        List<String> steps = new java.util.ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            steps.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName() == null ? "" : "." + c.getCurrentName());
        }
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different JSON value";
        }
        if (type == java.time.LocalDate.class) {
            return "a date as YYYY-MM-DD " + StrictJson.RANGE;
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "a timestamp in RFC 3339 format with its offset, " + StrictJson.RANGE;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
