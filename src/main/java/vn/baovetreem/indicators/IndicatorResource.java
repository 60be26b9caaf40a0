package vn.baovetreem.indicators;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/** Operations listIndicators and getIndicator. */
@Path("/indicators")
@Authenticated
public class IndicatorResource {

    private final IndicatorCatalogue catalogue;

    IndicatorResource(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public IndicatorCatalogue.Catalogue list() {
        return catalogue.read();
    }

    @GET
    @Path("/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    public IndicatorCatalogue.Indicator get(@RestPath String key) {
        return catalogue.read(key);
    }
}
