package vn.baovetreem.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.baovetreem.common.error.Problem;

import java.util.List;
import vn.baovetreem.common.error.ProblemCode;

/**
 * Refuses a body larger than {@code cp.http.max-body-size} (an import file: {@code cp.http.max-import-size})
 * before it is read, with a 413 problem.
 * It runs as the first HTTP route, ahead of the REST layer, because the declared length is known
 * before any byte of the body arrives. Bodies sent without a length are cut off by
 * {@code quarkus.http.limits.max-body-size}, set to the import limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final String IMPORTS = "/api/v1/imports";

    void install(@Observes Router router, HttpConfig config, ObjectMapper mapper) {
        router.route().order(-100).handler(ctx -> {
            long max = ctx.request().path().equals(IMPORTS) ? config.maxImportSize() : config.maxBodySize();
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, max)) {
                RouteProblems.send(ctx, mapper, Problem.of(413, "Content too large", ProblemCode.BODY_TOO_LARGE,
                        "The request body is larger than the limit of " + max + " bytes.", List.of()), true);
                return;
            }
            ctx.next();
        });
    }

    private static boolean exceeds(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
