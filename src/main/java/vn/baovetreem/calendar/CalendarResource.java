package vn.baovetreem.calendar;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import static vn.baovetreem.common.http.QueryParams.pathYear;

/** {@code /calendars/{year}}: operations getCalendar and putCalendar. */
@Path("/calendars/{year}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final WorkingCalendar calendar;

    CalendarResource(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GET
    public Response get(@RestPath String year) {
        return calendar.get(pathYear(year, "Calendar")).ok();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@RestPath String year, @RestHeader("If-Match") String ifMatch, WorkingCalendar.YearUpdate body) {
        return calendar.replace(pathYear(year, "Calendar"), ifMatch, body).ok();
    }

}
