package vn.baovetreem.common.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Rules for every request body that the REST layer reads:
 * <ul>
 *   <li>a body needs a {@code Content-Type}: without one the answer is 415, not a guess that it is JSON;</li>
 *   <li>a JSON body is refused with 413 as soon as it passes {@code cp.http.max-body-size}, also
 *       when it is sent without a {@code Content-Length} for {@link BodySizeLimit} to check (the HTTP
 *       layer itself lets bodies up to the import limit through). Over HTTP/1.1 {@link BodySizeLimit}
 *       has read such a body already and applied the same limit; over HTTP/2 this is where it holds.</li>
 * </ul>
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    /** The methods whose requests may carry a body the REST layer reads. */
    static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    /** Looked up per body: interceptors are built at start, before configuration mappings exist. */
    private final jakarta.inject.Provider<HttpConfig> config;

    RequestBodies(jakarta.inject.Provider<HttpConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            context.setInputStream(new Limited(context.getInputStream(), config.get().maxBodySize()));
        }
        return context.proceed();
    }

    /** The filter half: a request that sends a body says what it is. */
    public static class ContentTypeRequired {

        @ServerRequestFilter(preMatching = true)
        public void requireContentType(ContainerRequestContext request) {
            if (WITH_BODY.contains(request.getMethod()) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                    && hasBody(request)) {
                throw new WebApplicationException(415);
            }
        }

        private static boolean hasBody(ContainerRequestContext request) {
            String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            return length != null ? !length.trim().equals("0") : request.getHeaderString("Transfer-Encoding") != null;
        }
    }

    /** Stops reading with 413 past {@code max} bytes. */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws TooLarge {
            left -= n;
            if (left < 0) {
                throw new TooLarge();
            }
        }
    }

    /**
     * The body passed the limit. An {@link IOException}, so the JSON reader passes it on as it is
     * instead of wrapping it as a problem of the field it was reading; it answers 413.
     */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("The request body is larger than the limit.", null);
        }
    }
}
