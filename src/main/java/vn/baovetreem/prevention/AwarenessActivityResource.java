package vn.baovetreem.prevention;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.paging.Page;

import static vn.baovetreem.common.http.QueryParams.date;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.text;

/** {@code /awareness-activities}: operations listAwarenessActivities and recordAwarenessActivity. */
@Path("/awareness-activities")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AwarenessActivityResource {

    private final AwarenessActivityService activities;
    private final Idempotency idempotency;

    AwarenessActivityResource(AwarenessActivityService activities, Idempotency idempotency) {
        this.activities = activities;
        this.idempotency = idempotency;
    }

    @GET
    public Page<AwarenessActivityService.ActivityView> list(@RestQuery String unit, @RestQuery String from, @RestQuery String to,
                                                            @RestQuery String channel, @RestQuery String topic,
                                                            @RestQuery String pageSize, @RestQuery String pageToken) {
        return activities.list(new AwarenessActivityService.ListQuery(text("unit", unit, 20), date("from", from), date("to", to),
                text("channel", channel, 30), text("topic", topic, 30)), integer("pageSize", pageSize), pageToken);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(AwarenessActivityService.NewActivity body, @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, body,
                () -> Response.status(Response.Status.CREATED).entity(activities.record(body)).build());
    }
}
