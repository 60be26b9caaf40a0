package vn.baovetreem.sync;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import vn.baovetreem.common.http.Limited;

import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.list;
import static vn.baovetreem.common.http.QueryParams.text;

/** {@code /changes} and {@code /sync/seed}: operations listChanges and seedCopy. */
@Path("/")
@Authenticated
public class SyncResource {

    /** Longer than any token the feed writes. */
    private static final int MAX_TOKEN = 500;

    private final ChangeFeed feed;

    SyncResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Path("changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.LISTS)
    public ChangeFeed.ChangePage changes(@RestQuery String since, @RestQuery String types, @RestQuery String unit,
                                         @RestQuery String pageSize) {
        return feed.changes(text("since", since, MAX_TOKEN), list("types", types), text("unit", unit, 20),
                integer("pageSize", pageSize));
    }

    @GET
    @Path("sync/seed")
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.LISTS)
    public ChangeFeed.SeedPage seed(@RestQuery String types, @RestQuery String unit, @RestQuery String pageSize,
                                    @RestQuery String pageToken) {
        return feed.seed(list("types", types), text("unit", unit, 20), integer("pageSize", pageSize),
                text("pageToken", pageToken, MAX_TOKEN));
    }
}
