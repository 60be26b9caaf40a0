package vn.baovetreem.prevention;

import vn.baovetreem.common.http.Limited;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
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
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.prevention.HouseholdService.HouseholdView;

import java.util.List;
import java.util.Map;

import static vn.baovetreem.common.http.QueryParams.bool;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.pathId;
import static vn.baovetreem.common.http.QueryParams.pathYear;
import static vn.baovetreem.common.http.QueryParams.text;
import static vn.baovetreem.common.http.QueryParams.uuid;

/**
 * {@code /households}: operations listHouseholds, createHousehold, getHousehold, updateHousehold,
 * listSafeHomeAssessments, getSafeHomeAssessment and assessSafeHome.
 */
@Path("/households")
@Authenticated
public class HouseholdResource {

    private final HouseholdService households;
    private final Idempotency idempotency;

    HouseholdResource(HouseholdService households, Idempotency idempotency) {
        this.households = households;
        this.idempotency = idempotency;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.LISTS)
    public Page<HouseholdView> list(@RestQuery String unit, @RestQuery String village, @RestQuery String childId,
                                    @RestQuery String year, @RestQuery String safe, @RestQuery String notAssessedIn,
                                    @RestQuery String pageSize, @RestQuery String pageToken) {
        return households.list(new HouseholdService.ListQuery(text("unit", unit, 20), text("village", village, 20),
                        uuid("childId", childId), integer("year", year, 2000, 2100), bool("safe", safe), integer("notAssessedIn", notAssessedIn, 2000, 2100)),
                integer("pageSize", pageSize), pageToken);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(HouseholdRequests.HouseholdDetails body, @RestHeader(Idempotency.HEADER) String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(idempotencyKey, body,
                () -> households.create(body).createdUnder(uri, HouseholdView::id));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@RestPath String id) {
        return households.get(pathId(id, "Household")).ok();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@RestPath String id, @RestHeader("If-Match") String ifMatch, JsonNode patch)
            throws JsonProcessingException {
        return households.patch(pathId(id, "Household"), ifMatch, patch).ok();
    }

    @GET
    @Path("/{id}/assessments")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<HouseholdService.AssessmentView>> assessments(@RestPath String id) {
        return Map.of("items", households.assessments(pathId(id, "Household")));
    }

    @GET
    @Path("/{id}/assessments/{year}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response assessment(@RestPath String id, @RestPath String year) {
        return households.assessment(pathId(id, "Household"), pathYear(year, "Safe-home assessment")).ok();
    }

    @PUT
    @Path("/{id}/assessments/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response assess(@RestPath String id, @RestPath String year, @RestHeader("If-Match") String ifMatch,
                           HouseholdRequests.Assessment body, UriInfo uri) {
        HouseholdService.Assessed assessed = households.assess(pathId(id, "Household"), pathYear(year, "Safe-home assessment"),
                ifMatch, body);
        return assessed.created() ? assessed.assessment().created(uri.getAbsolutePath()) : assessed.assessment().ok();
    }

}
