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
import static vn.baovetreem.common.http.QueryParams.required;
import static vn.baovetreem.common.http.QueryParams.text;

/** Operations exportCircular13, downloadCircular13 and getDhis2Metadata. */
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
        return export(unit, period, from, to, Exports.format(format), suppressBelow, ifNoneMatch);
    }

    /**
     * The same export as a file in every format, for clients generated from the contract: one
     * operation answering JSON or a file by {@code format} gives them a JSON method only.
     */
    @GET
    @Path("/circular-13/download")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", Xlsx.MEDIA_TYPE})
    @Limited(Limited.Share.HEAVY)
    public Response downloadCircular13(@RestQuery String unit, @RestQuery String period, @RestQuery String from,
                                       @RestQuery String to, @RestQuery String format, @RestQuery String suppressBelow,
                                       @RestHeader("If-None-Match") String ifNoneMatch) {
        return export(unit, period, from, to, Exports.format(required("format", format)), suppressBelow, ifNoneMatch);
    }

    private Response export(String unit, String period, String from, String to, Exports.Format format, String suppressBelow,
                            String ifNoneMatch) {
        Exports.Export export = exports.circular13(text("unit", unit, 20),
                Period.of(text("period", period, 20), date("from", from), date("to", to)), format,
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
