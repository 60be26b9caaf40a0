package vn.baovetreem.reports;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import static vn.baovetreem.common.http.QueryParams.pathYear;

/** {@code /reporting-periods/{year}}: operations getReportingPeriods and setReportingPeriods. */
@Path("/reporting-periods/{year}")
@Authenticated
public class ReportingPeriodResource {

    private final ReportingPeriods periods;

    ReportingPeriodResource(ReportingPeriods periods) {
        this.periods = periods;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ReportingPeriods.YearView get(@RestPath String year) {
        return periods.read(pathYear(year, "Reporting year"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ReportingPeriods.YearView put(@RestPath String year, ReportingPeriods.YearInput body) {
        return periods.replace(pathYear(year, "Reporting year"), body);
    }

}
