package vn.baovetreem.plans;

import vn.baovetreem.common.http.Limited;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.plans.PlanService.PlanView;
import vn.baovetreem.plans.PlanService.TargetView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.baovetreem.common.http.QueryParams.date;
import static vn.baovetreem.common.http.QueryParams.enumValue;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.pathId;
import static vn.baovetreem.common.http.QueryParams.required;
import static vn.baovetreem.common.http.QueryParams.text;

/**
 * {@code /plans}: operations listPlans, createPlan, getPlan, updatePlan, getPlanProgress,
 * listPlanProgress, listTargets, addTarget, getTarget, updateTarget, deleteTarget and
 * reportTargetValue.
 */
@Path("/plans")
@Authenticated
public class PlanResource {

    private final PlanService plans;
    private final PlanProgressService progress;
    private final Idempotency idempotency;

    PlanResource(PlanService plans, PlanProgressService progress, Idempotency idempotency) {
        this.plans = plans;
        this.progress = progress;
        this.idempotency = idempotency;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<PlanView> list(@RestQuery String unit, @RestQuery String year, @RestQuery String status,
                               @RestQuery String pageSize, @RestQuery String pageToken) {
        return plans.list(new PlanService.ListQuery(text("unit", unit, 20), integer("year", year, 2000, 2100),
                enumValue("status", status, PlanRequests.PlanStatus.class)), integer("pageSize", pageSize), pageToken);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(PlanRequests.NewPlan body, @RestHeader(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return idempotency.once(idempotencyKey, body, () -> plans.create(body).createdUnder(uri, PlanView::id));
    }

    @GET
    @Path("/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.HEAVY)
    public PlanProgressService.ProgressList progressBelow(@RestQuery String unit, @RestQuery String year, @RestQuery String asOf) {
        return progress.progressBelow(text("unit", unit, 20), integer("year", required("year", year), 2000, 2100), date("asOf", asOf));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@RestPath String id) {
        return plans.get(planId(id)).ok();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@RestPath String id, @RestHeader("If-Match") String ifMatch, JsonNode patch) throws JsonProcessingException {
        return plans.patch(planId(id), ifMatch, patch).ok();
    }

    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.HEAVY)
    public PlanProgressService.Progress progress(@RestPath String id, @RestQuery String asOf, @RestQuery String period) {
        return progress.progress(planId(id), date("asOf", asOf), text("period", period, 20));
    }

    @GET
    @Path("/{id}/targets")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<TargetView>> targets(@RestPath String id) {
        return Map.of("items", plans.targets(planId(id)));
    }

    @POST
    @Path("/{id}/targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response addTarget(@RestPath String id, PlanRequests.TargetDetails body, @RestHeader(Idempotency.HEADER) String idempotencyKey,
                              UriInfo uri) {
        return idempotency.once(idempotencyKey, body,
                () -> plans.addTarget(planId(id), body).createdUnder(uri, TargetView::id));
    }

    @GET
    @Path("/{id}/targets/{targetId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response target(@RestPath String id, @RestPath String targetId) {
        return plans.target(planId(id), targetId(targetId)).ok();
    }

    @PATCH
    @Path("/{id}/targets/{targetId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateTarget(@RestPath String id, @RestPath String targetId, @RestHeader("If-Match") String ifMatch, JsonNode patch)
            throws JsonProcessingException {
        return plans.patchTarget(planId(id), targetId(targetId), ifMatch, patch).ok();
    }

    @DELETE
    @Path("/{id}/targets/{targetId}")
    public Response deleteTarget(@RestPath String id, @RestPath String targetId, @RestHeader("If-Match") String ifMatch) {
        plans.deleteTarget(planId(id), targetId(targetId), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/targets/{targetId}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reportValue(@RestPath String id, @RestPath String targetId, PlanRequests.ManualValue body) {
        return Response.status(Response.Status.CREATED).entity(plans.reportValue(planId(id), targetId(targetId), body)).build();
    }

    private static UUID planId(String id) {
        return pathId(id, "Plan");
    }

    private static UUID targetId(String id) {
        return pathId(id, "Target");
    }
}
