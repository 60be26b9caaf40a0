package vn.baovetreem.sync;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.baovetreem.common.http.Limited;
import vn.baovetreem.common.text.Language;

import java.net.URI;

/** {@code /sync/batch}: operation applySyncBatch. */
@Path("/sync/batch")
@Authenticated
public class SyncBatchResource {

    private final SyncBatches batches;
    private final String apiPath;

    SyncBatchResource(SyncBatches batches, @ConfigProperty(name = "quarkus.rest.path") String apiPath) {
        this.batches = batches;
        this.apiPath = apiPath;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.BATCHES)
    public SyncBatch.Outcomes apply(SyncBatch body, HttpHeaders headers, HttpServerRequest request) {
        // The operations go to the address this request came in on: this instance, whatever is in front of it.
        SocketAddress local = request.localAddress();
        String host = local.hostAddress().contains(":") ? "[" + local.hostAddress() + "]" : local.hostAddress();
        String acceptLanguage = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        return batches.apply(body, new SyncBatches.Caller(URI.create("http://" + host + ":" + local.port() + apiPath),
                headers.getHeaderString(HttpHeaders.AUTHORIZATION), acceptLanguage,
                Language.preferred(acceptLanguage, Language.EN)));
    }
}
