package vn.baovetreem.indicators;

import vn.baovetreem.common.http.Limited;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import static vn.baovetreem.common.http.QueryParams.date;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.list;
import static vn.baovetreem.common.http.QueryParams.text;

/** Operation getIndicatorValues. */
@Path("/indicator-values")
@Authenticated
public class IndicatorValuesResource {

    private final IndicatorService indicators;

    IndicatorValuesResource(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.HEAVY)
    public IndicatorService.Values values(@RestQuery String unit, @RestQuery String period, @RestQuery String from,
                                          @RestQuery String to, @RestQuery String keys, @RestQuery String by,
                                          @RestQuery String suppressBelow) {
        return indicators.values(new IndicatorService.Query(text("unit", unit, 20),
                Period.of(text("period", period, 20), date("from", from), date("to", to)), list("keys", keys), list("by", by),
                integer("suppressBelow", suppressBelow, 2, 100)));
    }
}
