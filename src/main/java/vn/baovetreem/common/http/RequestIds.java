package vn.baovetreem.common.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.baovetreem.common.persistence.TimeOrderedIds;

import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a safe token, else a new
 * time-ordered UUID ({@link TimeOrderedIds}). It is echoed in the response and written into problem
 * bodies, the audit trail and log lines.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    @Inject
    Current current;

    @ServerRequestFilter
    public void assign(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        current.assign(offered != null && SAFE.matcher(offered).matches() ? offered : TimeOrderedIds.next().toString());
        MDC.put("requestId", current.id());
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, current.id());
    }

    /** The id of the request being served. */
    @RequestScoped
    public static class Current {
        private String id;
        private boolean served;

        // A method, not a field write: the bean is reached through a client proxy.
        void assign(String id) {
            this.id = id;
            this.served = true;
        }

        /** Whether this request context serves an HTTP request (not a job that activated one). */
        public boolean served() {
            return served;
        }

        public String id() {
            if (id == null) {
                // Requests that never reach a resource (unknown paths) still get an id.
                id = TimeOrderedIds.next().toString();
            }
            return id;
        }
    }
}
