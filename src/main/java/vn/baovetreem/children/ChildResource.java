package vn.baovetreem.children;

import vn.baovetreem.common.http.Limited;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.baovetreem.audit.AuditEventView;
import vn.baovetreem.children.ChildRequests.ChildMerge;
import vn.baovetreem.children.ChildRequests.ChildTransition;
import vn.baovetreem.children.ChildRequests.ConsentWithdrawal;
import vn.baovetreem.children.ChildRequests.EpisodeEnd;
import vn.baovetreem.children.ChildRequests.NewConsent;
import vn.baovetreem.children.ChildRequests.NewEpisode;
import vn.baovetreem.children.ChildViews.ChildSummary;
import vn.baovetreem.children.ChildViews.ChildView;
import vn.baovetreem.children.ConsentService.ConsentView;
import vn.baovetreem.children.EpisodeService.EpisodeView;
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.common.http.ReadLane;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.indicators.Xlsx;

import java.util.Map;
import java.util.UUID;

import static vn.baovetreem.common.http.QueryParams.date;
import static vn.baovetreem.common.http.QueryParams.enumValue;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.pathId;
import static vn.baovetreem.common.http.QueryParams.text;
import static vn.baovetreem.common.http.QueryParams.timestamp;

/**
 * {@code /children} and what hangs under a child: operations listChildren, createChild,
 * listChildDuplicates, getChild, updateChild, transitionChild, mergeChild, getChildHistory,
 * getPersonalDataReport, the circumstance and risk spans, and consents.
 */
@Path("/children")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ChildResource {


    private final ChildService children;
    private final EpisodeService episodes;
    private final ConsentService consents;
    private final ChildMergeService merges;
    private final PersonalDataReports reports;
    private final Idempotency idempotency;
    private final ReadLane reads;

    ChildResource(ChildService children, EpisodeService episodes, ConsentService consents, ChildMergeService merges,
                  PersonalDataReports reports, Idempotency idempotency, ReadLane reads) {
        this.children = children;
        this.episodes = episodes;
        this.consents = consents;
        this.merges = merges;
        this.reports = reports;
        this.idempotency = idempotency;
        this.reads = reads;
    }

    @GET
    @Limited(Limited.Share.LISTS)
    public Page<ChildSummary> list(@RestQuery String unit, @RestQuery String village, @RestQuery String sex,
                                   @RestQuery String bornFrom, @RestQuery String bornTo, @RestQuery String minAge,
                                   @RestQuery String maxAge, @RestQuery String ageOn, @RestQuery String circumstanceGroup,
                                   @RestQuery String circumstanceOn, @RestQuery String riskCategory,
                                   @RestQuery String atRiskOn, @RestQuery String status, @RestQuery String povertyStatus,
                                   @RestQuery String disabilityLevel, @RestQuery String personalId,
                                   @RestQuery String externalRef, @RestQuery String q, @RestQuery String updatedSince,
                                   @RestQuery String sort, @RestQuery String pageSize, @RestQuery String pageToken) {
        ChildService.ListQuery query = new ChildService.ListQuery(text("unit", unit, 20), text("village", village, 20),
                text("sex", sex, 20), date("bornFrom", bornFrom), date("bornTo", bornTo), integer("minAge", minAge, 0, 150),
                integer("maxAge", maxAge, 0, 150), date("ageOn", ageOn), text("circumstanceGroup", circumstanceGroup, 30),
                date("circumstanceOn", circumstanceOn), text("riskCategory", riskCategory, 30), date("atRiskOn", atRiskOn),
                enumValue("status", status, ChildStatus.class), text("povertyStatus", povertyStatus, 20),
                text("disabilityLevel", disabilityLevel, 20), text("personalId", personalId, 12),
                text("externalRef", externalRef, 100), text("q", q, 100), timestamp("updatedSince", updatedSince),
                text("sort", sort, 20));
        return children.list(query, integer("pageSize", pageSize), pageToken);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ChildDetails body, @RestHeader(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return idempotency.once(idempotencyKey, body,
                () -> children.create(body).createdUnder(uri, ChildView::id));
    }

    @GET
    @Path("/duplicates")
    @Limited(Limited.Share.HEAVY)
    public Page<ChildService.DuplicatePair> duplicates(@RestQuery String unit, @RestQuery String pageSize,
                                                       @RestQuery String pageToken) {
        return children.duplicates(text("unit", unit, 20), integer("pageSize", pageSize), pageToken);
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@RestPath String id) {
        UUID childId = childId(id);
        return reads.run(() -> children.get(childId).ok());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response update(@RestPath String id, @RestHeader("If-Match") String ifMatch, JsonNode patch)
            throws JsonProcessingException {
        return children.patch(childId(id), ifMatch, patch).ok();
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transition(@RestPath String id, @RestHeader("If-Match") String ifMatch, ChildTransition body) {
        return children.transition(childId(id), ifMatch, body).ok();
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response merge(@RestPath String id, @RestHeader("If-Match") String ifMatch, ChildMerge body) {
        return merges.merge(childId(id), ifMatch, body).ok();
    }

    @GET
    @Path("/{id}/history")
    public Page<AuditEventView> history(@RestPath String id, @RestQuery String pageSize, @RestQuery String pageToken) {
        return children.history(childId(id), integer("pageSize", pageSize), pageToken);
    }

    /** The data subject's report as JSON. */
    @GET
    @Path("/{id}/personal-data-report")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> personalDataReport(@RestPath String id) {
        return reports.report(childId(id));
    }

    /** The same report as a workbook to print and hand over. */
    @GET
    @Path("/{id}/personal-data-report")
    @Produces(Xlsx.MEDIA_TYPE)
    public Response printablePersonalDataReport(@RestPath String id) {
        PersonalDataReports.Printable printable = reports.printable(childId(id));
        return Response.ok(printable.body(), Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + printable.fileName() + "\"").build();
    }

    @GET
    @Path("/{id}/circumstances")
    public EpisodeService.EpisodeList circumstances(@RestPath String id) {
        return episodes.list(childId(id), EpisodeKind.CIRCUMSTANCE);
    }

    @POST
    @Path("/{id}/circumstances")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addCircumstance(@RestPath String id, NewEpisode body,
                                    @RestHeader(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return addEpisode(id, EpisodeKind.CIRCUMSTANCE, body, idempotencyKey, uri);
    }

    @GET
    @Path("/{id}/circumstances/{episodeId}")
    public Response circumstance(@RestPath String id, @RestPath String episodeId) {
        return episodes.get(childId(id), EpisodeKind.CIRCUMSTANCE, episodeId(episodeId)).ok();
    }

    @PATCH
    @Path("/{id}/circumstances/{episodeId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response correctCircumstance(@RestPath String id, @RestPath String episodeId,
                                        @RestHeader("If-Match") String ifMatch, JsonNode patch) throws JsonProcessingException {
        return episodes.correct(childId(id), EpisodeKind.CIRCUMSTANCE, episodeId(episodeId), ifMatch, patch).ok();
    }

    @POST
    @Path("/{id}/circumstances/{episodeId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response endCircumstance(@RestPath String id, @RestPath String episodeId,
                                    @RestHeader("If-Match") String ifMatch, EpisodeEnd body) {
        return episodes.end(childId(id), EpisodeKind.CIRCUMSTANCE, episodeId(episodeId), ifMatch, body).ok();
    }

    @GET
    @Path("/{id}/risks")
    public EpisodeService.EpisodeList risks(@RestPath String id) {
        return episodes.list(childId(id), EpisodeKind.RISK);
    }

    @POST
    @Path("/{id}/risks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addRisk(@RestPath String id, NewEpisode body, @RestHeader(Idempotency.HEADER) String idempotencyKey,
                            UriInfo uri) {
        return addEpisode(id, EpisodeKind.RISK, body, idempotencyKey, uri);
    }

    @GET
    @Path("/{id}/risks/{episodeId}")
    public Response risk(@RestPath String id, @RestPath String episodeId) {
        return episodes.get(childId(id), EpisodeKind.RISK, episodeId(episodeId)).ok();
    }

    @PATCH
    @Path("/{id}/risks/{episodeId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response correctRisk(@RestPath String id, @RestPath String episodeId, @RestHeader("If-Match") String ifMatch,
                                JsonNode patch) throws JsonProcessingException {
        return episodes.correct(childId(id), EpisodeKind.RISK, episodeId(episodeId), ifMatch, patch).ok();
    }

    @POST
    @Path("/{id}/risks/{episodeId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response endRisk(@RestPath String id, @RestPath String episodeId, @RestHeader("If-Match") String ifMatch,
                            EpisodeEnd body) {
        return episodes.end(childId(id), EpisodeKind.RISK, episodeId(episodeId), ifMatch, body).ok();
    }

    @GET
    @Path("/{id}/consents")
    public ConsentService.ConsentList consents(@RestPath String id) {
        return consents.list(childId(id));
    }

    @POST
    @Path("/{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordConsent(@RestPath String id, NewConsent body,
                                  @RestHeader(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        UUID child = childId(id);
        return idempotency.once(idempotencyKey, body,
                () -> consents.record(child, body).createdUnder(uri, ConsentView::id));
    }

    @POST
    @Path("/{id}/consents/{consentId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response withdrawConsent(@RestPath String id, @RestPath String consentId,
                                    @RestHeader("If-Match") String ifMatch, ConsentWithdrawal body) {
        return consents.withdraw(childId(id), pathId(consentId, "Consent"), ifMatch, body).ok();
    }

    private Response addEpisode(String id, EpisodeKind kind, NewEpisode body, String idempotencyKey, UriInfo uri) {
        UUID child = childId(id);
        return idempotency.once(idempotencyKey, body,
                () -> episodes.create(child, kind, body).createdUnder(uri, EpisodeView::id));
    }

    private static UUID childId(String id) {
        return pathId(id, "Child");
    }

    private static UUID episodeId(String id) {
        return pathId(id, "Span");
    }
}
