package vn.baovetreem.interventions;

import vn.baovetreem.common.http.Limited;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.interventions.InterventionViews.InterventionView;

import java.util.UUID;

import static vn.baovetreem.common.http.QueryParams.date;
import static vn.baovetreem.common.http.QueryParams.enumValue;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.pathId;
import static vn.baovetreem.common.http.QueryParams.text;
import static vn.baovetreem.common.http.QueryParams.uuid;

/**
 * {@code /interventions}: operations listInterventions, createIntervention, getIntervention,
 * updateIntervention and transitionIntervention.
 */
@Path("/interventions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InterventionResource {


    private final InterventionService interventions;
    private final Idempotency idempotency;
    private final ObjectMapper mapper;

    InterventionResource(InterventionService interventions, Idempotency idempotency, ObjectMapper mapper) {
        this.mapper = mapper;
        this.interventions = interventions;
        this.idempotency = idempotency;
    }

    @GET
    @Limited(Limited.Share.LISTS)
    public Page<InterventionView> list(@RestQuery String child, @RestQuery("case") String caseId, @RestQuery String type,
                                       @RestQuery String protectionLevel, @RestQuery String status,
                                       @RestQuery String fundingSource, @RestQuery String provider, @RestQuery String unit,
                                       @RestQuery String activeFrom, @RestQuery String activeTo,
                                       @RestQuery String pageSize, @RestQuery String pageToken) {
        InterventionService.ListQuery query = new InterventionService.ListQuery(uuid("child", child),
                uuid("case", caseId), text("type", type, 40), text("protectionLevel", protectionLevel, 20),
                enumValue("status", status, InterventionStatus.class), text("fundingSource", fundingSource, 30),
                text("provider", provider, 100), text("unit", unit, 20), date("activeFrom", activeFrom),
                date("activeTo", activeTo));
        return interventions.list(query, integer("pageSize", pageSize), pageToken);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ObjectNode body, @RestHeader(Idempotency.HEADER) String idempotencyKey, UriInfo uri)
            throws JsonProcessingException {
        InterventionRequests.NewIntervention request = InterventionRequests.NewIntervention.read(mapper, body);
        return idempotency.once(idempotencyKey, body,
                () -> interventions.create(request).createdUnder(uri, InterventionView::id));
    }

    @GET
    @Path("/{id}")
    public Response get(@RestPath String id) {
        return interventions.get(interventionId(id)).ok();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response update(@RestPath String id, @RestHeader("If-Match") String ifMatch, JsonNode patch)
            throws JsonProcessingException {
        return interventions.patch(interventionId(id), ifMatch, patch).ok();
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transition(@RestPath String id, @RestHeader("If-Match") String ifMatch,
                               InterventionRequests.Transition body) {
        return interventions.transition(interventionId(id), ifMatch, body).ok();
    }

    private static UUID interventionId(String id) {
        return pathId(id, "Intervention");
    }
}
