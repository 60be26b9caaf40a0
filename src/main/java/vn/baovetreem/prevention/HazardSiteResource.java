package vn.baovetreem.prevention;

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
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.prevention.HazardSiteService.SiteView;

import java.util.List;
import java.util.Map;

import static vn.baovetreem.common.http.QueryParams.date;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.pathId;
import static vn.baovetreem.common.http.QueryParams.text;

/**
 * {@code /hazard-sites}: operations listHazardSites (JSON or GeoJSON), createHazardSite,
 * getHazardSite, updateHazardSite and inspectHazardSite.
 */
@Path("/hazard-sites")
@Authenticated
public class HazardSiteResource {

    static final String GEO_JSON = "application/geo+json";

    private final HazardSiteService sites;
    private final Idempotency idempotency;

    HazardSiteResource(HazardSiteService sites, Idempotency idempotency) {
        this.sites = sites;
        this.idempotency = idempotency;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.LISTS)
    public Page<SiteView> list(@RestQuery String unit, @RestQuery String village, @RestQuery String kind,
                               @RestQuery String riskLevel, @RestQuery String notMitigatedOn,
                               @RestQuery String notInspectedSince, @RestQuery String pageSize, @RestQuery String pageToken) {
        return sites.list(query(unit, village, kind, riskLevel, notMitigatedOn, notInspectedSince), integer("pageSize", pageSize),
                pageToken);
    }

    /** The same list as a GeoJSON FeatureCollection (RFC 7946) of the sites with coordinates. */
    @GET
    @Produces(GEO_JSON)
    @Limited(Limited.Share.LISTS)
    public Response listAsGeoJson(@RestQuery String unit, @RestQuery String village, @RestQuery String kind,
                                  @RestQuery String riskLevel, @RestQuery String notMitigatedOn,
                                  @RestQuery String notInspectedSince, @RestQuery String pageSize,
                                  @RestQuery String pageToken) {
        Page<SiteView> page = sites.listMappable(query(unit, village, kind, riskLevel, notMitigatedOn, notInspectedSince),
                integer("pageSize", pageSize), pageToken);
        return Response.ok(FeatureCollection.of(page)).type(GEO_JSON).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(HazardSiteRequests.NewHazardSite body, @RestHeader(Idempotency.HEADER) String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(idempotencyKey, body,
                () -> sites.create(body).createdUnder(uri, SiteView::id));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@RestPath String id) {
        return sites.get(pathId(id, "Hazard site")).ok();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@RestPath String id, @RestHeader("If-Match") String ifMatch, JsonNode patch)
            throws JsonProcessingException {
        return sites.patch(pathId(id, "Hazard site"), ifMatch, patch).ok();
    }

    @POST
    @Path("/{id}/inspections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response inspect(@RestPath String id, HazardSiteRequests.NewInspection body) {
        return Response.status(Response.Status.CREATED).entity(sites.inspect(pathId(id, "Hazard site"), body)).build();
    }

    private static HazardSiteService.ListQuery query(String unit, String village, String kind, String riskLevel,
                                                     String notMitigatedOn, String notInspectedSince) {
        return new HazardSiteService.ListQuery(text("unit", unit, 20), text("village", village, 20), text("kind", kind, 30),
                text("riskLevel", riskLevel, 10), date("notMitigatedOn", notMitigatedOn),
                date("notInspectedSince", notInspectedSince));
    }

    /** A GeoJSON FeatureCollection with the page's cursor as a foreign member. */
    record FeatureCollection(String type, List<Map<String, Object>> features, String nextPageToken) {

        static FeatureCollection of(Page<SiteView> page) {
            List<Map<String, Object>> features = page.items().stream().map(s -> Map.<String, Object>of(
                    "type", "Feature",
                    "id", s.id().toString(),
                    "geometry", Map.of("type", "Point", "coordinates", List.of(s.longitude(), s.latitude())),
                    "properties", properties(s))).toList();
            return new FeatureCollection("FeatureCollection", features, page.nextPageToken());
        }

        private static Map<String, Object> properties(SiteView s) {
            Map<String, Object> p = new java.util.LinkedHashMap<>();
            p.put("villageCode", s.villageCode());
            p.put("kind", s.kind());
            p.put("description", s.description());
            p.put("riskLevel", s.riskLevel());
            p.put("mitigated", s.mitigated());
            if (s.lastInspectedOn() != null) {
                p.put("lastInspectedOn", s.lastInspectedOn().toString());
            }
            return p;
        }
    }
}
