package vn.baovetreem.prevention;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /safe-home-checklist}: operation getSafeHomeChecklist. */
@Path("/safe-home-checklist")
@Authenticated
public class SafeHomeChecklistResource {

    private final SafeHomeChecklist checklist;

    SafeHomeChecklistResource(SafeHomeChecklist checklist) {
        this.checklist = checklist;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SafeHomeChecklist.Checklist get() {
        return checklist.read();
    }
}
