package vn.baovetreem.interventions;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import static vn.baovetreem.common.http.QueryParams.date;
import static vn.baovetreem.common.http.QueryParams.text;

/** {@code /support-coverage} and {@code /funding-summary} (operations getSupportCoverage, getFundingSummary). */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SupportSummaryResource {

    private final CoverageService coverage;

    SupportSummaryResource(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GET
    @Path("support-coverage")
    public CoverageService.Coverage coverage(@RestQuery String unit, @RestQuery String from, @RestQuery String to) {
        return coverage.coverage(text("unit", unit, 20), date("from", from), date("to", to));
    }

    @GET
    @Path("funding-summary")
    public CoverageService.Funding funding(@RestQuery String unit, @RestQuery String from, @RestQuery String to) {
        return coverage.funding(text("unit", unit, 20), date("from", from), date("to", to));
    }
}
