package vn.baovetreem.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /me} (operation getMe): who the caller is and what they may do. */
@Path("/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final MeService service;

    MeResource(MeService service) {
        this.service = service;
    }

    @GET
    public MeService.Me me() {
        return service.me();
    }
}
