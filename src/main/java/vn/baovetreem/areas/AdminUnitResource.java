package vn.baovetreem.areas;

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
import vn.baovetreem.areas.AdminUnitRequests.AdminUnitRetirement;
import vn.baovetreem.areas.AdminUnitRequests.NewAdminUnit;
import vn.baovetreem.areas.AdminUnitViews.AdminUnitView;
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.common.paging.Page;

import static vn.baovetreem.common.http.QueryParams.date;
import static vn.baovetreem.common.http.QueryParams.enumValue;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.text;

/** {@code /admin-units}: operations listAdminUnits, getAdminUnit, createAdminUnit, updateAdminUnit, retireAdminUnit. */
@Path("/admin-units")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdminUnitResource {


    private final AdminUnitService service;
    private final Idempotency idempotency;

    AdminUnitResource(AdminUnitService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    public Page<AdminUnitView> list(@RestQuery String parent, @RestQuery String level, @RestQuery String validOn,
                                    @RestQuery String q, @RestQuery String pageSize, @RestQuery String pageToken) {
        return service.list(text("parent", parent, 20), enumValue("level", level, UnitLevel.class),
                date("validOn", validOn), text("q", q, 100), integer("pageSize", pageSize), pageToken);
    }

    @GET
    @Path("/{code}")
    public Response get(@RestPath String code, @RestQuery String validOn) {
        return service.get(code, date("validOn", validOn)).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAdminUnit body, @RestHeader(Idempotency.HEADER) String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(idempotencyKey, body,
                () -> service.create(body).createdUnder(uri, AdminUnitView::code));
    }

    @PATCH
    @Path("/{code}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response update(@RestPath String code, @RestHeader("If-Match") String ifMatch, ObjectNode patch) {
        return service.patch(code, ifMatch, patch).ok();
    }

    @POST
    @Path("/{code}/retirement")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response retire(@RestPath String code, @RestHeader("If-Match") String ifMatch,
                           AdminUnitRetirement body) {
        return service.retire(code, ifMatch, body).ok();
    }
}
