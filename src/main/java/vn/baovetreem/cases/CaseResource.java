package vn.baovetreem.cases;

import vn.baovetreem.common.http.Limited;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.baovetreem.cases.CaseViews.CaseView;
import vn.baovetreem.common.http.FlatBody;
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.common.http.ReadLane;
import vn.baovetreem.common.paging.Page;

import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.UUID;

import static vn.baovetreem.common.http.QueryParams.bool;
import static vn.baovetreem.common.http.QueryParams.enumValue;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.pathId;
import static vn.baovetreem.common.http.QueryParams.text;
import static vn.baovetreem.common.http.QueryParams.timestamp;
import static vn.baovetreem.common.http.QueryParams.uuid;

/**
 * {@code /cases}: operations listCases, reportCase, getCase, updateCase, transitionCase,
 * getCasePlan, draftCasePlan, addCaseNote and getCaseTimeline.
 */
@Path("/cases")
@Authenticated
public class CaseResource {


    private final CaseService cases;
    private final Idempotency idempotency;
    private final ObjectMapper mapper;
    private final ReadLane reads;

    CaseResource(CaseService cases, Idempotency idempotency, ObjectMapper mapper, ReadLane reads) {
        this.cases = cases;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.reads = reads;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.LISTS)
    public Page<CaseView> list(@RestQuery String unit, @RestQuery String type, @RestQuery String abuseForm,
                               @RestQuery String status, @RestQuery String riskLevel, @RestQuery String assignedOfficer,
                               @RestQuery String child, @RestQuery String receivedFrom, @RestQuery String receivedTo,
                               @RestQuery String overdue, @RestQuery String dueBefore, @RestQuery String pageSize,
                               @RestQuery String pageToken) {
        CaseService.ListQuery query = new CaseService.ListQuery(text("unit", unit, 20), enumValue("type", type, CaseType.class),
                text("abuseForm", abuseForm, 30), enumValue("status", status, CaseState.class), text("riskLevel", riskLevel, 10),
                text("assignedOfficer", assignedOfficer, 100), uuid("child", child),
                instant(timestamp("receivedFrom", receivedFrom)), instant(timestamp("receivedTo", receivedTo)),
                bool("overdue", overdue), instant(timestamp("dueBefore", dueBefore)));
        return cases.list(query, integer("pageSize", pageSize), pageToken);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(ObjectNode body, @RestHeader(Idempotency.HEADER) String idempotencyKey, UriInfo uri)
            throws JsonProcessingException {
        FlatBody flat = FlatBody.of(mapper, body);
        CaseRequests.Subject subject = flat.take(CaseRequests.Subject.class);
        CaseRequests.CaseReport report = flat.rest(CaseRequests.CaseReport.class);
        return idempotency.once(idempotencyKey, body,
                () -> cases.create(subject, report).createdUnder(uri, CaseView::id));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@RestPath String id) {
        UUID caseId = pathId(id, "Case");
        return reads.run(() -> cases.get(caseId).ok());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@RestPath String id, @RestHeader("If-Match") String ifMatch, JsonNode patch)
            throws JsonProcessingException {
        return cases.patch(pathId(id, "Case"), ifMatch, patch).ok();
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response transition(@RestPath String id, @RestHeader("If-Match") String ifMatch, ObjectNode body)
            throws JsonProcessingException {
        return cases.transition(pathId(id, "Case"), ifMatch, body).ok();
    }

    @GET
    @Path("/{id}/plan")
    @Produces(MediaType.APPLICATION_JSON)
    public CaseViews.PlanView plan(@RestPath String id, @RestQuery String version) {
        return cases.plan(pathId(id, "Case"), integer("version", version, 1, Integer.MAX_VALUE));
    }

    @PUT
    @Path("/{id}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response draftPlan(@RestPath String id, @RestHeader("If-Match") String ifMatch, CaseRequests.PlanDraft body) {
        return cases.draftPlan(pathId(id, "Case"), ifMatch, body).ok();
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response addNote(@RestPath String id, CaseRequests.NewNote body) {
        return Response.status(Response.Status.CREATED).entity(cases.addNote(pathId(id, "Case"), body)).build();
    }

    @GET
    @Path("/{id}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    public CaseService.Timeline timeline(@RestPath String id) {
        return cases.timeline(pathId(id, "Case"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
