package vn.baovetreem.common.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.function.Function;

/** A record's representation with the version its strong ETag is made from. */
public record Versioned<T>(T body, long version) {

    /** 200 with the body and its ETag. */
    public Response ok() {
        return Response.ok(body).tag(ETags.of(version)).build();
    }

    /** 201 with the body, its ETag and its location. */
    public Response created(URI location) {
        return Response.created(location).tag(ETags.of(version)).entity(body).build();
    }

    /** 201 located at the request's path followed by the new record's {@code id} (such as {@code /plans/<id>}). */
    public Response createdUnder(UriInfo uri, Function<T, ?> id) {
        return created(uri.getAbsolutePathBuilder().path(String.valueOf(id.apply(body))).build());
    }
}
