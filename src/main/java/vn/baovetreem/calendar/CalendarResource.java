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
import vn.baovetreem.common.error.ApiException;

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
        return calendar.get(year(year)).ok();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@RestPath String year, @RestHeader("If-Match") String ifMatch, WorkingCalendar.YearUpdate body) {
        return calendar.replace(year(year), ifMatch, body).ok();
    }

    /** A year from 2000 to 2100; anything else names no calendar. */
    private static int year(String value) {
        if (value == null || !value.matches("\\d{4}") || Integer.parseInt(value) < 2000 || Integer.parseInt(value) > 2100) {
            throw new ApiException.NotFound("Calendar", "?");
        }
        return Integer.parseInt(value);
    }
}
