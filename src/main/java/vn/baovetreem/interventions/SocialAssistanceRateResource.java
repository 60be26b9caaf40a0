package vn.baovetreem.interventions;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /social-assistance-rates} (operations listSocialAssistanceRates, addSocialAssistanceRate). */
@Path("/social-assistance-rates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SocialAssistanceRateResource {

    private final SocialAssistanceRates rates;

    SocialAssistanceRateResource(SocialAssistanceRates rates) {
        this.rates = rates;
    }

    @GET
    public SocialAssistanceRates.RateList list() {
        return rates.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(InterventionRequests.NewRate body) {
        return Response.status(Response.Status.CREATED).entity(rates.add(body)).build();
    }
}
