package vn.baovetreem.reports;

import vn.baovetreem.common.http.Limited;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.indicators.Xlsx;
import vn.baovetreem.reports.ReportService.ReportView;

import java.util.UUID;

import static vn.baovetreem.common.http.QueryParams.pathId;
import static vn.baovetreem.common.http.QueryParams.text;

/**
 * {@code /reports}: operations listReports, createReport, getReport, updateReport,
 * transitionReport and getReportVersion (JSON or a workbook to print and sign).
 */
@Path("/reports")
@Authenticated
public class ReportResource {


    private final ReportService reports;
    private final Idempotency idempotency;

    ReportResource(ReportService reports, Idempotency idempotency) {
        this.reports = reports;
        this.idempotency = idempotency;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ReportService.StatusList list(@RestQuery String unit, @RestQuery String period) {
        return reports.list(text("unit", unit, 20), text("period", period, 10));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(ReportService.NewReport body, @RestHeader(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return idempotency.once(idempotencyKey, body,
                () -> reports.create(body).createdUnder(uri, ReportView::id));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@RestPath String id) {
        return reports.get(reportId(id)).ok();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@RestPath String id, @RestHeader("If-Match") String ifMatch, JsonNode patch) throws JsonProcessingException {
        return reports.patch(reportId(id), ifMatch, patch).ok();
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response transition(@RestPath String id, @RestHeader("If-Match") String ifMatch, ReportService.Transition body) {
        return reports.transition(reportId(id), ifMatch, body).ok();
    }

    @GET
    @Path("/{id}/versions/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    public ReportService.VersionView version(@RestPath String id, @RestPath String number) {
        return reports.version(reportId(id), versionNumber(id, number));
    }

    /** The same version as a workbook: the report's text and progress, then the indicator sheets. */
    @GET
    @Path("/{id}/versions/{number}")
    @Produces(Xlsx.MEDIA_TYPE)
    @Limited(Limited.Share.HEAVY)
    public Response workbook(@RestPath String id, @RestPath String number) {
        ReportService.Workbook workbook = reports.workbook(reportId(id), versionNumber(id, number));
        return Response.ok(workbook.body(), Xlsx.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"" + workbook.fileName() + "\"")
                .build();
    }

    private static UUID reportId(String id) {
        return pathId(id, "Report");
    }

    private static int versionNumber(String id, String number) {
        if (number == null || !number.matches("[1-9]\\d{0,3}")) {
            throw new ApiException.NotFound("Report version", id + "/" + number);
        }
        return Integer.parseInt(number);
    }
}
