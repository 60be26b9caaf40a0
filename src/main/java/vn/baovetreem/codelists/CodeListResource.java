package vn.baovetreem.codelists;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/** {@code /code-lists}: operations listCodeLists and getCodeList. */
@Path("/code-lists")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CodeListResource {

    private final CodeListService service;

    CodeListResource(CodeListService service) {
        this.service = service;
    }

    @GET
    public CodeListService.Catalog list() {
        return service.list();
    }

    @GET
    @Path("/{name}")
    public CodeList get(@RestPath String name) {
        return service.get(name);
    }
}
