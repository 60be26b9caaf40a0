package vn.baovetreem.indicators;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import vn.baovetreem.common.error.ApiException;

/**
 * Operations getUnitFacts and putUnitFacts. The class carries the whole path: another resource
 * with the {@code /admin-units} prefix would hide this one from Quarkus REST's routing.
 */
@Path("/admin-units/{code}/facts/{year}")
@Authenticated
public class UnitFactResource {

    private final UnitFactService facts;

    UnitFactResource(UnitFactService facts) {
        this.facts = facts;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@RestPath String code, @RestPath String year) {
        return facts.get(code, year(year)).ok();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@RestPath String code, @RestPath String year, @RestHeader("If-Match") String ifMatch,
                        UnitFactService.FactsUpdate body) {
        return facts.put(code, year(year), ifMatch, body).ok();
    }

    private static int year(String value) {
        if (value == null || !value.matches("\\d{4}")) {
            throw new ApiException.NotFound("Unit facts", String.valueOf(value));
        }
        return Integer.parseInt(value);
    }
}
