package vn.baovetreem.interventions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import vn.baovetreem.common.http.Idempotency;

/** {@code /intervention-batches} (operation createInterventionBatch). */
@Path("/intervention-batches")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InterventionBatchResource {

    private final InterventionService interventions;
    private final Idempotency idempotency;
    private final ObjectMapper mapper;

    InterventionBatchResource(InterventionService interventions, Idempotency idempotency, ObjectMapper mapper) {
        this.interventions = interventions;
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ObjectNode body, @RestHeader(Idempotency.HEADER) String idempotencyKey)
            throws JsonProcessingException {
        InterventionRequests.NewBatch request = InterventionRequests.NewBatch.read(mapper, body);
        return idempotency.once(idempotencyKey, body,
                () -> Response.status(Response.Status.CREATED).entity(interventions.createBatch(request)).build());
    }
}
