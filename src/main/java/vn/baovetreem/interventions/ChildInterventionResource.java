package vn.baovetreem.interventions;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.interventions.InterventionViews.InterventionView;

import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.pathId;

/** {@code /children/{id}/interventions} (operation listChildInterventions). */
@Path("/children/{id}/interventions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ChildInterventionResource {

    private final InterventionService interventions;

    ChildInterventionResource(InterventionService interventions) {
        this.interventions = interventions;
    }

    @GET
    public Page<InterventionView> list(@RestPath String id, @RestQuery String pageSize, @RestQuery String pageToken) {
        return interventions.listOfChild(pathId(id, "Child"), integer("pageSize", pageSize), pageToken);
    }
}
