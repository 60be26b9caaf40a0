package vn.baovetreem.imports;

import vn.baovetreem.common.http.Limited;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.baovetreem.children.ChildImport;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.http.Idempotency;
import vn.baovetreem.indicators.Xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import static vn.baovetreem.common.http.QueryParams.bool;
import static vn.baovetreem.common.http.QueryParams.enumValue;
import static vn.baovetreem.common.http.QueryParams.integer;
import static vn.baovetreem.common.http.QueryParams.pathId;
import static vn.baovetreem.common.http.QueryParams.text;

/**
 * {@code /imports}: operations startImport, getImport, listImportErrors (JSON or CSV) and
 * getImportTemplate.
 */
@Path("/imports")
@Authenticated
public class ImportResource {


    private final ImportService imports;
    private final ImportTemplates templates;
    private final Idempotency idempotency;

    ImportResource(ImportService imports, ImportTemplates templates, Idempotency idempotency) {
        this.imports = imports;
        this.templates = templates;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes({"text/csv", "application/jsonl", "application/x-ndjson", "application/x-jsonlines", Xlsx.MEDIA_TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    @Limited(Limited.Share.HEAVY)
    public Response start(@RestQuery String kind, @RestQuery String mode, @RestQuery String matchBy, @RestQuery String dryRun,
                          @RestQuery String allowPartial, @RestQuery String fileName, @RestHeader(HttpHeaders.CONTENT_TYPE) String type,
                          @RestHeader(Idempotency.HEADER) String idempotencyKey, InputStream body, UriInfo uri) {
        ImportService.Request request = new ImportService.Request(kind(kind), enumValue("mode", upper(mode), ImportMode.class),
                enumValue("matchBy", upper(matchBy), ChildImport.MatchBy.class), Boolean.TRUE.equals(bool("dryRun", dryRun)),
                Boolean.TRUE.equals(bool("allowPartial", allowPartial)), text("fileName", fileName, 200));
        try (Upload upload = Upload.receive(body)) {
            return idempotency.once(idempotencyKey, new Fingerprint(request, type, upload.digest()), () -> {
                ImportService.JobView job = imports.start(request, type, upload);
                return Response.accepted(job).location(uri.getBaseUriBuilder().path("imports").path(job.id().toString()).build())
                        .build();
            });
        } catch (IOException e) {
            throw new ApiException.BadRequest(ProblemCode.UNREADABLE_FILE, "The file could not be received: " + e.getMessage());
        }
    }

    /** What makes two uploads the same request for {@code Idempotency-Key}: the parameters and the file's SHA-256. */
    record Fingerprint(ImportService.Request request, String contentType, String digest) {
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@RestPath String id, @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return spoken(imports.get(pathId(id, "Import"), acceptLanguage)).build();
    }

    @GET
    @Path("/{id}/errors")
    @Produces(MediaType.APPLICATION_JSON)
    public Response errors(@RestPath String id, @RestQuery String pageSize, @RestQuery String pageToken,
                           @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return spoken(imports.errors(pathId(id, "Import"), integer("pageSize", pageSize), pageToken, acceptLanguage)).build();
    }

    @GET
    @Path("/{id}/errors")
    @Produces("text/csv")
    public Response errorsCsv(@RestPath String id, @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return spoken(imports.errorsCsv(pathId(id, "Import"), acceptLanguage)).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-errors_" + id + ".csv\"").build();
    }

    /** The answer, saying the language it is in and that it depends on {@code Accept-Language}. */
    private static Response.ResponseBuilder spoken(ImportService.Spoken<?> answer) {
        return Response.ok(answer.body()).header(HttpHeaders.CONTENT_LANGUAGE, answer.language().tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    @GET
    @Path("/templates/{kind}")
    @Produces({"text/csv", Xlsx.MEDIA_TYPE})
    public Response template(@RestPath String kind, @RestQuery String format) {
        ImportKind k = kind(kind);
        String f = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "csv" -> Response.ok(templates.csv(k), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"mau-nhap_" + kind + ".csv\"").build();
            case "xlsx" -> Response.ok(templates.xlsx(k), Xlsx.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"mau-nhap_" + kind + ".xlsx\"").build();
            default -> throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "format", "format is csv or xlsx.");
        };
    }

    private static ImportKind kind(String kind) {
        if (kind == null) {
            return null;
        }
        return enumValue("kind", kind.toUpperCase(Locale.ROOT), ImportKind.class);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
