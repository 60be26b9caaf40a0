package vn.baovetreem.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.baovetreem.common.error.Problem;
import vn.baovetreem.common.text.Language;

import java.util.List;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.persistence.TimeOrderedIds;

/**
 * Problem responses sent by the HTTP routes that run ahead of the REST layer (body size, text that
 * cannot be stored), which the REST layer's exception mappers never see, and by the router itself
 * for requests no route takes (an unknown path outside the API, a body past the HTTP layer's own
 * limit). Only 414 and 431 stay without a body: the HTTP codec sends them before any route runs, and
 * Quarkus offers no hook there.
 */
@ApplicationScoped
public class RouteProblems {

    /** The context key under which Quarkus's HTTP metrics read a request's path template. */
    private static final String URL_TEMPLATE = "UrlPathTemplate";

    void install(@Observes Router router, ObjectMapper mapper) {
        router.errorHandler(404, ctx -> send(ctx, mapper,
                Problem.of(404, "Not found", ProblemCode.NOT_FOUND, "No resource exists at this path.", List.of()), false));
        router.errorHandler(405, ctx -> send(ctx, mapper,
                Problem.of(405, "Method not allowed", ProblemCode.METHOD_NOT_ALLOWED, "This path does not support the method.", List.of()), false));
        router.errorHandler(413, ctx -> send(ctx, mapper,
                Problem.of(413, "Content too large", ProblemCode.BODY_TOO_LARGE, "The request body is larger than the limit.", List.of()), true));
    }

    /** Ends the exchange with {@code problem}; {@code close} also closes the connection (an unread body). */
    static void send(RoutingContext ctx, ObjectMapper mapper, Problem problem, boolean close) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        String requestId = TimeOrderedIds.next().toString();
        Language language = Language.preferred(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE), Language.EN);
        String body;
        try {
            body = mapper.writeValueAsString(problem.in(language).at(ctx.request().path(), requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // Metrics label a request by its route's template; one answered here has none, and its raw
        // path (a record id, text the edge refused) must not become a label.
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(URL_TEMPLATE, problem.status() == 404 ? "NOT_FOUND" : "REFUSED");
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .putHeader(RequestIds.HEADER, requestId);
        if (close) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().end(body);
    }
}
