package vn.baovetreem.sync;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.baovetreem.common.paging.Page;

import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.pathId;
import static vn.baovetreem.common.http.QueryParams.text;

/** {@code /webhooks}: operations registerWebhook, listWebhooks, getWebhook, removeWebhook and listWebhookDeliveries. */
@Path("/webhooks")
@Authenticated
public class WebhookResource {

    private static final String RECORD_TYPE = "Webhook";

    private final Webhooks webhooks;

    WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(Webhooks.NewWebhook body, UriInfo uri) {
        Webhooks.WebhookView created = webhooks.register(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Webhooks.WebhookList list() {
        return webhooks.list();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Webhooks.WebhookView get(@RestPath String id) {
        return webhooks.get(pathId(id, RECORD_TYPE));
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@RestPath String id) {
        webhooks.remove(pathId(id, RECORD_TYPE));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<WebhookRepository.Delivery> deliveries(@RestPath String id, @RestQuery String pageSize, @RestQuery String pageToken) {
        return webhooks.deliveries(pathId(id, RECORD_TYPE), integer("pageSize", pageSize), text("pageToken", pageToken, 500));
    }
}
