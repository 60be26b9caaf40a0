package vn.baovetreem.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.baovetreem.common.error.Problem;

import java.time.Duration;
import java.util.List;

import vn.baovetreem.common.error.ProblemCode;

/**
 * Refuses a body larger than {@code cp.http.max-body-size} (an import file: {@code cp.http.max-import-size})
 * with a 413 problem, and reads the other bodies of signed-in callers whole before the REST layer
 * runs.
 * <ul>
 *   <li>The declared length is checked by the first HTTP route, ahead of the REST layer, before any
 *       byte of the body arrives.</li>
 *   <li>Over HTTP/1.1, a body that is not an import file is then read whole, on the event loop and
 *       after the routes that refuse bad headers ({@link EdgeText}), and refused as soon as it
 *       passes the limit, also when it is sent chunked, without a length. The REST layer reads a
 *       body it finds read from memory; otherwise its blocking resources read it from the network
 *       on a worker thread, waiting for the event loop to hand over each piece (a tenth of the
 *       processor time of a case transition), and a caller sending slowly holds that thread.</li>
 *   <li>Only the body of a caller whose token holds is read: the identity is established first (the
 *       REST layer later takes the same result), and a caller it refuses gets their 401 or 503 from
 *       the REST layer without a byte of their body read.</li>
 *   <li>Over HTTP/2 the REST layer reads the body itself, and {@link RequestBodies} applies the
 *       limit as it does: the REST layer pauses each request as it takes it, which HTTP/2 refuses
 *       for a request already read to its end.</li>
 *   <li>Import files stream to a temporary file as they arrive; only the HTTP layer's own limit,
 *       {@code quarkus.http.limits.max-body-size}, set to the import limit, cuts them off.</li>
 * </ul>
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final String IMPORTS = "/api/v1/imports";

    void install(@Observes Router router, HttpConfig config, ObjectMapper mapper,
                 @ConfigProperty(name = "quarkus.http.read-timeout") Duration readTimeout) {
        router.route().order(-100).handler(ctx -> {
            long max = isImport(ctx) ? config.maxImportSize() : config.maxBodySize();
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, max)) {
                tooLarge(ctx, mapper, max);
                return;
            }
            ctx.next();
        });
        router.route().order(-98).handler(ctx -> {
            Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            if (!RequestBodies.WITH_BODY.contains(ctx.request().method().name()) || ctx.request().version() == HttpVersion.HTTP_2
                    || isImport(ctx) || identity == null) {
                ctx.next();
                return;
            }
            identity.subscribe().with(
                    who -> {
                        if (who.isAnonymous()) {
                            ctx.next();
                        } else {
                            readWhole(ctx, mapper, config.maxBodySize(), readTimeout);
                        }
                    },
                    refused -> ctx.next());
        });
    }

    /**
     * Reads the body into the routing context, where the REST layer looks first, then passes the
     * request on. A body not complete within {@code quarkus.http.read-timeout} (the wait the REST
     * layer allows its own reads) closes the connection, as a caller sending a byte now and then
     * would otherwise keep it open for as long as it liked.
     */
    private static void readWhole(RoutingContext ctx, ObjectMapper mapper, long max, Duration timeout) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] over = {false};
        long deadline = ctx.vertx().setTimer(timeout.toMillis(), late -> {
            over[0] = true;
            request.connection().close();
        });
        request.handler(piece -> {
            if (over[0]) {
                return;
            }
            if (body.length() + piece.length() > max) {
                over[0] = true;
                ctx.vertx().cancelTimer(deadline);
                tooLarge(ctx, mapper, max);
                return;
            }
            body.appendBuffer(piece);
        });
        request.endHandler(end -> {
            ctx.vertx().cancelTimer(deadline);
            if (!over[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        // A client that asked to be told before it sends the body waits for this (the REST layer's own read says it too).
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            ctx.response().writeContinue();
        }
        request.resume();
    }

    private static void tooLarge(RoutingContext ctx, ObjectMapper mapper, long max) {
        RouteProblems.send(ctx, mapper, Problem.of(413, "Content too large", ProblemCode.BODY_TOO_LARGE,
                "The request body is larger than the limit of " + max + " bytes.", List.of()), true);
    }

    private static boolean isImport(RoutingContext ctx) {
        return ctx.request().path().equals(IMPORTS);
    }

    private static boolean exceeds(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
