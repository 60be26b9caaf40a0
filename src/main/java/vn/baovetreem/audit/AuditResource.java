package vn.baovetreem.audit;

import vn.baovetreem.common.http.Limited;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import vn.baovetreem.common.paging.Page;

import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.text;
import static vn.baovetreem.common.http.QueryParams.timestamp;

/** {@code GET /audit-events} (operation listAuditEvents). */
@Path("/audit-events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService service;

    AuditResource(AuditService service) {
        this.service = service;
    }

    @GET
    @Limited(Limited.Share.LISTS)
    public Page<AuditEventView> list(@RestQuery String recordType, @RestQuery String recordId, @RestQuery String actor,
                                     @RestQuery String since, @RestQuery String until,
                                     @RestQuery String pageSize, @RestQuery String pageToken) {
        AuditService.Filter filter = new AuditService.Filter(text("recordType", recordType, 50),
                text("recordId", recordId, 100), text("actor", actor, 255),
                timestamp("since", since), timestamp("until", until));
        return service.list(filter, integer("pageSize", pageSize), pageToken);
    }
}
