package vn.baovetreem.indicators;

import vn.baovetreem.common.http.Limited;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import static vn.baovetreem.common.http.QueryParams.date;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.text;

/** Operations exportCircular13 and getDhis2Metadata. */
@Path("/exports")
@Authenticated
public class ExportResource {

    private final Exports exports;

    ExportResource(Exports exports) {
        this.exports = exports;
    }

    @GET
    @Path("/circular-13")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", Xlsx.MEDIA_TYPE})
    @Limited(Limited.Share.HEAVY)
    public Response circular13(@RestQuery String unit, @RestQuery String period, @RestQuery String from, @RestQuery String to,
                               @RestQuery String format, @RestQuery String suppressBelow,
                               @RestHeader("If-None-Match") String ifNoneMatch) {
        Exports.Export export = exports.circular13(text("unit", unit, 20),
                Period.of(text("period", period, 20), date("from", from), date("to", to)), Exports.format(format),
                integer("suppressBelow", suppressBelow, 2, 100));
        EntityTag tag = EntityTag.valueOf(export.etag());
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || ifNoneMatch.contains(export.etag()))) {
            return Response.notModified(tag).build();
        }
        return Response.ok(export.body(), export.mediaType()).tag(tag)
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }

    @GET
    @Path("/dhis2-metadata")
    @Produces(MediaType.APPLICATION_JSON)
    public Dhis2.Metadata dhis2Metadata() {
        return exports.dhis2Metadata();
    }
}
